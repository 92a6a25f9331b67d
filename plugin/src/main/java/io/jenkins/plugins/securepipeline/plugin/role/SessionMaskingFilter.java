package io.jenkins.plugins.securepipeline.plugin.role;

import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import hudson.util.Secret;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Masks the session's secret key and token in everything the block prints; stored with the secrets encrypted. */
final class SessionMaskingFilter extends ConsoleLogFilter implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ArrayList<Secret> secrets = new ArrayList<>();

    SessionMaskingFilter(List<String> values) {
        values.forEach(value -> secrets.add(Secret.fromString(value)));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public OutputStream decorateLogger(Run build, OutputStream logger) {
        return new SecretMaskingOutputStream(logger, secrets.stream().map(Secret::getPlainText).toList());
    }
}
