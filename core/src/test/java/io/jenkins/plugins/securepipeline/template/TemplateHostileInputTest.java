package io.jenkins.plugins.securepipeline.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Inputs built to hurt a parser: each must end in a clear error or a correct result, quickly. */
@Timeout(30)
class TemplateHostileInputTest {
    @TempDir
    Path dir;

    private static TemplateNode yaml(String text) throws TemplateParseException {
        return new TemplateReader().read("t.yaml", text.getBytes(StandardCharsets.UTF_8), false);
    }

    @Test
    void billionLaughsIsStoppedBeforeExpansion() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *")
                    .append(p).append(", *").append(p).append(", *").append(p).append(", *").append(p).append(", *")
                    .append(p).append(", *").append(p).append(", *").append(p).append("]\n");
        }
        long start = System.nanoTime();
        assertThatThrownBy(() -> yaml(bomb.toString())).isInstanceOf(TemplateParseException.class)
                .hasMessageContaining("aliases expand to more than");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void tooManyAliasesAreRefused() {
        StringBuilder many = new StringBuilder("a: &a x\nl:\n");
        for (int i = 0; i < 1_500; i++) {
            many.append("  - *a\n");
        }
        assertThatThrownBy(() -> yaml(many.toString())).hasMessageContaining("more than 1000 aliases");
    }

    @Test
    void fiftyMegabyteTemplateIsRefusedWithoutReadingIt() throws Exception {
        Path big = dir.resolve("big.yaml");
        byte[] line = "# padding padding padding padding padding padding padding padding padding padding\n"
                .getBytes(StandardCharsets.UTF_8);
        // Buffered: 650,000 unbuffered writes took most of the class's time limit on a loaded machine.
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(big), 1 << 20)) {
            out.write("Resources: {}\n".getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        assertThatThrownBy(() -> new TemplateReader().read(big))
                .hasMessageMatching(".*big\\.yaml: is larger than 10485760 bytes");
    }

    @Test
    void tenThousandDeepNestingIsADepthErrorNotAStackOverflow() {
        String flow = "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        assertThatThrownBy(() -> yaml(flow)).hasMessageContaining("nesting deeper than 200 levels");
        StringBuilder block = new StringBuilder();
        // Block style: 1,000 levels already take 500 KB of indentation; 10,000 would hit the size limit first.
        for (int i = 0; i < 1_000; i++) {
            block.append(" ".repeat(i)).append("k:\n");
        }
        assertThatThrownBy(() -> yaml(block.toString())).hasMessageContaining("nesting deeper than 200 levels");
        String json = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        assertThatThrownBy(() -> new TemplateReader().read("t.json", json.getBytes(StandardCharsets.UTF_8), true))
                .isInstanceOf(TemplateParseException.class).hasMessageStartingWith("t.json:1:");
    }

    @Test
    void binaryFileIsRefused() {
        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d};
        assertThatThrownBy(() -> new TemplateReader().read("logo.yaml", binary, false))
                .hasMessage("logo.yaml:3:1: binary content (a NUL byte at offset 8), not a text template");
    }

    @Test
    void invalidUtf8NamesTheLine() {
        byte[] text = "a: 1\nb: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> new TemplateReader().read("t.yaml", text, false))
                .hasMessage("t.yaml:2:7: invalid UTF-8 (byte 0xe9 at offset 11)");
    }

    @Test
    void propertiesAsIfWithUnknownConditionChecksBothBranches() throws Exception {
        Path file = dir.resolve("if.yaml");
        Files.writeString(file, String.join("\n",
                "Parameters:", "  Env: {Type: String}",
                "Conditions:", "  Prod: !Equals [!Ref Env, prod]",
                "Resources:", "  Bucket:", "    Type: AWS::S3::Bucket",
                "    Properties: !If", "      - Prod", "      - {AccessControl: Private}", "      - {AccessControl: PublicRead}",
                "  Other:", "    Type: AWS::S3::Bucket", "    Properties: !If [Prod, {AccessControl: PublicReadWrite}, !Ref AWS::NoValue]",
                ""));
        List<Finding> findings = new TemplateScanner().scan(List.of(file), Severity.LOW).templates().get(0).findings();
        assertThat(findings).extracting(Finding::ruleId).contains("ASP-S3-002", "ASP-S3-003");
        assertThat(findings).filteredOn(f -> f.ruleId().equals("ASP-S3-002")).extracting(Finding::line).containsExactly(11);
    }

    @Test
    void unquotedRefToNoValueRemovesTheProperty() throws Exception {
        Path file = dir.resolve("novalue.yaml");
        Files.writeString(file, String.join("\n",
                "Resources:", "  Volume:", "    Type: AWS::EC2::Volume",
                "    Properties:", "      Size: 10", "      Encrypted: true", "      KmsKeyId: !Ref AWS::NoValue",
                "      AvailabilityZone: !If [Unknown, eu-west-1a, !Ref AWS::NoValue]", ""));
        ScanResult result = new TemplateScanner().scan(List.of(file), Severity.LOW);
        assertThat(result.templates().get(0).error()).isNull();
        assertThat(result.templates().get(0).findings()).extracting(Finding::ruleId).doesNotContain("ASP-EC2-015");
    }

    @Test
    void mergeKeysFeedTheRules() throws Exception {
        Path file = dir.resolve("merge.yaml");
        Files.writeString(file, String.join("\n",
                "Resources:", "  Open:", "    Type: AWS::S3::Bucket", "    Properties:", "      <<: &public {AccessControl: PublicRead}",
                "  Closed:", "    Type: AWS::S3::Bucket", "    Properties:", "      <<: *public", "      AccessControl: Private", ""));
        List<Finding> findings = new TemplateScanner().scan(List.of(file), Severity.LOW).templates().get(0).findings();
        assertThat(findings).filteredOn(f -> f.ruleId().equals("ASP-S3-002")).extracting(Finding::resource)
                .containsExactly("Open");
    }
}
