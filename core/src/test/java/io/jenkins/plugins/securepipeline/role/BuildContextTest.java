package io.jenkins.plugins.securepipeline.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuildContextTest {
    private static final RoleArn ROLE = RoleArn.parse("arn:aws:iam::111122223333:role/deploy");

    @Test
    void sessionNameDecodesBranchEscapesAndReplacesSlashes() {
        BuildContext context = new BuildContext("team/app/feature%2Flogin", 42, "alice", "feature/login");
        assertThat(context.sessionName()).isEqualTo("Jenkins-team-app-feature-login-42");
    }

    @Test
    void longJobNamesAreCutFromTheLeftSoTheBuildNumberSurvives() {
        String job = "organisation/" + "very-long-folder-name/".repeat(5) + "the-app";
        String name = new BuildContext(job, 12345, null, null).sessionName();
        assertThat(name).hasSizeLessThanOrEqualTo(64).startsWith("Jenkins-").endsWith("the-app-12345");
        RoleSessionRequest.builder(ROLE).roleSessionName(name).build();
    }

    @Test
    void everySessionNameIsAcceptedBySessionNameValidation() {
        for (String job : new String[] {"a", "%%%", "x/%2F/y", "ünïcode job", "p%C3%A9r", "-lead", "a".repeat(300)}) {
            String name = new BuildContext(job, 7, null, null).sessionName();
            assertThat(RoleSessionRequest.builder(ROLE).roleSessionName(name).build().roleSessionName()).isEqualTo(name);
        }
    }

    @Test
    void tagsAreOptionalSanitisedAndValid() {
        BuildContext context = new BuildContext("team/app/feature%2Flogin", 42, "Alice <alice@example.com>", "feature/login;rm");
        var tags = context.sessionTags();
        assertThat(tags).allMatch(SessionTag::optional);
        assertThat(tags).extracting(SessionTag::key).containsExactly("JenkinsJob", "JenkinsBuild", "JenkinsUser", "Branch");
        assertThat(tags).extracting(SessionTag::value)
                .containsExactly("team/app/feature/login", "42", "Alice _alice@example.com_", "feature/login_rm");
        RoleSessionRequest.builder(ROLE).roleSessionName("ab").tags(tags).build();
    }

    @Test
    void longTagValuesAreShortenedTo256() {
        String value = new BuildContext("j", 1, null, "b".repeat(400)).sessionTags().get(2).value();
        assertThat(value).hasSize(256);
    }

    @Test
    void absentContextGivesNoEmptyTags() {
        assertThat(new BuildContext("job", 0, null, " ").sessionTags()).extracting(SessionTag::key).containsExactly("JenkinsJob");
        assertThat(new BuildContext("job", 0, null, null).sessionName()).isEqualTo("Jenkins-job");
    }

    @Test
    void jobNameIsRequired() {
        assertThatThrownBy(() -> new BuildContext(" ", 1, null, null)).isInstanceOf(InvalidRoleRequestException.class)
                .hasMessageContaining("jobFullName");
    }

    @Test
    void strayPercentSignsAreNotDecoded() {
        assertThat(BuildContext.percentDecode("100%")).isEqualTo("100%");
        assertThat(BuildContext.percentDecode("a%2fb%zz")).isEqualTo("a/b%zz");
    }

    @Test
    void theBuildsOwnTagKeysAreReservedInAnyCase() {
        for (String key : List.of("JenkinsJob", "jenkinsjob", "JENKINSBUILD", "JenkinsUser", "Branch", "branch", " Branch ")) {
            assertThat(BuildContext.isBuildTagKey(key)).as(key).isTrue();
        }
        for (String key : List.of("Team", "JenkinsJobs", "Branches", "", "aws:x")) {
            assertThat(BuildContext.isBuildTagKey(key)).as(key).isFalse();
        }
        assertThat(BuildContext.isBuildTagKey(null)).isFalse();
        // Every tag the build sets is reserved, so none can be supplied by a pipeline instead.
        assertThat(new BuildContext("team/app", 3, "alice", "main").sessionTags())
                .allSatisfy(tag -> assertThat(BuildContext.isBuildTagKey(tag.key())).as(tag.key()).isTrue());
    }
}
