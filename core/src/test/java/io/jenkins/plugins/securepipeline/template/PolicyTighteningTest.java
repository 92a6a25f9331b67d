package io.jenkins.plugins.securepipeline.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securepipeline.template.rules.RuleCatalogue;
import io.jenkins.plugins.securepipeline.template.rules.TemplateRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyTighteningTest {
    private static final TemplateRule RULE = RuleCatalogue.all().stream()
            .filter(r -> r.info().severity() == Severity.MEDIUM).findFirst().orElseThrow();
    private static final String ID = RULE.info().id();

    @Test
    void aPipelineCanLowerTheThresholdButNotRaiseIt() {
        ScanPolicy admin = new ScanPolicy(Set.of(), Map.of(), Severity.HIGH);
        assertThat(PolicyTightening.of(admin, ScanPolicy.DEFAULT, Severity.MEDIUM, false).policy().threshold())
                .isEqualTo(Severity.MEDIUM);
        PolicyTightening looser = PolicyTightening.of(admin, ScanPolicy.DEFAULT, Severity.CRITICAL, false);
        assertThat(looser.policy().threshold()).isEqualTo(Severity.HIGH);
        assertThat(looser.ignored()).singleElement().asString().contains("failOn 'critical'");
        PolicyTightening never = PolicyTightening.of(admin, ScanPolicy.DEFAULT, null, true);
        assertThat(never.policy().threshold()).isEqualTo(Severity.HIGH);
        assertThat(never.ignored()).singleElement().asString().contains("'never'");
    }

    @Test
    void withoutAnAdminThresholdThePipelineDecides() {
        assertThat(PolicyTightening.of(ScanPolicy.DEFAULT, ScanPolicy.DEFAULT, Severity.LOW, false).policy().threshold())
                .isEqualTo(Severity.LOW);
        assertThat(PolicyTightening.of(ScanPolicy.DEFAULT, new ScanPolicy(Set.of(), Map.of(), Severity.HIGH), null, false)
                .policy().threshold()).isEqualTo(Severity.HIGH);
    }

    @Test
    void aPipelineCannotDisableRules() {
        PolicyTightening merged = PolicyTightening.of(ScanPolicy.DEFAULT, new ScanPolicy(Set.of(ID), Map.of(), null), null, false);
        assertThat(merged.policy().disabledRules()).isEmpty();
        assertThat(merged.ignored()).singleElement().asString().contains("disabling " + ID);
    }

    @Test
    void aPipelineCanRaiseARuleSeverityButNotLowerIt() {
        PolicyTightening raised = PolicyTightening.of(ScanPolicy.DEFAULT,
                new ScanPolicy(Set.of(), Map.of(ID, Severity.CRITICAL), null), null, false);
        assertThat(raised.policy().severityOverrides()).containsEntry(ID, Severity.CRITICAL);
        assertThat(raised.ignored()).isEmpty();

        PolicyTightening lowered = PolicyTightening.of(ScanPolicy.DEFAULT,
                new ScanPolicy(Set.of(), Map.of(ID, Severity.LOW), null), null, false);
        assertThat(lowered.policy().severityOverrides()).doesNotContainKey(ID);
        assertThat(lowered.ignored()).singleElement().asString().contains("lowering " + ID + " to low");
    }

    @Test
    void theAdminsOwnChoicesStand() {
        ScanPolicy admin = new ScanPolicy(Set.of(ID), Map.of(), Severity.CRITICAL);
        PolicyTightening merged = PolicyTightening.of(admin, ScanPolicy.DEFAULT, null, false);
        assertThat(merged.policy().disabledRules()).containsExactly(ID);
        assertThat(merged.policy().threshold()).isEqualTo(Severity.CRITICAL);
        assertThat(merged.ignored()).isEmpty();
    }

    @Test
    void aPipelineCanRaiseAGuardRuleSeverityButNotLowerIt() {
        ScanPolicy admin = new ScanPolicy(Set.of(), Map.of(), null, GuardSeverities.of(List.of(
                new GuardSeverities.Entry("org.guard/*", Severity.MEDIUM),
                new GuardSeverities.Entry("org.guard/S3_*", Severity.CRITICAL))));
        ScanPolicy pipeline = new ScanPolicy(Set.of(), Map.of(), null, GuardSeverities.of(List.of(
                new GuardSeverities.Entry("org.guard/*", Severity.LOW),
                new GuardSeverities.Entry("org.guard/SQS_*", Severity.HIGH),
                new GuardSeverities.Entry("team.guard/*", Severity.LOW))));
        PolicyTightening merged = PolicyTightening.of(admin, pipeline, null, false);
        GuardSeverities guard = merged.policy().guardSeverities();
        assertThat(guard.of("org.guard/S3_ENCRYPTED", Severity.HIGH)).isEqualTo(Severity.CRITICAL);
        assertThat(guard.of("org.guard/IAM_NO_STAR", Severity.HIGH)).isEqualTo(Severity.MEDIUM); // not lowered to low
        assertThat(guard.of("org.guard/SQS_ENCRYPTED", Severity.HIGH)).isEqualTo(Severity.HIGH); // raised
        assertThat(guard.of("team.guard/X", Severity.HIGH)).isEqualTo(Severity.HIGH); // not below the fallback
        assertThat(guard.of("other.guard/X", Severity.HIGH)).isEqualTo(Severity.HIGH);
        assertThat(merged.ignored()).singleElement().asString()
                .contains("lowering Guard rules org.guard/* to low (they stay medium)");
    }
}
