package io.jenkins.plugins.securepipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kms.KmsClient;

class KmsClientSourceTest {
    @Test
    void withoutARegionTheClientIsNotBuilt() {
        assertThatThrownBy(() -> KmsClientSource.fromEnvironment(Map.of()).open()).hasMessageContaining("region");
    }

    @Test
    void theKmsEndpointOverrideFromTheEnvironmentIsWhereCallsGo() throws Exception {
        int port;
        try (ServerSocket reserved = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = reserved.getLocalPort();
        }
        // The default credential chain reads system properties first: no other source (and no network) is tried.
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "test-secret-not-real");
        try (KmsClient kms = KmsClientSource.fromEnvironment(Map.of(
                "AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL_KMS", "http://127.0.0.1:" + port)).open()) {
            assertThatThrownBy(() -> kms.sign(r -> r.keyId("alias/x").message(SdkBytes.fromByteArray(new byte[32]))))
                    .isInstanceOf(SdkClientException.class)
                    .satisfies(e -> assertThat(e.getMessage()).contains("127.0.0.1:" + port));
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }
}
