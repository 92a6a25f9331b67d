package io.jenkins.plugins.securepipeline.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CredentialsOutputTest {
    private static final AssumedRole ROLE = new AssumedRole("ASIAOUTPUT", "se'cret/Key+1", "tok'en==",
            Instant.parse("2030-01-01T00:00:00Z"), "arn:aws:sts::1:assumed-role/r/s", 4);

    @Test
    void envQuotesValuesForTheShell() {
        assertThat(CredentialsOutput.ENV.render(ROLE, "eu-west-1")).isEqualTo(
                "export AWS_ACCESS_KEY_ID='ASIAOUTPUT'\n"
                        + "export AWS_SECRET_ACCESS_KEY='se'\\''cret/Key+1'\n"
                        + "export AWS_SESSION_TOKEN='tok'\\''en=='\n"
                        + "export AWS_REGION='eu-west-1'\n"
                        + "export AWS_DEFAULT_REGION='eu-west-1'\n");
    }

    @Test
    void credentialProcessIsVersion1WithIsoExpiration() throws Exception {
        JsonNode json = new ObjectMapper().readTree(CredentialsOutput.CREDENTIAL_PROCESS.render(ROLE, "eu-west-1"));
        assertThat(json.get("Version").asInt()).isEqualTo(1);
        assertThat(json.get("AccessKeyId").asText()).isEqualTo("ASIAOUTPUT");
        assertThat(json.get("SecretAccessKey").asText()).isEqualTo("se'cret/Key+1");
        assertThat(json.get("SessionToken").asText()).isEqualTo("tok'en==");
        assertThat(json.get("Expiration").asText()).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(json.size()).isEqualTo(5);
    }

    @Test
    void jsonCarriesTheSessionDetails() throws Exception {
        JsonNode json = new ObjectMapper().readTree(CredentialsOutput.JSON.render(ROLE, "eu-west-1"));
        assertThat(json.get("AssumedRoleArn").asText()).isEqualTo("arn:aws:sts::1:assumed-role/r/s");
        assertThat(json.get("PackedPolicySize").asInt()).isEqualTo(4);
        assertThat(json.get("Region").asText()).isEqualTo("eu-west-1");
    }

    @Test
    void formatsParseAndUnknownOnesAreRefused() {
        assertThat(CredentialsOutput.parse("Credential-Process")).isEqualTo(CredentialsOutput.CREDENTIAL_PROCESS);
        assertThatThrownBy(() -> CredentialsOutput.parse("yaml")).isInstanceOfSatisfying(InvalidRoleRequestException.class,
                e -> assertThat(e.field()).isEqualTo("format"));
    }

    @Test
    void theSessionNeverPrintsItsSecrets() {
        assertThat(ROLE.toString()).contains("ASIAOUTPUT").doesNotContain("se'cret").doesNotContain("tok'en");
        assertThat(new CredentialSource.StaticKeys("AKIAX", "staticSecret", "staticToken").toString())
                .doesNotContain("staticSecret").doesNotContain("staticToken");
        assertThat(CredentialSource.WebIdentity.fromToken("eyJsecret.token.value").toString()).doesNotContain("eyJ");
    }
}
