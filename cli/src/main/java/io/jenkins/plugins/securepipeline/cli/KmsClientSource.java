package io.jenkins.plugins.securepipeline.cli;

import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Where the CLI gets its KMS client for {@code awskms:///} keys. The default uses the SDK's standard chains
 * (AWS_REGION / profile region, AWS_ENDPOINT_URL_KMS, environment / profile / instance credentials); tests pass a
 * client pointed at a local endpoint.
 */
@FunctionalInterface
public interface KmsClientSource {
    KmsClient open();

    /** The SDK defaults; to be replaced by the shared client settings of core's {@code aws} package once it exists. */
    KmsClientSource SDK_DEFAULTS = () -> KmsClient.builder().httpClient(ApacheHttpClient.create()).build();
}
