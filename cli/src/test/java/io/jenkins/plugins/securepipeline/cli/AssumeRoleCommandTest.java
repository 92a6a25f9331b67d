package io.jenkins.plugins.securepipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.securepipeline.aws.testing.AwsRequest;
import io.jenkins.plugins.securepipeline.aws.testing.AwsResponse;
import io.jenkins.plugins.securepipeline.aws.testing.LocalAwsEndpoint;
import io.jenkins.plugins.securepipeline.role.InvalidRoleRequestException;
import io.jenkins.plugins.securepipeline.role.PemFiles;
import io.jenkins.plugins.securepipeline.role.RolesAnywhereVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command end to end: real SDK, local STS endpoint, secrets only on stdout. */
class AssumeRoleCommandTest {
    private static final String REGION = "eu-west-1";
    private static final String ROLE = "arn:aws:iam::222233334444:role/deploy";
    private static final String SECRET = "cliTestSecretKq7Zp3Wm9Xv2Lr8Nc4Hd6Fj1Gb5Ts0Ya";
    private static final String TOKEN = "FwoGZXIvYXdzEcliTestSessionTokenAbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
    private static final String WEB_IDENTITY_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjbGkifQ.c2lnbmF0dXJl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalAwsEndpoint sts = LocalAwsEndpoint.start("sts", REGION);
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Map<String, String> environment = new HashMap<>();
    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        sts.close();
    }

    private static AwsResponse issue(AwsRequest request) {
        String action = request.operation();
        String session = request.formParameters().get("RoleSessionName");
        return AwsResponse.xml("<" + action + "Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><" + action + "Result>"
                + "<AssumedRoleUser><Arn>arn:aws:sts::222233334444:assumed-role/deploy/" + session + "</Arn>"
                + "<AssumedRoleId>AROATEST:" + session + "</AssumedRoleId></AssumedRoleUser>"
                + "<Credentials><AccessKeyId>ASIACLITEST</AccessKeyId><SecretAccessKey>" + SECRET + "</SecretAccessKey>"
                + "<SessionToken>" + TOKEN + "</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials>"
                + "</" + action + "Result></" + action + "Response>");
    }

    private int run(String... extra) throws IOException {
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, WEB_IDENTITY_TOKEN);
        List<String> args = new ArrayList<>(List.of("assume-role", "--role-arn", ROLE, "--region", REGION,
                "--web-identity-token-file", tokenFile.toString(), "--sts-endpoint", sts.uri().toString()));
        args.addAll(List.of(extra));
        return runRaw(args.toArray(String[]::new));
    }

    private int runRaw(String... args) {
        CommandLine cli = SecurePipelineCommand.newCommandLine(environment);
        return CapturedRun.execute(cli, out, err, args);
    }

    private void assertNoSecretsIn(String text) {
        assertThat(text).doesNotContain(SECRET).doesNotContain(TOKEN).doesNotContain(WEB_IDENTITY_TOKEN);
    }

    @Test
    void printsEnvExportsByDefault() throws IOException {
        sts.handler(AssumeRoleCommandTest::issue);
        assertThat(run()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("export AWS_ACCESS_KEY_ID='ASIACLITEST'\n")
                .contains("export AWS_SECRET_ACCESS_KEY='" + SECRET + "'\n").contains("export AWS_SESSION_TOKEN='" + TOKEN + "'\n")
                .contains("export AWS_REGION='eu-west-1'\n").contains("export AWS_DEFAULT_REGION='eu-west-1'\n");
        assertNoSecretsIn(err.toString());
        assertThat(sts.requests().get(0).formParameters()).containsEntry("Action", "AssumeRoleWithWebIdentity")
                .containsEntry("WebIdentityToken", WEB_IDENTITY_TOKEN).containsEntry("DurationSeconds", "3600");
    }

    @Test
    void printsCredentialProcessJsonVersion1() throws IOException {
        sts.handler(AssumeRoleCommandTest::issue);
        assertThat(run("--format", "credential-process", "--duration", "15m")).isEqualTo(ExitCodes.OK);
        JsonNode json = JSON.readTree(out.toString());
        assertThat(json.get("Version").asInt()).isEqualTo(1);
        assertThat(json.get("AccessKeyId").asText()).isEqualTo("ASIACLITEST");
        assertThat(json.get("SecretAccessKey").asText()).isEqualTo(SECRET);
        assertThat(json.get("SessionToken").asText()).isEqualTo(TOKEN);
        assertThat(Instant.parse(json.get("Expiration").asText())).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(sts.requests().get(0).formParameters()).containsEntry("DurationSeconds", "900");
    }

    @Test
    void printsJson() throws IOException {
        sts.handler(AssumeRoleCommandTest::issue);
        assertThat(run("--format", "json", "--session-name", "release-42")).isEqualTo(ExitCodes.OK);
        JsonNode json = JSON.readTree(out.toString());
        assertThat(json.get("AssumedRoleArn").asText()).isEqualTo("arn:aws:sts::222233334444:assumed-role/deploy/release-42");
        assertThat(json.get("Region").asText()).isEqualTo(REGION);
    }

    @Test
    void runsTheCommandWithTheCredentialsAndPassesItsExitCode() throws IOException {
        sts.handler(AssumeRoleCommandTest::issue);
        int exit = run("--", "sh", "-c", "echo \"$AWS_ACCESS_KEY_ID $AWS_REGION $AWS_DEFAULT_REGION $AWS_CREDENTIAL_EXPIRATION\"; "
                + "[ \"$AWS_SECRET_ACCESS_KEY\" = '" + SECRET + "' ] && [ \"$AWS_SESSION_TOKEN\" = '" + TOKEN + "' ] && exit 7; exit 1");
        assertThat(exit).isEqualTo(7);
        // AWS_CREDENTIAL_EXPIRATION as the Jenkins step sets it.
        assertThat(out.toString()).isEqualTo("ASIACLITEST eu-west-1 eu-west-1 2030-01-01T00:00:00Z\n");
        assertNoSecretsIn(err.toString());
    }

    @Test
    void serveGivesTheCommandAnEndpointAndNoKeys() throws IOException {
        sts.handler(AssumeRoleCommandTest::issue);
        environment.put("AWS_PROFILE", "would-win-over-the-endpoint");
        // The child asks the endpoint itself, as an SDK would (bash's /dev/tcp: no curl needed).
        String child = "[ -z \"$AWS_SECRET_ACCESS_KEY$AWS_SESSION_TOKEN$AWS_ACCESS_KEY_ID$AWS_PROFILE\" ] || exit 9; "
                + "u=${AWS_CONTAINER_CREDENTIALS_FULL_URI#http://127.0.0.1:}; port=${u%%/*}; path=/${u#*/}; "
                + "exec 3<>/dev/tcp/127.0.0.1/$port; "
                + "printf 'GET %s HTTP/1.1\\r\\nHost: 127.0.0.1:%s\\r\\nAuthorization: %s\\r\\nConnection: close\\r\\n\\r\\n' "
                + "\"$path\" \"$port\" \"$AWS_CONTAINER_AUTHORIZATION_TOKEN\" >&3; cat <&3; echo; echo region=$AWS_REGION";
        assertThat(run("--serve", "--", "bash", "-c", child)).isEqualTo(0);
        assertThat(out.toString()).startsWith("HTTP/1.1 200").contains("\"AccessKeyId\":\"ASIACLITEST\"")
                .contains("\"Token\":\"" + TOKEN + "\"").contains("\"Expiration\":\"2030-01-01T00:00:00Z\"")
                .contains("region=eu-west-1");
        assertNoSecretsIn(err.toString());
    }

    @Test
    void serveNeedsACommand() throws IOException {
        sts.handler(AssumeRoleCommandTest::issue);
        assertThat(run("--serve")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--serve: give the command to serve, after --");
    }

    @Test
    void commandSuccessIsZero() throws IOException {
        sts.handler(AssumeRoleCommandTest::issue);
        assertThat(run("--", "true")).isEqualTo(0);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void stsRefusalExitsWith4AndExplainsWithoutSecrets() throws IOException {
        sts.handler(request -> AwsResponse.queryError(403, "IDPRejectedClaim", "Incorrect token audience for " + WEB_IDENTITY_TOKEN));
        assertThat(run()).isEqualTo(ExitCodes.STS_REFUSED);
        assertThat(err.toString()).contains("IDPRejectedClaim").contains(":aud");
        assertNoSecretsIn(err.toString());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void expiredCredentialsAreRefusedNotPrinted() throws IOException {
        sts.handler(request -> AwsResponse.xml(AssumeRoleCommandTest.issue(request).body()
                .replace("2030-01-01T00:00:00Z", "2001-01-01T00:00:00Z")));
        assertThat(run()).isEqualTo(ExitCodes.STS_REFUSED);
        assertThat(err.toString()).contains("assume-role: the credentials AWS returned have already expired (expiration 2001-01-01T00:00:00Z")
                .contains("refused");
        assertThat(out.toString()).isEmpty();
        assertNoSecretsIn(err.toString());
    }

    @Test
    void validationErrorsExitWith2AndNameTheField() throws IOException {
        assertThat(run("--duration", "10m")).isEqualTo(ExitCodes.USAGE);
        // The option the user typed, not the request field behind it.
        assertThat(err.toString()).startsWith("assume-role: --duration: ").doesNotContain("durationSeconds");
        assertThat(run("--duration", "2 days")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--duration");
        assertThat(run("--tag", "novalue")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--tag");
        assertThat(run("--session-name", "feature/x")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--session-name: ");
        assertThat(run("--format", "yaml")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("format");
        assertThat(run("--certificate", "c.pem")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("not both");
        assertThat(run("--managed-policy", "arn:aws:iam::aws:policy/A", "--policy-file", dir.resolve("missing.json").toString()))
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("--policy-file: " + dir.resolve("missing.json") + ": no such file or directory");
        assertThat(sts.requests()).isEmpty();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void missingOrBadRequiredOptionsAreUsageErrors() {
        assertThat(runRaw("assume-role", "--region", REGION)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--role-arn");
        assertThat(runRaw("assume-role", "--role-arn", ROLE)).isEqualTo(ExitCodes.USAGE);
        assertThat(runRaw("assume-role", "--role-arn", "arn:aws:iam::1:role/x", "--region", REGION)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--role-arn: 'arn:aws:iam::1:role/x' is not an IAM role ARN");
        assertThat(runRaw("assume-role", "--role-arn", ROLE, "--region", "global")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("region");
        assertThat(runRaw("assume-role", "--role-arn", ROLE, "--region", REGION, "--certificate", "c.pem")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--private-key");
    }

    @Test
    void sessionNameComesFromTheJenkinsEnvironment() throws IOException {
        environment.put("JOB_NAME", "team/app/feature%2Flogin");
        environment.put("BUILD_NUMBER", "42");
        sts.handler(AssumeRoleCommandTest::issue);
        assertThat(run()).isEqualTo(ExitCodes.OK);
        assertThat(sts.requests().get(0).formParameters()).containsEntry("RoleSessionName", "Jenkins-team-app-feature-login-42");
    }

    @Test
    void stsEndpointCanComeFromTheStandardEnvironmentVariable() throws IOException {
        environment.put("AWS_ENDPOINT_URL_STS", sts.uri().toString());
        sts.handler(AssumeRoleCommandTest::issue);
        Path tokenFile = dir.resolve("t");
        Files.writeString(tokenFile, WEB_IDENTITY_TOKEN);
        assertThat(runRaw("assume-role", "--role-arn", ROLE, "--region", REGION, "--web-identity-token-file", tokenFile.toString()))
                .isEqualTo(ExitCodes.OK);
        assertThat(sts.requests()).hasSize(1);
    }

    @Test
    void rolesAnywhereCertificateAndKeyFromFiles() throws IOException {
        Path ca = copy("ca.pem");
        try (LocalAwsEndpoint rolesAnywhere = LocalAwsEndpoint.startWithVerifier(
                new RolesAnywhereVerifier(PemFiles.readCertificates("ca", ca).get(0), REGION))) {
            rolesAnywhere.handler(request -> AwsResponse.of(201, "application/json", "{\"credentialSet\":[{\"credentials\":{"
                    + "\"accessKeyId\":\"ASIARATEST\",\"secretAccessKey\":\"" + SECRET + "\",\"sessionToken\":\"" + TOKEN
                    + "\",\"expiration\":\"2030-01-01T00:00:00Z\"},\"assumedRoleUser\":{\"arn\":\"arn:aws:sts::1:assumed-role/r/s\"}}]}"));
            environment.put("AWS_ENDPOINT_URL_ROLESANYWHERE", rolesAnywhere.uri().toString());
            Path chain = dir.resolve("chain.pem");
            Files.writeString(chain, Files.readString(copy("ec-cert.pem")) + Files.readString(ca));
            int exit = runRaw("assume-role", "--role-arn", ROLE, "--region", REGION, "--format", "credential-process",
                    "--certificate", chain.toString(), "--private-key", copy("ec-key-sec1.pem").toString(),
                    "--trust-anchor-arn", "arn:aws:rolesanywhere:eu-west-1:222233334444:trust-anchor/0a1b2c3d-0000-4000-8000-000000000001",
                    "--profile-arn", "arn:aws:rolesanywhere:eu-west-1:222233334444:profile/0a1b2c3d-0000-4000-8000-000000000002");
            assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
            assertThat(JSON.readTree(out.toString()).get("AccessKeyId").asText()).isEqualTo("ASIARATEST");
            assertThat(rolesAnywhere.requests().get(0).header("x-amz-x509-chain")).isNotBlank();
            assertThat(rolesAnywhere.rejected()).isEmpty();
        }
    }

    @Test
    void durationsParse() {
        assertThat(AssumeRoleCommand.parseDuration("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(AssumeRoleCommand.parseDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(AssumeRoleCommand.parseDuration("3600")).isEqualTo(Duration.ofHours(1));
        assertThat(AssumeRoleCommand.parseDuration("900s")).isEqualTo(Duration.ofMinutes(15));
        assertThat(AssumeRoleCommand.parseDuration("12H")).isEqualTo(Duration.ofHours(12));
        assertThatThrownBy(() -> AssumeRoleCommand.parseDuration("")).isInstanceOf(InvalidRoleRequestException.class);
        assertThatThrownBy(() -> AssumeRoleCommand.parseDuration("1d")).isInstanceOf(InvalidRoleRequestException.class);
        assertThatThrownBy(() -> AssumeRoleCommand.parseDuration("99999999999999999h")).isInstanceOf(InvalidRoleRequestException.class);
    }

    private Path copy(String resource) throws IOException {
        Path target = dir.resolve(resource);
        try (InputStream in = getClass().getResourceAsStream("/io/jenkins/plugins/securepipeline/role/" + resource)) {
            Files.copy(in, target);
        }
        return target;
    }

    @Test
    void helpShowsTheContractAndExitsZero() {
        assertThat(runRaw("assume-role", "--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("--role-arn=ARN").contains("--web-identity-token-file")
                .contains("credential-process").contains("Exit codes:");
        assertThat(sts.requests()).isEmpty();
    }

    @Test
    void aCredentialProcessLoopIsRecognisedByTheAncestors() {
        List<String> own = List.of("assume-role", "--role-arn", ROLE, "--region", REGION, "--format", "credential-process");
        List<String> parent = new ArrayList<>(List.of("/usr/bin/java", "-XX:+UseSerialGC", "-jar", "/opt/sp/secure-pipeline.jar"));
        parent.addAll(own);
        List<String> shell = List.of("/bin/sh", "-c", "secure-pipeline assume-role ...");
        assertThat(AssumeRoleCommand.credentialProcessRecursion(own, List.of(shell, parent))).contains("credential_process")
                .contains("Stopped");
        // Another assume-role above (a chain of roles through "-- COMMAND") is fine, up to a depth no setup needs.
        List<String> other = new ArrayList<>(List.of("java", "-cp", "x", SecurePipelineCommand.class.getName(), "assume-role",
                "--role-arn", "arn:aws:iam::111122223333:role/hub", "--region", REGION, "--", "sh", "-c", "..."));
        assertThat(AssumeRoleCommand.credentialProcessRecursion(own, List.of(shell, other))).isNull();
        assertThat(AssumeRoleCommand.credentialProcessRecursion(own, List.of(other, other, other, other)))
                .startsWith("4 assume-role runs are already nested");
        assertThat(AssumeRoleCommand.credentialProcessRecursion(own, List.of(List.of("bash"), List.of()))).isNull();
        // "timeout 60 java -jar secure-pipeline.jar assume-role ..." starts this very run: a wrapper, not a loop.
        List<String> wrapper = new ArrayList<>(List.of("timeout", "60", "java", "-jar", "/opt/sp/secure-pipeline.jar"));
        wrapper.addAll(own);
        assertThat(AssumeRoleCommand.credentialProcessRecursion(own, List.of(wrapper))).isNull();
    }
}
