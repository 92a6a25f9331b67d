package io.jenkins.plugins.securepipeline.plugin.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securepipeline.role.BuildContext;
import io.jenkins.plugins.securepipeline.role.RoleSessionRequest;
import io.jenkins.plugins.securepipeline.role.SessionTag;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The build's own session tags come from the build, never from the Jenkinsfile: a role's trust policy that
 * conditions on {@code aws:RequestTag/JenkinsJob} must not be satisfiable by {@code sessionTags: ['JenkinsJob=...']}.
 */
class RoleRequestSpecOfflineTest {
    private static final String ROLE = "arn:aws:iam::111122223333:role/deploy";
    private static final BuildContext BUILD = new BuildContext("team/app", 7, "alice", null);

    private static RoleRequestSpec spec(Map<String, String> pipelineTags) {
        return new RoleRequestSpec(ROLE, null, Duration.ofHours(1), null, null, pipelineTags, List.of(), null, List.of(),
                BUILD);
    }

    @Test
    void aPipelineCannotSetTheBuildsOwnTagsInAnyCase() {
        for (String key : List.of("JenkinsJob", "jenkinsuser", "JENKINSBUILD", "Branch")) {
            assertThatThrownBy(() -> spec(Map.of(key, "payments/app")))
                    .as(key).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sessionTags: " + key).hasMessageContaining("a pipeline cannot set it");
        }
    }

    @Test
    void theBuildsTagsAndThePipelinesOthersAreBothSent() {
        RoleSessionRequest request = spec(Map.of("Team", "payments")).toRequest();
        assertThat(request.tags()).extracting(SessionTag::key, SessionTag::value)
                .contains(org.assertj.core.groups.Tuple.tuple("Team", "payments"),
                        org.assertj.core.groups.Tuple.tuple("JenkinsJob", "team/app"),
                        org.assertj.core.groups.Tuple.tuple("JenkinsUser", "alice"));
    }
}
