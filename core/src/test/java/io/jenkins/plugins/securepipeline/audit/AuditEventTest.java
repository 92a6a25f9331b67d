package io.jenkins.plugins.securepipeline.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditEventTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"secretAccessKey", "sessionToken", "registryPassword", "keyPassphrase", "privateKey"})
    void subjectKeysThatNameASecretAreRefused(String key) {
        assertThatThrownBy(() -> new AuditEvent(NOW, "pushSignedImage", AuditOutcome.PASSED, "", "bob", "app#1",
                        Map.of(key, "whatever")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key)
                .hasMessageNotContaining("whatever");
    }

    @Test
    void identifiersAreFine() {
        AuditEvent event = new AuditEvent(NOW, "pushSignedImage", AuditOutcome.PASSED, null, null, null,
                Map.of("credentialsId", "signing-key", "digest", "sha256:abc"));
        assertThat(event.subject()).containsKeys("credentialsId", "digest");
        assertThat(event.reason()).isEmpty();
    }

    @Test
    void overlongTextIsCut() {
        AuditEvent event = new AuditEvent(NOW, "scanTemplate", AuditOutcome.BLOCKED, "x".repeat(10_000), "a", "b",
                Map.of());
        assertThat(event.reason()).hasSize(4097).endsWith("…");
    }

    @Test
    void stepAndOutcomeAreRequired() {
        assertThatThrownBy(() -> new AuditEvent(NOW, " ", AuditOutcome.PASSED, "", "", "", Map.of()))
                .hasMessageContaining("step");
        assertThatThrownBy(() -> new AuditEvent(NOW, "scanTemplate", null, "", "", "", Map.of()))
                .hasMessageContaining("outcome");
    }
}
