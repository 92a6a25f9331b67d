package io.jenkins.plugins.securepipeline.aws;

import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds AWS SDK v2 clients that all follow one {@link AwsClientSettings}: region, endpoint override, FIPS, proxy,
 * timeouts and the retry policy. Every engine gets its clients here so that a PrivateLink endpoint or a proxy set by
 * the admin applies to every call the product makes. Each client owns its HTTP client; close the client when done.
 */
public final class AwsClients {
    private final AwsClientSettings settings;

    public AwsClients(AwsClientSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public AwsClientSettings settings() {
        return settings;
    }

    public StsClient sts(AwsCredentialsProvider credentials) {
        return build(StsClient.builder(), "sts", credentials);
    }

    public SsmClient ssm(AwsCredentialsProvider credentials) {
        return build(SsmClient.builder(), "ssm", credentials);
    }

    public KmsClient kms(AwsCredentialsProvider credentials) {
        return build(KmsClient.builder(), "kms", credentials);
    }

    public EcrClient ecr(AwsCredentialsProvider credentials) {
        return build(EcrClient.builder(), "ecr", credentials);
    }

    /**
     * Configures any SDK v2 sync client builder the same way, e.g. {@code build(S3Client.builder(), "s3", creds)}.
     *
     * @param service the signing name under which an endpoint override may be configured
     */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, String service,
            AwsCredentialsProvider credentials) {
        builder.region(Region.of(settings.region()))
                .credentialsProvider(Objects.requireNonNull(credentials, "credentials"))
                // A builder, not a built client: the SDK then owns the HTTP client and closes it with the SDK client.
                .httpClientBuilder(httpClientBuilder())
                .overrideConfiguration(o -> o.retryStrategy(retryStrategy()).apiCallTimeout(settings.callTimeout()));
        settings.endpointOverride(service).ifPresentOrElse(builder::endpointOverride,
                // Without an override the SDK resolves the regional endpoint (sts.<region>.amazonaws.com[.cn]).
                () -> builder.fipsEnabled(settings.fips()));
        return builder.build();
    }

    ApacheHttpClient.Builder httpClientBuilder() {
        ApacheHttpClient.Builder http = ApacheHttpClient.builder()
                .connectionTimeout(settings.connectTimeout())
                .socketTimeout(settings.readTimeout());
        settings.proxy().ifPresent(proxy -> http.httpRoutePlanner(proxy.routePlanner()));
        return http;
    }

    /**
     * The SDK's standard strategy (it retries throttling, 5xx and I/O failures, never AccessDenied or other client
     * errors) with our attempt budget and exponential backoff with full jitter; the circuit breaker is off because
     * one pipeline's throttled STS burst must not make the next build's single call fail without trying.
     */
    RetryStrategy retryStrategy() {
        BackoffStrategy backoff = BackoffStrategy.exponentialDelay(settings.baseDelay(), settings.maxBackoff());
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(settings.maxAttempts())
                .backoffStrategy(backoff)
                .throttlingBackoffStrategy(backoff)
                // STS cannot always reach an OIDC provider's JWKS on the first try; AWS documents it as retryable.
                .retryOnException(AwsClients::isIdpCommunicationError)
                .circuitBreakerEnabled(false)
                .build();
    }

    private static boolean isIdpCommunicationError(Throwable t) {
        return t instanceof SdkException && "IDPCommunicationError".equals(AwsFailure.errorCode(t));
    }
}
