package io.jenkins.plugins.securepipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanTemplateCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CapturedRun.execute(SecurePipelineCommand.newCommandLine(), out, err, args);
    }

    /** The bundled examples live in docs/examples at the repository root. */
    private static Path example(String name) {
        Path fromModule = Path.of("..", "docs", "examples", name);
        return Files.exists(fromModule) ? fromModule : Path.of("docs", "examples", name);
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void insecureExampleBlocksAndHardenedExamplePasses() {
        assertThat(run("scan-template", example("insecure-stack.yaml").toString())).isEqualTo(ExitCodes.BLOCKED);
        assertThat(out.toString()).contains("BLOCKING");
        out.getBuffer().setLength(0);
        assertThat(run("scan-template", "--fail-on", "high", example("hardened-stack.yaml").toString()))
                .as(out.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("0 blocking (fail on high)");
    }

    @Test
    void jsonToAFileWithSummaryOnStdout() throws Exception {
        Path report = dir.resolve("out/report.json");
        assertThat(run("scan-template", "--format", "json", "--output", report.toString(), "--fail-on", "never",
                example("insecure-stack.yaml").toString())).isEqualTo(ExitCodes.OK);
        JsonNode root = new ObjectMapper().readTree(report.toFile());
        assertThat(root.get("templates").get(0).get("findings").size()).isPositive();
        assertThat(root.get("summary").get("failOn").asText()).isEqualTo("never");
        assertThat(out.toString().trim()).endsWith("0 blocking (fail on never)");
    }

    @Test
    void sarifAndJunitFormats() throws Exception {
        Path t = write("t.yaml", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n");
        assertThat(run("scan-template", "--format", "sarif", t.toString())).isZero();
        assertThat(out.toString()).contains("\"version\" : \"2.1.0\"");
        out.getBuffer().setLength(0);
        assertThat(run("scan-template", "--format", "junit", t.toString())).isZero();
        assertThat(out.toString()).startsWith("<?xml");
    }

    @Test
    void unreadableTemplateExitsThreeWithPositionAndNoStackTrace() throws Exception {
        Path t = write("bad.yaml", "Resources:\n  A: {Type: X}\n  A: {Type: Y}\n");
        assertThat(run("scan-template", t.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(out.toString()).contains(t + ":3:3: duplicate key 'A'").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aBlankFailOnIsTheDefaultNotNever() throws Exception {
        String insecure = example("insecure-stack.yaml").toString();
        assertThat(run("scan-template", "--fail-on", "", insecure)).isEqualTo(ExitCodes.BLOCKED);
        assertThat(out.toString()).contains("(fail on high)");
        out.getBuffer().setLength(0);
        assertThat(run("scan-template", "--fail-on", "  ", insecure)).isEqualTo(ExitCodes.BLOCKED);
        out.getBuffer().setLength(0);
        Path policy = write("policy.yaml", "threshold: critical\n");
        assertThat(run("scan-template", "--fail-on", "", "--policy", policy.toString(), insecure)).isEqualTo(ExitCodes.BLOCKED);
        assertThat(out.toString()).contains("(fail on critical)");
        out.getBuffer().setLength(0);
        assertThat(run("scan-template", "--fail-on", " Never ", insecure)).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("(fail on never)");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("scan-template")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("scan-template", "--fail-on", "severe", "x.yaml")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--fail-on: unknown severity 'severe' (expected low, medium, high, critical or never)");
        assertThat(run("scan-template", "--format", "xml", "x.yaml")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void missingPathAndBadPolicyAreInvalidInput() throws Exception {
        assertThat(run("scan-template", dir.resolve("nope.yaml").toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        Path policy = write("policy.yaml", "disabledRules: [NOPE-1]\n");
        Path t = write("t.yaml", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n");
        assertThat(run("scan-template", "--policy", policy.toString(), t.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("unknown rule ID NOPE-1");
    }

    @Test
    void parametersAndPolicyFilesAreApplied() throws Exception {
        Path t = write("t.yaml", "Parameters:\n  Acl: {Type: String}\nResources:\n  B:\n    Type: AWS::S3::Bucket\n"
                + "    Properties: {AccessControl: !Ref Acl, PublicAccessBlockConfiguration: {BlockPublicAcls: true, "
                + "BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true}}\n");
        assertThat(run("scan-template", t.toString())).isZero();
        Path params = write("params.json", "[{\"ParameterKey\": \"Acl\", \"ParameterValue\": \"PublicRead\"}]");
        assertThat(run("scan-template", "--parameters", params.toString(), t.toString())).isEqualTo(ExitCodes.BLOCKED);
        Path policy = write("policy.yaml", "severityOverrides: {ASP-S3-002: low}\n");
        assertThat(run("scan-template", "--parameters", params.toString(), "--policy", policy.toString(), t.toString()))
                .isEqualTo(ExitCodes.OK);
    }

    @Test
    void directoriesCountSkippedFiles() throws Exception {
        write("stack.yaml", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n");
        write("package.json", "{\"name\": \"x\"}");
        assertThat(run("scan-template", dir.toString())).isZero();
        assertThat(out.toString()).contains("1 template(s) scanned, 0 unreadable, 1 other file(s) skipped");
    }

    @Test
    void aDirectoryWithoutTemplatesIsNothingScannedUnlessAllowed() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("notes.yaml"), "owner: team\n");
        assertThat(run("scan-template", empty.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(out.toString()).contains("nothing scanned");
        assertThat(run("scan-template", "--allow-empty", empty.toString())).isEqualTo(ExitCodes.OK);
    }

    @Test
    void fileNamesWithControlCharactersAreEscapedInText() throws Exception {
        Path file = write("evil\nBLOCKING \u001b[2J.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n");
        run("scan-template", "--fail-on", "never", file.toString());
        assertThat(out.toString()).doesNotContain("\u001b").contains("evil\\nBLOCKING \\u001b[2J.yaml:");
    }

    @Test
    void sarifUrisArePercentEncoded() throws Exception {
        Path file = write("a b#1%.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n");
        Path sarif = dir.resolve("out.sarif");
        run("scan-template", "--fail-on", "never", "--format", "sarif", "--output", sarif.toString(), file.toString());
        JsonNode root = new ObjectMapper().readTree(sarif.toFile());
        String uri = root.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText();
        assertThat(uri).startsWith("file:///").endsWith("/a%20b%231%25.yaml");
        assertThat(java.net.URI.create(uri).getPath()).isEqualTo(file.toAbsolutePath().toString());
    }
}
