package io.jenkins.plugins.securepipeline.template.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineFileTest {
    private static final String HEAD = "{\"format\": \"aws-secure-pipeline scan-template baseline\", \"formatVersion\": 1,\n";

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("baseline.json");
        Files.writeString(file, text);
        return file;
    }

    private String refused(String text) throws IOException {
        Path file = write(text);
        return assertThrows(BaselineException.class, () -> Baseline.read(file)).getMessage();
    }

    private static Baseline sample() {
        return new Baseline("9.9", List.of(
                new BaselineEntry("ASP-S3-005", "b.yaml", "Logs", "not logged", "LOW"),
                new BaselineEntry("ASP-S3-002", "a.yaml", "Web", "a \"quoted\"\tvalue", "HIGH"),
                new BaselineEntry("ASP-S3-001", "a.yaml", "Web", "not encrypted", "MEDIUM"),
                new BaselineEntry("ASP-S3-001", "a.yaml", "Web", "not encrypted", "MEDIUM")));
    }

    @Test
    void writesOneSortedEntryPerLineAndReadsItBack() throws Exception {
        Path file = dir.resolve("ci/baseline.json");
        sample().write(file);
        String text = Files.readString(file);
        assertThat(text).isEqualTo("{\n"
                + "  \"format\": \"aws-secure-pipeline scan-template baseline\",\n"
                + "  \"formatVersion\": 1,\n"
                + "  \"toolVersion\": \"9.9\",\n"
                + "  \"entries\": [\n"
                + "    {\"rule\": \"ASP-S3-001\", \"file\": \"a.yaml\", \"resource\": \"Web\", \"severity\": \"MEDIUM\", \"message\": \"not encrypted\"},\n"
                + "    {\"rule\": \"ASP-S3-001\", \"file\": \"a.yaml\", \"resource\": \"Web\", \"severity\": \"MEDIUM\", \"message\": \"not encrypted\"},\n"
                + "    {\"rule\": \"ASP-S3-002\", \"file\": \"a.yaml\", \"resource\": \"Web\", \"severity\": \"HIGH\", \"message\": \"a \\\"quoted\\\"\\tvalue\"},\n"
                + "    {\"rule\": \"ASP-S3-005\", \"file\": \"b.yaml\", \"resource\": \"Logs\", \"severity\": \"LOW\", \"message\": \"not logged\"}\n"
                + "  ]\n"
                + "}\n");
        Baseline read = Baseline.read(file);
        assertThat(read.toolVersion()).isEqualTo("9.9");
        assertThat(read.entries()).hasSize(4).contains(new BaselineEntry("ASP-S3-002", "a.yaml", "Web",
                "a \"quoted\"\tvalue", "HIGH"));
        sample().write(file);
        assertThat(Files.readString(file)).isEqualTo(text);
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void anEmptyBaselineIsValid() throws Exception {
        Path file = dir.resolve("empty.json");
        new Baseline("1", List.of()).write(file);
        assertThat(Files.readString(file)).contains("\"entries\": []");
        assertThat(Baseline.read(file).entries()).isEmpty();
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        Path file = write(HEAD + "\"createdBy\": {\"name\": \"x\", \"list\": [1, 2]},\n\"entries\": [\n"
                + "{\"rule\": \"R\", \"file\": \"a.yaml\", \"resource\": \"B\", \"message\": \"m\", \"ticket\": [\"SEC-1\"]}]}");
        assertThat(Baseline.read(file).entries()).containsExactly(new BaselineEntry("R", "a.yaml", "B", "m", null));
    }

    @Test
    void anotherFormatVersionIsRefusedWithItsLine() throws Exception {
        assertThat(refused("{\"format\": \"aws-secure-pipeline scan-template baseline\",\n \"formatVersion\": 2,\n"
                + " \"entries\": [{\"new\": \"shape\"}]}"))
                .isEqualTo(dir.resolve("baseline.json") + ":2:19: formatVersion 2 is not supported (this version reads"
                        + " formatVersion 1); use the secure-pipeline version that wrote it, or create the baseline again");
        assertThat(refused("{\"format\": \"aws-secure-pipeline scan-template baseline\", \"entries\": []}"))
                .endsWith("baseline.json: no formatVersion (this version reads formatVersion 1)");
        assertThat(refused(HEAD.replace("1,", "\"1\",") + "\"entries\": []}")).contains(":1:").endsWith(
                "formatVersion must be a whole number");
        assertThat(refused(HEAD.replace("1,", "99999999999999999999999,") + "\"entries\": []}"))
                .contains("formatVersion out of range is not supported");
    }

    @Test
    void otherJsonIsNotABaseline() throws Exception {
        assertThat(refused("{\"templates\": [], \"summary\": {}}"))
                .endsWith("baseline.json: not a scan-template baseline (no \"format\": \"aws-secure-pipeline scan-template baseline\")");
        assertThat(refused("[1, 2]")).contains("baseline.json:1:1: a baseline is a JSON object");
        assertThat(refused("{\"format\": \"sarif\", \"formatVersion\": 1, \"entries\": []}"))
                .contains("baseline.json:1:12: not a scan-template baseline");
        assertThat(refused(HEAD + "\"entries\": {}}")).contains(":2:12: \"entries\" must be a list");
        assertThat(refused(HEAD + "\"other\": 1}")).endsWith(": no \"entries\" list");
    }

    @Test
    void malformedJsonNamesTheLine() throws Exception {
        String message = refused(HEAD + "\"entries\": [\n{\"rule\": \"R\",, }\n]}");
        assertThat(message).startsWith(dir.resolve("baseline.json") + ":3:").contains("not valid JSON").doesNotContain("\n");
        assertThat(refused(HEAD + "\"entries\": []} trailing")).contains(":2:").contains("not valid JSON");
        assertThat(refused(HEAD + "\"entries\": []}\n{}")).contains(":3:1: unexpected content after the baseline object");
        assertThat(refused(HEAD + "\"entries\": [], \"entries\": []}")).contains("not valid JSON: Duplicate field 'entries'");
        assertThat(refused("")).endsWith("baseline.json: is empty, not a baseline");
    }

    @Test
    void aBrokenEntryNamesItsLine() throws Exception {
        assertThat(refused(HEAD + "\"entries\": [\n  {\"rule\": \"R\", \"file\": \"a\", \"resource\": \"B\", \"message\": \"m\"},\n"
                + "  {\"rule\": \"R\", \"file\": \"a\", \"message\": \"m\"}\n]}"))
                .isEqualTo(dir.resolve("baseline.json") + ":4:3: entry without \"resource\"");
        assertThat(refused(HEAD + "\"entries\": [\n  {\"rule\": 7, \"file\": \"a\", \"resource\": \"B\", \"message\": \"m\"}]}"))
                .contains(":3:12: entry field \"rule\" must be a string");
        assertThat(refused(HEAD + "\"entries\": [\"R a B m\"]}")).contains(":2:13: an entry must be an object");
    }

    @Test
    void aCopyIsNamedAsTheCallerShowsIt() throws Exception {
        Path file = write(HEAD + "\"entries\": [\n  {\"rule\": \"R\"}]}");
        assertThat(assertThrows(BaselineException.class, () -> Baseline.read(file, "ci/scan-baseline.json")).getMessage())
                .isEqualTo("ci/scan-baseline.json:3:3: entry without \"file\"");
        assertThat(assertThrows(IOException.class, () -> Baseline.read(dir, "ws/dir")).getMessage())
                .isEqualTo("ws/dir: is a directory, not a regular file");
    }

    @Test
    void onlyRegularFilesWithinTheLimitAreRead() throws Exception {
        assertThat(assertThrows(IOException.class, () -> Baseline.read(dir)).getMessage())
                .isEqualTo(dir + ": is a directory, not a regular file");
        assertThat(assertThrows(IOException.class, () -> Baseline.read(dir.resolve("missing.json"))).getMessage())
                .endsWith("missing.json: no such file or directory");
        Path dev = Path.of("/dev/zero");
        if (Files.exists(dev)) {
            assertThat(assertThrows(IOException.class, () -> Baseline.read(dev)).getMessage())
                    .isEqualTo("/dev/zero: is a device, not a regular file");
        }
    }
}
