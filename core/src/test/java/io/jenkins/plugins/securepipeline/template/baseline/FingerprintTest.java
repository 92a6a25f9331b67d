package io.jenkins.plugins.securepipeline.template.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securepipeline.template.Finding;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.rules.References;
import org.junit.jupiter.api.Test;

class FingerprintTest {
    private static Finding finding(int line, int column, String message) {
        return new Finding("ASP-X-001", Severity.HIGH, "title", "Bucket", "AWS::S3::Bucket", line, column, message,
                "fix", References.NONE, false, null);
    }

    @Test
    void lineAndColumnAreNotPartOfIt() {
        assertThat(Fingerprint.of(finding(3, 5, "m"), "a.yaml")).isEqualTo(Fingerprint.of(finding(40, 9, "m"), "a.yaml"))
                .isNotEqualTo(Fingerprint.of(finding(3, 5, "m"), "b.yaml"))
                .isNotEqualTo(Fingerprint.of(finding(3, 5, "n"), "a.yaml"));
    }

    @Test
    void whiteSpaceAndPositionsInMessagesAreNormalised() {
        assertThat(Fingerprint.normalise("  The  value\n at line 12, column 3 is open "))
                .isEqualTo("The value at line #, column # is open");
        assertThat(Fingerprint.normalise("SSH (port 22) is reachable from 0.0.0.0/0"))
                .isEqualTo("SSH (port 22) is reachable from 0.0.0.0/0");
    }

    @Test
    void listPositionsInPropertyPathsAreNotPartOfIt() {
        assertThat(Fingerprint.normalise("Guard rule r failed at /Resources/R/Properties/Policies/0/Statement/12: x"))
                .isEqualTo("Guard rule r failed at /Resources/R/Properties/Policies/*/Statement/*: x");
        assertThat(Fingerprint.normalise("missing at /Resources/R/Properties/Tags/3 (no such key)"))
                .isEqualTo("missing at /Resources/R/Properties/Tags/* (no such key)");
        // Not paths: CIDR blocks and ports keep their numbers, and so does a key that only starts with digits.
        assertThat(Fingerprint.normalise("from ::/0 and 10.0.0.0/8 at /Resources/R/Properties/P/2a"))
                .isEqualTo("from ::/0 and 10.0.0.0/8 at /Resources/R/Properties/P/2a");
    }
}
