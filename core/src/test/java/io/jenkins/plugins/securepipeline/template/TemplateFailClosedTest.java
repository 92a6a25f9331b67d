package io.jenkins.plugins.securepipeline.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scan never passes by not looking: nothing found, odd shapes and hidden documents are errors. */
class TemplateFailClosedTest {
    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private static ScanResult scan(Path path, boolean allowEmpty) throws Exception {
        return new TemplateScanner().scan(List.of(path), Severity.HIGH, allowEmpty);
    }

    @Test
    void aDirectoryWithoutTemplatesIsNothingScanned() throws Exception {
        write("empty/README.md", "no templates");
        write("empty/config.yaml", "key: value");
        ScanResult result = scan(dir.resolve("empty"), false);
        assertThat(result.errorCount()).isEqualTo(1);
        assertThat(result.templates().get(0).error()).contains("nothing scanned")
                .contains("no CloudFormation or SAM template in this directory");
        assertThat(scan(dir.resolve("empty"), true).errorCount()).isZero();
    }

    @Test
    void aNamedFileThatIsNotATemplateIsNothingScanned() throws Exception {
        Path file = write("values.yaml", "replicas: 3");
        assertThat(scan(file, false).templates()).singleElement()
                .satisfies(t -> assertThat(t.error()).contains("nothing scanned").contains("not a CloudFormation"));
        assertThat(scan(file, true).errorCount()).isZero();
    }

    @Test
    void eachNamedPathMustYieldATemplate() throws Exception {
        Path template = write("ok/t.yaml", "Resources:", "  Q:", "    Type: AWS::SQS::Queue",
                "    Properties: {SqsManagedSseEnabled: true}");
        Path empty = Files.createDirectories(dir.resolve("none"));
        ScanResult result = new TemplateScanner().scan(List.of(template, empty), Severity.HIGH, false);
        assertThat(result.templates()).extracting(TemplateReport::path).contains(empty.toString());
        assertThat(result.errorCount()).isEqualTo(1);
    }

    @Test
    void aJsonArrayIsUnreadableButAParametersFileIsSkipped() throws Exception {
        write("j/wrapped.json", "[{\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\"}}}]");
        write("j/params.json", "[{\"ParameterKey\": \"Env\", \"ParameterValue\": \"prod\"}]");
        write("j/t.json", "{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\"}}}");
        ScanResult result = scan(dir.resolve("j"), false);
        assertThat(result.errorCount()).isEqualTo(1);
        assertThat(result.templates()).filteredOn(t -> t.error() != null).singleElement()
                .satisfies(t -> assertThat(t.error()).contains("wrapped.json").contains("is an array"));
        assertThat(result.skipped()).isEqualTo(1);
    }

    @Test
    void resourcesThatAreNotAMapAreUnreadable() throws Exception {
        assertThat(scan(write("list.yaml", "Resources:", "  - Type: AWS::S3::Bucket"), false).templates())
                .singleElement().satisfies(t -> assertThat(t.error()).contains("Resources is a list"));
        assertThat(scan(write("scalar.yaml", "Resources: none"), false).templates())
                .singleElement().satisfies(t -> assertThat(t.error()).contains("Resources is not a map"));
        assertThat(scan(write("entry.yaml", "Resources:", "  B: AWS::S3::Bucket"), false).templates())
                .singleElement().satisfies(t -> assertThat(t.error()).contains("resource B is not a map"));
    }

    @Test
    void aTemplateInAMultiDocumentStreamIsUnreadableOtherStreamsAreSkipped() throws Exception {
        write("m/hidden.yaml", "kind: ConfigMap", "---", "Resources:", "  B:", "    Type: AWS::S3::Bucket");
        write("m/k8s.yaml", "kind: ConfigMap", "---", "kind: Service");
        write("m/t.yaml", "Resources:", "  Q:", "    Type: AWS::SQS::Queue");
        ScanResult result = scan(dir.resolve("m"), false);
        assertThat(result.templates()).filteredOn(t -> t.error() != null).singleElement().satisfies(t -> {
            assertThat(t.path()).endsWith("hidden.yaml");
            assertThat(t.error()).contains(":2:").contains("more than one YAML document").contains("looks like a template");
        });
        assertThat(result.skipped()).isEqualTo(1);
    }
}
