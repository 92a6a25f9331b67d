package io.jenkins.plugins.securepipeline.cli.image;

import io.jenkins.plugins.securepipeline.aws.AwsClientSettings;
import io.jenkins.plugins.securepipeline.aws.AwsClients;
import io.jenkins.plugins.securepipeline.aws.ProxySettings;
import io.jenkins.plugins.securepipeline.cli.TimeoutOption;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * AWS clients for the image commands, built by the shared {@link AwsClients} (timeouts, retries, proxy, endpoint
 * overrides) from the standard AWS environment: {@code AWS_ENDPOINT_URL_ECR} / {@code AWS_ENDPOINT_URL_KMS} for
 * PrivateLink endpoints, {@code AWS_USE_FIPS_ENDPOINT}, {@code HTTPS_PROXY} / {@code NO_PROXY}; credentials from the
 * SDK's default chain (environment, profile, web identity, instance role).
 */
final class AwsAccess {
    private AwsAccess() {}

    static AwsClients clients(String region, Map<String, String> environment, TimeoutOption timeout) {
        AwsClientSettings.Builder settings = timeout.applyTo(AwsClientSettings.builder(region));
        for (String service : new String[] {"ecr", "kms"}) {
            String endpoint = environment.get("AWS_ENDPOINT_URL_" + service.toUpperCase(java.util.Locale.ROOT));
            if (endpoint != null && !endpoint.isBlank()) {
                settings.endpointOverride(service, URI.create(endpoint.trim()));
            }
        }
        settings.fips("true".equalsIgnoreCase(environment.get("AWS_USE_FIPS_ENDPOINT")));
        proxy(environment).ifPresent(settings::proxy);
        return new AwsClients(settings.build());
    }

    /** HTTPS_PROXY / NO_PROXY, used for the AWS APIs and for registry traffic alike. */
    static java.util.Optional<ProxySettings> proxy(Map<String, String> environment) {
        String proxy = firstSet(environment, "HTTPS_PROXY", "https_proxy");
        if (proxy == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ProxySettings(URI.create(proxy.contains("://") ? proxy : "http://" + proxy),
                ProxySettings.parseNoProxy(firstSet(environment, "NO_PROXY", "no_proxy"))));
    }

    static DefaultCredentialsProvider defaultCredentials() {
        return DefaultCredentialsProvider.builder().build();
    }

    private static String firstSet(Map<String, String> environment, String... names) {
        for (String name : names) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
