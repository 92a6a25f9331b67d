package io.jenkins.plugins.securepipeline.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BlockingThresholdTest {

    @Test
    void blankMeansTheDefaultHighNeverNoBlocking() {
        assertThat(BlockingThreshold.parse("scanThreshold", null)).isEqualTo(Severity.HIGH);
        assertThat(BlockingThreshold.parse("scanThreshold", "")).isEqualTo(Severity.HIGH);
        assertThat(BlockingThreshold.parse("scanThreshold", " \t\n")).isEqualTo(Severity.HIGH);
        assertThat(BlockingThreshold.DEFAULT).isEqualTo(Severity.HIGH);
    }

    @Test
    void onlyTheWordNeverTurnsBlockingOff() {
        assertThat(BlockingThreshold.parse("failOn", "never")).isNull();
        assertThat(BlockingThreshold.parse("failOn", " NEVER ")).isNull();
        assertThat(BlockingThreshold.isNever(" Never")).isTrue();
        assertThat(BlockingThreshold.isNever("")).isFalse();
        assertThat(BlockingThreshold.isNever(null)).isFalse();
        assertThat(BlockingThreshold.isNever("nevermind")).isFalse();
    }

    @Test
    void severitiesInAnyCase() {
        assertThat(BlockingThreshold.parse("failOn", "low")).isEqualTo(Severity.LOW);
        assertThat(BlockingThreshold.parse("failOn", " Medium ")).isEqualTo(Severity.MEDIUM);
        assertThat(BlockingThreshold.parse("failOn", "CRITICAL")).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void unknownTextIsAnErrorNamingTheFieldAndTheChoices() {
        assertThatThrownBy(() -> BlockingThreshold.parse("scanThreshold", "hgih"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scanThreshold: unknown severity 'hgih' (expected low, medium, high, critical or never)");
        assertThatThrownBy(() -> BlockingThreshold.parse("--fail-on", "none"))
                .hasMessageStartingWith("--fail-on: unknown severity 'none'");
        assertThatThrownBy(() -> BlockingThreshold.parse("failOn", "off")).hasMessageContaining("failOn");
    }

    @Test
    void labels() {
        assertThat(BlockingThreshold.label(null)).isEqualTo("never");
        assertThat(BlockingThreshold.label(Severity.MEDIUM)).isEqualTo("medium");
    }
}
