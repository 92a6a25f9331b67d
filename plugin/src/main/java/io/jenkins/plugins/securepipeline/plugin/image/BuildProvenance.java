package io.jenkins.plugins.securepipeline.plugin.image;

import hudson.EnvVars;
import hudson.model.ParameterValue;
import hudson.model.ParametersAction;
import hudson.model.Run;
import io.jenkins.plugins.securepipeline.signing.attest.SlsaProvenance;
import java.net.URI;
import java.net.URISyntaxException;
import jenkins.model.Jenkins;

/**
 * The SLSA provenance of a build, made on the controller from what Jenkins knows: the builder is the job (Jenkins URL
 * and job URL), the invocation the build's URL and number, the source the {@code GIT_URL}/{@code GIT_COMMIT} the git
 * plugin put in the build's environment (when present), and the build's parameters, sensitive ones (passwords,
 * credentials) left out by name and value. Base images are not recorded here.
 */
final class BuildProvenance {
    private BuildProvenance() {}

    static SlsaProvenance of(Run<?, ?> run, EnvVars env) {
        String root = Jenkins.get().getRootUrl();
        if (root == null || root.isBlank()) {
            throw new IllegalStateException("provenance: the Jenkins URL is not configured (Manage Jenkins > System >"
                    + " Jenkins URL); it names the builder");
        }
        String base = root.endsWith("/") ? root : root + "/";
        SlsaProvenance provenance = new SlsaProvenance(base + run.getParent().getUrl())
                .buildNumber(String.valueOf(run.getNumber()))
                .buildUrl(base + run.getUrl());
        ParametersAction parameters = run.getAction(ParametersAction.class);
        if (parameters != null) {
            for (ParameterValue parameter : parameters.getParameters()) {
                Object value = parameter.isSensitive() ? null : parameter.getValue();
                if (value instanceof String || value instanceof Boolean || value instanceof Number) {
                    provenance.parameter(parameter.getName(), String.valueOf(value));
                }
            }
        }
        String gitUrl = env == null ? null : env.get("GIT_URL");
        if (gitUrl != null && !gitUrl.isBlank()) {
            String commit = env.get("GIT_COMMIT");
            provenance.source(withoutUserInfo(gitUrl.trim()),
                    commit != null && commit.trim().matches("[0-9a-f]{40}|[0-9a-f]{64}") ? commit.trim() : null);
        }
        return provenance;
    }

    /** {@code https://user:token@host/repo.git} without {@code user:token@}: credentials never go into a provenance. */
    static String withoutUserInfo(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getRawUserInfo() == null || uri.getHost() == null) {
                return url;
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
                    uri.getFragment()).toString();
        } catch (URISyntaxException e) {
            // scp-like git@host:org/repo.git is not a URI; its "git@" is a user name, not a secret
            return url;
        }
    }
}
