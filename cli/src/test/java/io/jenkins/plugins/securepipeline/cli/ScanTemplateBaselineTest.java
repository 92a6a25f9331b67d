package io.jenkins.plugins.securepipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan-template --create-baseline} and {@code --baseline}: accepted findings stay visible and do not block. */
class ScanTemplateBaselineTest {
    private static final String BUCKET = "  Logs:\n    Type: AWS::S3::Bucket\n    Properties: {AccessControl: PublicRead}\n";
    private static final String GROUP = "  Web:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n"
            + "      GroupDescription: web\n      SecurityGroupIngress:\n"
            + "        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0, Description: ssh}\n";

    @TempDir
    Path dir;
    private Path checkout;
    private Path template;
    private Path baseline;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void checkout() throws Exception {
        checkout = Files.createDirectories(dir.resolve("checkout"));
        template = Files.createDirectories(checkout.resolve("infra")).resolve("stack.yaml");
        Files.writeString(template, "Resources:\n" + BUCKET);
        baseline = checkout.resolve("scan-baseline.json");
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return CapturedRun.execute(SecurePipelineCommand.newCommandLine(), out, err, args);
    }

    private int create() {
        return run("scan-template", "--create-baseline", baseline.toString(), checkout.resolve("infra").toString());
    }

    @Test
    void aBaselineLetsKnownFindingsPassAndNewOnesBlock() throws Exception {
        assertThat(run("scan-template", template.toString())).isEqualTo(ExitCodes.BLOCKED);
        assertThat(create()).as(err::toString).isEqualTo(ExitCodes.OK);
        assertThat(err.toString().trim()).isEqualTo("scan-template: baseline " + baseline + " written: 7 finding(s) recorded");
        assertThat(out.toString()).contains("[baseline]").doesNotContain("BLOCKING").contains("7 baselined; 0 blocking");
        String recorded = Files.readString(baseline);
        assertThat(recorded).contains("\"formatVersion\": 1").contains("\"file\": \"infra/stack.yaml\"")
                .contains("\"rule\": \"ASP-S3-002\"").doesNotContain("\"line\"");

        Files.writeString(template, "Description: lines inserted above\n\nResources:\n" + GROUP + BUCKET);
        assertThat(run("scan-template", "--baseline", baseline.toString(), template.toString()))
                .isEqualTo(ExitCodes.BLOCKED);
        assertThat(out.toString()).contains("BLOCKING HIGH ASP-EC2-002 Web").doesNotContain("BLOCKING HIGH ASP-S3-002")
                .contains("HIGH ASP-S3-002 Logs (AWS::S3::Bucket): The bucket ACL PublicRead opens the bucket to anyone"
                        + " on the internet [baseline]")
                .contains("7 baselined; 1 blocking (fail on high)");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void theBaselineMatchesFromAnotherCheckoutAndHoweverThePathIsWritten() throws Exception {
        assertThat(create()).isZero();
        Path other = Files.createDirectories(dir.resolve("ws/build-7/checkout/infra"));
        Files.copy(template, other.resolve("stack.yaml"));
        Path copied = Files.copy(baseline, other.getParent().resolve("scan-baseline.json"));
        assertThat(run("scan-template", "--baseline", copied.toString(), other.getParent().toString()))
                .as(out::toString).isZero();
        assertThat(run("scan-template", "--baseline", copied.toString(), other.resolve("../infra/./stack.yaml").toString()))
                .as(out::toString).isZero();
        Path link = Files.createSymbolicLink(dir.resolve("current"), other.getParent());
        assertThat(run("scan-template", "--baseline", copied.toString(), link.resolve("infra").toString()))
                .as(out::toString).isZero();
        assertThat(out.toString()).contains("7 baselined; 0 blocking");
    }

    @Test
    void entriesThatMatchNothingAreReportedWithoutFailing() throws Exception {
        Files.writeString(template, "Resources:\n" + BUCKET + GROUP);
        assertThat(create()).isZero();
        Files.writeString(template, "Resources:\n" + BUCKET);
        assertThat(run("scan-template", "--baseline", baseline.toString(), template.toString())).isZero();
        assertThat(out.toString().trim()).endsWith("0 blocking (fail on high); 3 baseline entries no longer found");

        Path json = dir.resolve("report.json");
        assertThat(run("scan-template", "--baseline", baseline.toString(), "--format", "json", "--output",
                json.toString(), template.toString())).isZero();
        JsonNode summary = new ObjectMapper().readTree(json.toFile()).get("summary");
        assertThat(summary.get("baselined").asInt()).isEqualTo(7);
        assertThat(summary.at("/baseline/noLongerFound").asInt()).isEqualTo(3);
        assertThat(summary.at("/baseline/file").asText()).isEqualTo(baseline.toString());
    }

    @Test
    void guardFindingsAreRecordedToo() throws Exception {
        Path rules = dir.resolve("org.guard");
        Files.writeString(rules, "rule BUCKET_VERSIONED when Resources.*[ Type == 'AWS::S3::Bucket' ] !empty {\n"
                + "  Resources.*[ Type == 'AWS::S3::Bucket' ].Properties.VersioningConfiguration exists\n}\n");
        assertThat(run("scan-template", "--rules", rules.toString(), "--create-baseline", baseline.toString(),
                template.toString())).as(err::toString).isZero();
        assertThat(Files.readString(baseline)).contains("\"rule\": \"org.guard/BUCKET_VERSIONED\"");
        assertThat(run("scan-template", "--rules", rules.toString(), "--baseline", baseline.toString(),
                template.toString())).isZero();
        assertThat(run("scan-template", "--rules", rules.toString(), template.toString())).isEqualTo(ExitCodes.BLOCKED);
    }

    @Test
    void anUnreadableTemplateIsNeverBaselined() throws Exception {
        assertThat(create()).isZero();
        String before = Files.readString(baseline);
        Files.writeString(checkout.resolve("infra/broken.yaml"), "Resources:\n  A: [\n");
        assertThat(create()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("error: --create-baseline: " + baseline + " not written: 1 template(s)"
                + " could not be read");
        assertThat(Files.readString(baseline)).isEqualTo(before);
        assertThat(run("scan-template", "--baseline", baseline.toString(), checkout.resolve("infra").toString()))
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(out.toString()).contains("ERROR ").contains("7 baselined").doesNotContain("no longer found");
    }

    @Test
    void aBaselineThatCannotBeUsedIsOneLineAndExitThree() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"aws-secure-pipeline scan-template baseline\",\n \"formatVersion\": 1,\n"
                + " \"entries\": [\n  {\"rule\": \"R\", \"file\": \"a.yaml\"}\n ]}\n");
        assertThat(run("scan-template", "--baseline", bad.toString(), template.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).isEqualTo("error: --baseline: " + bad + ":4:3: entry without \"resource\"\n");
        assertThat(out.toString()).isEmpty();

        Files.writeString(bad, "{\"format\": \"aws-secure-pipeline scan-template baseline\", \"formatVersion\": 2}");
        assertThat(run("scan-template", "--baseline", bad.toString(), template.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).startsWith("error: --baseline: " + bad + ":1:").contains("formatVersion 2 is not supported");

        Files.writeString(bad, "{\"format\": \"aws-secure-pipeline scan-template baseline\", \"formatVersion\": 1,");
        assertThat(run("scan-template", "--baseline", bad.toString(), template.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).startsWith("error: --baseline: " + bad + ":1:").contains("not valid JSON")
                .doesNotContain("Exception").hasLineCount(1);

        assertThat(run("scan-template", "--baseline", dir.resolve("none.json").toString(), template.toString()))
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).isEqualTo("error: --baseline: " + dir.resolve("none.json") + ": no such file or directory\n");
    }

    @Test
    void bothOptionsTogetherAreAUsageError() {
        assertThat(run("scan-template", "--baseline", "a.json", "--create-baseline", "b.json", template.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--baseline and --create-baseline cannot be used together");
    }

    @Test
    void aBaselineThatCannotBeWrittenIsNamed() throws Exception {
        Path directory = Files.createDirectories(dir.resolve("taken.json"));
        Files.writeString(directory.resolve("x"), "x");
        assertThat(run("scan-template", "--create-baseline", directory.toString(), template.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith("error: --create-baseline: cannot write " + directory + ": ").hasLineCount(1);
        try (var listing = Files.list(dir)) {
            assertThat(listing.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }
}
