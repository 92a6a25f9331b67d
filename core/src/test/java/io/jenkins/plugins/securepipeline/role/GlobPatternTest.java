package io.jenkins.plugins.securepipeline.role;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Job globs as administrators write them in "mandatory for jobs matching" fields: one per line. */
class GlobPatternTest {
    @Test
    void anyLineOfJobGlobsMatches() {
        String lines = "payments/**\n\n  release-*  \r\nteam/?pp\n";
        assertThat(GlobPattern.anyLineMatchesJob(lines, "payments/api/main")).isTrue();
        assertThat(GlobPattern.anyLineMatchesJob(lines, "release-web")).isTrue();
        assertThat(GlobPattern.anyLineMatchesJob(lines, "team/app")).isTrue();
        assertThat(GlobPattern.anyLineMatchesJob(lines, "release-web/branch")).as("* stays in one folder").isFalse();
        assertThat(GlobPattern.anyLineMatchesJob(lines, "sandbox")).isFalse();
        assertThat(GlobPattern.anyLineMatchesJob(null, "payments/api")).isFalse();
        assertThat(GlobPattern.anyLineMatchesJob("\n \n", "anything")).as("blank lines match nothing").isFalse();
    }
}
