package io.jenkins.plugins.securepipeline.plugin.role;

import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import java.io.OutputStream;
import java.io.Serializable;

/** Masks the block's secrets (keys, renewed keys, endpoint token) in everything the block prints. */
final class SessionMaskingFilter extends ConsoleLogFilter implements Serializable {
    private static final long serialVersionUID = 1L;

    private final SessionSecrets secrets;

    SessionMaskingFilter(SessionSecrets secrets) {
        this.secrets = secrets;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public OutputStream decorateLogger(Run build, OutputStream logger) {
        return new SecretMaskingOutputStream(logger, secrets);
    }
}
