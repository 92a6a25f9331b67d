package io.jenkins.plugins.securepipeline.cli;

import io.jenkins.plugins.securepipeline.aws.AwsClientSettings;
import io.jenkins.plugins.securepipeline.aws.AwsClients;
import io.jenkins.plugins.securepipeline.aws.ProxySettings;
import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Where the CLI gets its KMS client for {@code awskms:///} keys; tests pass a client pointed at a local endpoint.
 */
@FunctionalInterface
public interface KmsClientSource {
    KmsClient open();

    /**
     * A client built by core's {@link AwsClients} (retries, timeouts, proxy like every other AWS call) from the
     * usual environment: {@code AWS_REGION} (or {@code AWS_DEFAULT_REGION}), {@code AWS_ENDPOINT_URL_KMS} (e.g. a
     * PrivateLink endpoint), {@code AWS_USE_FIPS_ENDPOINT}, {@code HTTPS_PROXY}/{@code NO_PROXY}, and the SDK's
     * default credential chain.
     */
    static KmsClientSource fromEnvironment(Map<String, String> environment) {
        TimeoutOption defaults = new TimeoutOption();
        return fromEnvironment(environment, () -> defaults);
    }

    /** @param timeout read when the client is opened, after the command line was parsed */
    static KmsClientSource fromEnvironment(Map<String, String> environment, Supplier<TimeoutOption> timeout) {
        return () -> {
            String region = environment.getOrDefault("AWS_REGION", environment.get("AWS_DEFAULT_REGION"));
            AwsClientSettings.Builder settings = timeout.get().applyTo(AwsClientSettings.builder(region));
            String endpoint = environment.get("AWS_ENDPOINT_URL_KMS");
            if (endpoint != null && !endpoint.isBlank()) {
                settings.endpointOverride("kms", URI.create(endpoint));
            }
            settings.fips("true".equalsIgnoreCase(environment.get("AWS_USE_FIPS_ENDPOINT")));
            String proxy = environment.getOrDefault("HTTPS_PROXY", environment.get("https_proxy"));
            if (proxy != null && !proxy.isBlank()) {
                settings.proxy(new ProxySettings(URI.create(proxy.contains("://") ? proxy : "http://" + proxy),
                        ProxySettings.parseNoProxy(environment.getOrDefault("NO_PROXY", environment.get("no_proxy")))));
            }
            return new AwsClients(settings.build()).kms(DefaultCredentialsProvider.builder().build());
        };
    }
}
