package io.jenkins.plugins.securepipeline.plugin.role;

import hudson.EnvVars;
import hudson.util.Secret;
import java.util.List;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;

/**
 * The variables of a block whose session is served by a credential endpoint: where the endpoint is and its token,
 * the region, and none of the keys. Sources the SDKs would prefer to the endpoint (keys in the environment, a
 * profile, a web identity file) are removed for the block. The token is a {@link Secret}, declared sensitive.
 */
final class EndpointEnvironment extends EnvironmentExpander {
    private static final long serialVersionUID = 1L;
    static final String TOKEN = "AWS_CONTAINER_AUTHORIZATION_TOKEN";
    private static final List<String> PREFERRED_BY_SDKS = List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_CREDENTIAL_EXPIRATION", "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE",
            "AWS_ROLE_ARN", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");

    private final String uri;
    private final Secret token;
    private final String region;

    EndpointEnvironment(String uri, Secret token, String region) {
        this.uri = uri;
        this.token = token;
        this.region = region;
    }

    @Override
    public void expand(EnvVars env) {
        for (String name : PREFERRED_BY_SDKS) {
            env.override(name, null);
        }
        env.override("AWS_CONTAINER_CREDENTIALS_FULL_URI", uri);
        env.override(TOKEN, token.getPlainText());
        if (region != null) {
            env.override("AWS_REGION", region);
            env.override("AWS_DEFAULT_REGION", region);
        }
    }

    @Override
    public Set<String> getSensitiveVariables() {
        return Set.of(TOKEN);
    }
}
