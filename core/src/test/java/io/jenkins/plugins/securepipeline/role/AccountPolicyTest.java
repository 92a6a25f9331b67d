package io.jenkins.plugins.securepipeline.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountPolicyTest {
    private static RoleSessionRequest request(String arn, Duration duration, String externalId) {
        return RoleSessionRequest.builder(RoleArn.parse(arn)).roleSessionName("Jenkins-x-1").duration(duration)
                .externalId(externalId).build();
    }

    private static final AccountPolicyRule PAYMENTS_DEV = new AccountPolicyRule("payments-dev", "payments/*",
            Set.of("111111111111"), List.of(), Duration.ofHours(2), null);
    private static final AccountPolicyRule PAYMENTS_PROD = new AccountPolicyRule("payments-prod", "payments/release",
            Set.of(), List.of("arn:aws:iam::999999999999:role/deploy-*"), Duration.ofHours(1), "prod-ext-id");

    private final AccountPolicy policy = new AccountPolicy(List.of(PAYMENTS_DEV, PAYMENTS_PROD));

    @Test
    void noRulesAllowsAndSaysSo() {
        PolicyDecision decision = AccountPolicy.none().evaluate("any", request("arn:aws:iam::123456789012:role/r", Duration.ofHours(1), null));
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.ruleName()).isEmpty();
        assertThat(decision.reason()).contains("no account policy rules");
    }

    @Test
    void matchingRuleAllowsAndIsNamed() {
        PolicyDecision decision = policy.evaluate("payments/app", request("arn:aws:iam::111111111111:role/any", Duration.ofHours(2), null));
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.ruleName()).contains("payments-dev");
        assertThat(decision.reason()).contains("payments-dev");
    }

    @Test
    void deniesByDefaultWhenNoRuleCoversTheJob() {
        PolicyDecision decision = policy.evaluate("billing/app", request("arn:aws:iam::111111111111:role/any", Duration.ofHours(1), null));
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).contains("no account policy rule covers job 'billing/app'");
    }

    @Test
    void singleStarStaysInsideOneFolder() {
        PolicyDecision decision = policy.evaluate("payments/team/app", request("arn:aws:iam::111111111111:role/any", Duration.ofHours(1), null));
        assertThat(decision.allowed()).isFalse();
        AccountPolicy everything = new AccountPolicy(List.of(new AccountPolicyRule("all", "payments/**",
                Set.of("111111111111"), List.of(), null, null)));
        assertThat(everything.evaluate("payments/team/app", request("arn:aws:iam::111111111111:role/any", Duration.ofHours(1), null)).allowed()).isTrue();
    }

    @Test
    void wrongAccountIsExplainedPerRule() {
        PolicyDecision decision = policy.evaluate("payments/release", request("arn:aws:iam::222222222222:role/deploy-app", Duration.ofHours(1), "prod-ext-id"));
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).contains("rule 'payments-dev': account 222222222222 is not in [111111111111]")
                .contains("rule 'payments-prod': role arn:aws:iam::222222222222:role/deploy-app matches none of");
    }

    @Test
    void durationAboveTheRuleMaximumIsDenied() {
        PolicyDecision decision = policy.evaluate("payments/app", request("arn:aws:iam::111111111111:role/any", Duration.ofHours(3), null));
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).contains("duration 10800s is above the rule's maximum of 7200s");
    }

    @Test
    void requiredExternalIdMustBeGivenAndEqual() {
        String arn = "arn:aws:iam::999999999999:role/deploy-app";
        assertThat(policy.evaluate("payments/release", request(arn, Duration.ofHours(1), null)).reason())
                .contains("requires an external ID and none was given");
        PolicyDecision wrong = policy.evaluate("payments/release", request(arn, Duration.ofHours(1), "other-id"));
        assertThat(wrong.allowed()).isFalse();
        assertThat(wrong.reason()).contains("external ID differs").doesNotContain("prod-ext-id");
        assertThat(policy.evaluate("payments/release", request(arn, Duration.ofHours(1), "prod-ext-id")).ruleName()).contains("payments-prod");
    }

    @Test
    void roleArnPatternsAreGlobsNotRegularExpressions() {
        AccountPolicy dots = new AccountPolicy(List.of(new AccountPolicyRule("r", "**", Set.of(),
                List.of("arn:aws:iam::999999999999:role/a.b"), null, null)));
        assertThat(dots.evaluate("j", request("arn:aws:iam::999999999999:role/a.b", Duration.ofHours(1), null)).allowed()).isTrue();
        assertThat(dots.evaluate("j", request("arn:aws:iam::999999999999:role/aXb", Duration.ofHours(1), null)).allowed()).isFalse();
    }

    @Test
    void rulesThatWouldAllowEverythingOrAreMalformedAreRefused() {
        assertThatThrownBy(() -> new AccountPolicyRule("r", "**", Set.of(), List.of(), null, null))
                .isInstanceOf(InvalidRoleRequestException.class).hasMessageContaining("at least one account ID");
        assertThatThrownBy(() -> new AccountPolicyRule("r", "**", Set.of("1234"), List.of(), null, null))
                .hasMessageContaining("12-digit");
        assertThatThrownBy(() -> new AccountPolicyRule("r", "", Set.of("123456789012"), List.of(), null, null))
                .hasMessageContaining("jobPattern");
        assertThatThrownBy(() -> new AccountPolicyRule("r", "**", Set.of("123456789012"), List.of(), Duration.ofHours(13), null))
                .hasMessageContaining("maxDuration");
        assertThatThrownBy(() -> new AccountPolicyRule("r", "**", Set.of(), List.of("role/*"), null, null))
                .hasMessageContaining("arn:");
    }
}
