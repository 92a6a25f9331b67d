package io.jenkins.plugins.securepipeline.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoleSessionRequestTest {
    private static final RoleArn ROLE = RoleArn.parse("arn:aws:iam::111122223333:role/deploy");

    private static RoleSessionRequest.Builder valid() {
        return RoleSessionRequest.builder(ROLE).roleSessionName("Jenkins-app-1");
    }

    private static void assertRejected(RoleSessionRequest.Builder builder, String field) {
        assertThatThrownBy(builder::build).isInstanceOfSatisfying(InvalidRoleRequestException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:iam::111122223333:role/deploy", "arn:aws-cn:iam::111122223333:role/deploy",
            "arn:aws-us-gov:iam::111122223333:role/team/a/deploy", "arn:aws:iam::111122223333:role/a+=,.@_-b"})
    void acceptsRoleArnsInEveryPartition(String arn) {
        assertThat(RoleArn.parse(arn).toString()).isEqualTo(arn);
    }

    @Test
    void roleArnKnowsItsParts() {
        RoleArn arn = RoleArn.parse("arn:aws-us-gov:iam::111122223333:role/team/deploy");
        assertThat(arn.partition()).isEqualTo("aws-us-gov");
        assertThat(arn.accountId()).isEqualTo("111122223333");
        assertThat(arn.path()).isEqualTo("/team/");
        assertThat(arn.roleName()).isEqualTo("deploy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "deploy", "arn:aws:iam::11112222333:role/deploy", "arn:aws-eu:iam::111122223333:role/x",
            "arn:aws:iam::111122223333:user/deploy", "arn:aws:sts::111122223333:assumed-role/deploy/s",
            "arn:aws:iam::111122223333:role/", "arn:aws:iam::111122223333:role/has space",
            "arn:aws:iam::111122223333:roledeploy", "arn:aws:iam::111122223333:role//deploy"})
    void refusesWhatIsNotARoleArn(String arn) {
        assertThatThrownBy(() -> RoleArn.parse(arn)).isInstanceOfSatisfying(InvalidRoleRequestException.class,
                e -> assertThat(e.field()).isEqualTo("roleArn"));
    }

    @Test
    void refusesRoleNameLongerThan64() {
        assertThatThrownBy(() -> RoleArn.parse("arn:aws:iam::111122223333:role/" + "r".repeat(65)))
                .isInstanceOf(InvalidRoleRequestException.class);
        assertThat(RoleArn.parse("arn:aws:iam::111122223333:role/" + "r".repeat(64)).roleName()).hasSize(64);
    }

    @Test
    void defaultsToOneHour() {
        assertThat(valid().build().duration()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void sessionNameLimits() {
        assertRejected(valid().roleSessionName(null), "roleSessionName");
        assertRejected(valid().roleSessionName("a"), "roleSessionName");
        assertRejected(valid().roleSessionName("a".repeat(65)), "roleSessionName");
        assertRejected(valid().roleSessionName("feature/x"), "roleSessionName");
        assertRejected(valid().roleSessionName("has space"), "roleSessionName");
        assertThat(valid().roleSessionName("ab").build().roleSessionName()).isEqualTo("ab");
        assertThat(valid().roleSessionName("a".repeat(64)).build().roleSessionName()).hasSize(64);
        assertThat(valid().roleSessionName("a+=,.@_-Z9").build()).isNotNull();
    }

    @Test
    void durationLimits() {
        assertRejected(valid().duration(Duration.ofSeconds(899)), "durationSeconds");
        assertRejected(valid().duration(Duration.ofSeconds(43_201)), "durationSeconds");
        assertRejected(valid().duration(Duration.ofMillis(900_500)), "durationSeconds");
        assertRejected(valid().duration(null), "durationSeconds");
        assertThat(valid().duration(Duration.ofSeconds(900)).build().duration()).hasSeconds(900);
        assertThat(valid().duration(Duration.ofSeconds(43_200)).build().duration()).hasSeconds(43_200);
    }

    @Test
    void externalIdLimits() {
        assertRejected(valid().externalId("a"), "externalId");
        assertRejected(valid().externalId("a".repeat(1225)), "externalId");
        assertRejected(valid().externalId("no spaces"), "externalId");
        assertThat(valid().externalId("a".repeat(1224)).build().externalId()).isPresent();
        assertThat(valid().externalId("urn:x/y:z=1+2,3.4@5_6-7").build().externalId()).isPresent();
        assertThat(valid().externalId("").build().externalId()).as("empty means none, STS refuses empty").isEmpty();
    }

    @Test
    void externalIdIsNotEchoedInTheError() {
        assertThatThrownBy(() -> valid().externalId("secret value!").build()).hasMessageNotContaining("secret value");
    }

    @Test
    void sourceIdentityLimits() {
        assertRejected(valid().sourceIdentity("a"), "sourceIdentity");
        assertRejected(valid().sourceIdentity("a".repeat(65)), "sourceIdentity");
        assertRejected(valid().sourceIdentity("aws:alice"), "sourceIdentity");
        assertRejected(valid().sourceIdentity("AWS:alice"), "sourceIdentity");
        assertRejected(valid().sourceIdentity("alice smith"), "sourceIdentity");
        assertThat(valid().sourceIdentity("alice@example.com").build().sourceIdentity()).contains("alice@example.com");
    }

    @Test
    void tagCountLimit() {
        RoleSessionRequest.Builder fifty = valid();
        IntStream.range(0, 50).forEach(i -> fifty.tag(SessionTag.required("k" + i, "v")));
        assertThat(fifty.build().tags()).hasSize(50);
        RoleSessionRequest.Builder fiftyOne = valid();
        IntStream.range(0, 51).forEach(i -> fiftyOne.tag(SessionTag.required("k" + i, "v")));
        assertRejected(fiftyOne, "tags");
    }

    @Test
    void tagKeyAndValueLimits() {
        assertRejected(valid().tag(SessionTag.required("", "v")), "tags[0].key");
        assertRejected(valid().tag(SessionTag.required("k".repeat(129), "v")), "tags[0].key");
        assertRejected(valid().tag(SessionTag.required("ok", "v")).tag(SessionTag.required("a,b", "v")), "tags[1].key");
        assertRejected(valid().tag(SessionTag.required("aws:foo", "v")), "tags[0].key");
        assertRejected(valid().tag(SessionTag.required("k", "v".repeat(257))), "tags[0].value");
        assertRejected(valid().tag(SessionTag.required("k", "a;b")), "tags[0].value");
        assertRejected(valid().tag(SessionTag.required("Branch", "a")).tag(SessionTag.required("branch", "b")), "tags[1].key");
        assertThat(valid().tag(SessionTag.required("k".repeat(128), "v".repeat(256))).build().tags()).hasSize(1);
        assertThat(valid().tag(SessionTag.required("Team Name", "")).build().tags()).hasSize(1);
        assertThat(valid().tag(SessionTag.required("Dépôt", "feature/ünïcode_1.2:3=4+5-6@7")).build().tags()).hasSize(1);
    }

    @Test
    void transitiveKeyLimits() {
        RoleSessionRequest.Builder fiftyOne = valid();
        IntStream.range(0, 50).forEach(i -> fiftyOne.tag(SessionTag.required("k" + i, "v")).transitiveTagKey("k" + i));
        assertThat(fiftyOne.build().transitiveTagKeys()).hasSize(50);
        fiftyOne.transitiveTagKey("extra");
        assertRejected(fiftyOne, "transitiveTagKeys");
        assertRejected(valid().tag(SessionTag.required("a", "v")).transitiveTagKey("b"), "transitiveTagKeys");
    }

    @Test
    void inlinePolicyLimits() {
        String statement = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
        assertThat(valid().policy(statement).build().policy()).contains(statement);
        String padded = statement.substring(0, statement.length() - 1) + ",\"Id\":\"" + "x".repeat(2048 - statement.length() - 8) + "\"}";
        assertThat(padded).hasSize(2048);
        assertThat(valid().policy(padded).build().policy()).isPresent();
        String tooLong = padded.replace("\"Id\":\"", "\"Id\":\"x");
        assertRejected(valid().policy(tooLong), "policy");
        assertRejected(valid().policy("{not json"), "policy");
        assertRejected(valid().policy("[]"), "policy");
        assertRejected(valid().policy("{\"Version\":\"2012-10-17\"}"), "policy");
        assertRejected(valid().policy("{\"Statement\":\"\u20ac\"}"), "policy");
    }

    @Test
    void managedPolicyLimits() {
        RoleSessionRequest.Builder ten = valid();
        IntStream.range(0, 10).forEach(i -> ten.policyArn("arn:aws:iam::aws:policy/ReadOnly" + i));
        assertThat(ten.build().policyArns()).hasSize(10);
        ten.policyArn("arn:aws:iam::111122223333:policy/eleventh");
        assertRejected(ten, "policyArns");
        assertRejected(valid().policyArn("arn:aws:iam::111122223333:role/notapolicy"), "policyArns[0]");
        assertRejected(valid().policyArn("arn:aws-cn:iam::aws:policy/ReadOnlyAccess"), "policyArns[0]");
    }

    @Test
    void droppingOptionalTagsKeepsRequiredOnesAndTheirTransitiveKeys() {
        RoleSessionRequest request = valid()
                .tag(SessionTag.required("Team", "payments")).transitiveTagKey("Team")
                .tag(SessionTag.optional("Branch", "main")).transitiveTagKey("Branch")
                .build();
        RoleSessionRequest without = request.withoutOptionalTags();
        assertThat(without.tags()).extracting(SessionTag::key).containsExactly("Team");
        assertThat(without.transitiveTagKeys()).containsExactly("Team");
        assertThat(request.optionalTags()).extracting(SessionTag::key).containsExactly("Branch");
    }

    @Test
    void toStringCarriesNoExternalId() {
        assertThat(valid().externalId("confidential-id").build().toString()).doesNotContain("confidential-id").contains("external ID set");
    }
}
