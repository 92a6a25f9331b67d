package io.jenkins.plugins.securepipeline.plugin.role;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import hudson.ProxyConfiguration;
import hudson.model.Run;
import io.jenkins.plugins.securepipeline.aws.AwsClientSettings;
import io.jenkins.plugins.securepipeline.aws.AwsClients;
import io.jenkins.plugins.securepipeline.aws.ProxySettings;
import io.jenkins.plugins.securepipeline.plugin.BuildIdentity;
import io.jenkins.plugins.securepipeline.plugin.SecurePipelineConfiguration;
import io.jenkins.plugins.securepipeline.role.AssumedRole;
import io.jenkins.plugins.securepipeline.role.RoleArn;
import io.jenkins.plugins.securepipeline.role.RoleAssumer;
import io.jenkins.plugins.securepipeline.role.RoleSessionRequest;
import java.net.URI;
import java.util.Map;
import jenkins.model.Jenkins;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The controller's side of AWS: client settings from the administrator's configuration and Jenkins' own proxy, and
 * the controller's own credentials, handed out only through {@link StepAwsCredentials} (steps) and to readers the
 * administrator configured (Change Calendars). Runs on the controller,
 * in background threads only.
 */
public final class ControllerAws {
    private ControllerAws() {}

    /** @param region the step's region, or null for the administrator's default */
    public static AwsClientSettings settings(String region) {
        SecurePipelineConfiguration config = SecurePipelineConfiguration.get();
        String effectiveRegion = region != null && !region.isBlank() ? region.trim() : config.getRegion();
        if (effectiveRegion == null) {
            throw new IllegalStateException("no AWS region: pass region: to the step or set a default region in "
                    + "Manage Jenkins > System > AWS Secure Pipeline");
        }
        AwsClientSettings.Builder builder = AwsClientSettings.builder(effectiveRegion).fips(config.isFips());
        for (Map.Entry<String, String> override : config.endpointOverrides().entrySet()) {
            builder.endpointOverride(override.getKey(), URI.create(override.getValue()));
        }
        ProxySettings proxy = jenkinsProxy();
        if (proxy != null) {
            builder.proxy(proxy);
        }
        return builder.build();
    }

    /** Validates an endpoint override the way the client settings will (https, or http to loopback only). */
    public static void checkEndpoint(URI endpoint) {
        AwsClientSettings.builder("us-east-1").endpointOverride("sts", endpoint);
    }

    public static AwsClients clients(String region) {
        return new AwsClients(settings(region));
    }

    /**
     * The controller's own identity, for a step outside a role block. Only {@link StepAwsCredentials} calls this, after
     * a controller identity rule allowed it; identities that only ever yield an assumed role cannot serve.
     */
    static AwsCredentialsProvider controllerIdentity(Run<?, ?> run, String purpose) {
        return credentials(null, run, purpose);
    }

    /**
     * Credentials for a reader the administrator configured (a freeze calendar's Change Calendar role): the role
     * assumed with the controller's identity, or the identity itself when the administrator named no role. The
     * administrator's configuration is the decision; a Jenkinsfile can only choose among such readers, not name one.
     */
    public static AwsCredentialsProvider forAdminConfiguredReader(String adminRoleArn, Run<?, ?> run, String purpose) {
        return credentials(adminRoleArn, run, purpose);
    }

    private static AwsCredentialsProvider credentials(String roleArn, Run<?, ?> run, String purpose) {
        ControllerIdentity identity = SecurePipelineConfiguration.get().getIdentity();
        if (roleArn == null || roleArn.isBlank()) {
            if (identity instanceof DefaultChainIdentity) {
                return DefaultCredentialsProvider.builder().build();
            }
            if (identity instanceof AccessKeyIdentity accessKey) {
                return CredentialLookup.adminCredential(accessKey.getCredentialsId(), AmazonWebServicesCredentials.class, run,
                        "AWS credential");
            }
            throw new IllegalStateException(purpose + " needs a role ARN: the controller identity ("
                    + identity.describe() + ") only ever yields an assumed role");
        }
        RoleSessionRequest request = RoleSessionRequest.builder(RoleArn.parse("roleArn", roleArn.trim()))
                .roleSessionName(run == null ? "Jenkins-controller" : BuildIdentity.context(run, null).sessionName())
                .duration(RoleSessionRequest.MIN_DURATION)
                .build();
        AssumedRole role = new RoleAssumer(clients(null)).assume(identity.credentialSource(run), request);
        return StaticCredentialsProvider.create(role.credentials());
    }

    /** For the plugin's own HTTP clients (registries): Jenkins' proxy when set, else the JVM's default. */
    public static java.net.ProxySelector proxySelector() {
        ProxySettings proxy = jenkinsProxy();
        return proxy != null ? proxy.proxySelector() : java.net.ProxySelector.getDefault();
    }

    /** Jenkins' HTTP proxy (Manage Jenkins > System > HTTP Proxy Configuration), or null when none is set. */
    static ProxySettings jenkinsProxy() {
        ProxyConfiguration proxy = Jenkins.get().getProxy();
        if (proxy == null || proxy.name == null || proxy.name.isBlank()) {
            return null;
        }
        if (proxy.getUserName() != null && !proxy.getUserName().isBlank()) {
            throw new IllegalStateException("the Jenkins HTTP proxy needs a user name; authenticated proxies are not "
                    + "supported for AWS calls yet (use a proxy that admits the controller by address)");
        }
        URI uri = URI.create("http://" + proxy.name.trim() + ":" + (proxy.port > 0 ? proxy.port : 80));
        // Jenkins separates no-proxy hosts by spaces, tabs, new lines, commas or '|'
        // (ProxyConfiguration.getNoProxyHostPatterns); ProxySettings takes a comma-separated list.
        String exclusions = proxy.getNoProxyHost();
        return new ProxySettings(uri, ProxySettings.parseNoProxy(exclusions == null ? ""
                : String.join(",", exclusions.strip().split("[ \t\n,|]+"))));
    }
}
