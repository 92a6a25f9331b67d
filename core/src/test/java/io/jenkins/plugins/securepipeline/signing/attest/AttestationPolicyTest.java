package io.jenkins.plugins.securepipeline.signing.attest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** An administrator's attestation policy combined with a pipeline's: the result is never weaker than either. */
class AttestationPolicyTest {
    private static final GlobPattern ORG_REPOS = GlobPattern.compile("https://github.com/example/**", "sourceRepository");
    private static final GlobPattern APP_REPO = GlobPattern.compile("https://github.com/*/app", "sourceRepository");

    @Test
    void bothPatternsMustMatch() {
        GlobPattern both = GlobPattern.both(ORG_REPOS, APP_REPO);
        assertThat(both.matches("https://github.com/example/app")).isTrue();
        assertThat(both.matches("https://github.com/other/app")).isFalse();
        assertThat(both.matches("https://github.com/example/lib")).isFalse();
        assertThat(both.toString()).isEqualTo("https://github.com/example/** and https://github.com/*/app");
        assertThat(GlobPattern.both(null, APP_REPO)).isSameAs(APP_REPO);
        assertThat(GlobPattern.both(ORG_REPOS, null)).isSameAs(ORG_REPOS);
    }

    @Test
    void combiningOnlyAddsRequirements() {
        AttestationPolicy admin = new AttestationPolicy(Set.of(), false, null, ORG_REPOS, true);
        AttestationPolicy pipeline = new AttestationPolicy(Set.of("https://example.com/test-results/v1"), false,
                GlobPattern.compile("https://jenkins.example.com/job/app/**", "builderId"), APP_REPO, false);

        AttestationPolicy combined = admin.and(pipeline);

        assertThat(combined.requireProvenance()).isTrue();
        assertThat(combined.requireSbom()).isTrue();
        assertThat(combined.requiredPredicateTypes()).containsExactly("https://example.com/test-results/v1");
        assertThat(combined.sourceRepository().matches("https://github.com/example/app")).isTrue();
        assertThat(combined.sourceRepository().matches("https://github.com/elsewhere/app")).isFalse();
        assertThat(combined.builderId().matches("https://jenkins.example.com/job/app/job/main/")).isTrue();
        assertThat(AttestationPolicy.none().and(AttestationPolicy.none()).isEmpty()).isTrue();
    }
}
