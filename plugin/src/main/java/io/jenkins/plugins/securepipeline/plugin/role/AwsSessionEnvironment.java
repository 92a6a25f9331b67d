package io.jenkins.plugins.securepipeline.plugin.role;

import hudson.EnvVars;
import hudson.util.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;

/**
 * The AWS variables of the block. Values are {@link Secret}s, so the pipeline's saved state holds them encrypted;
 * the secret ones are declared sensitive, which makes Pipeline warn when a Jenkinsfile interpolates them into a
 * Groovy string (where they would end up in step arguments).
 */
final class AwsSessionEnvironment extends EnvironmentExpander {
    private static final long serialVersionUID = 1L;
    static final Set<String> SENSITIVE = Set.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");

    private final LinkedHashMap<String, Secret> values = new LinkedHashMap<>();

    AwsSessionEnvironment(AwsRoleSession session) {
        values.put("AWS_ACCESS_KEY_ID", Secret.fromString(session.accessKeyId()));
        values.put("AWS_SECRET_ACCESS_KEY", Secret.fromString(session.secretAccessKey()));
        values.put("AWS_SESSION_TOKEN", Secret.fromString(session.sessionToken()));
        values.put("AWS_REGION", Secret.fromString(session.getRegion()));
        values.put("AWS_DEFAULT_REGION", Secret.fromString(session.getRegion()));
        values.put("AWS_CREDENTIAL_EXPIRATION", Secret.fromString(session.getExpiration().toString()));
    }

    @Override
    public void expand(EnvVars env) {
        for (Map.Entry<String, Secret> value : values.entrySet()) {
            env.override(value.getKey(), value.getValue().getPlainText());
        }
    }

    @Override
    public Set<String> getSensitiveVariables() {
        return SENSITIVE;
    }
}
