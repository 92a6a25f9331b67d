package io.jenkins.plugins.securepipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OutputSpoolTest {
    private static long spoolFiles() throws Exception {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("secure-pipeline-output-")).count();
        }
    }

    @Test
    void smallOutputStaysInMemoryAndIsCopiedWhole() throws Exception {
        StringWriter copy = new StringWriter();
        try (OutputSpool spool = new OutputSpool(64)) {
            spool.write("abc  x\n");
            spool.write("déf  y\n");
            assertThat(spool.spilled()).isFalse();
            spool.copyTo(new PrintWriter(copy));
        }
        assertThat(copy.toString()).isEqualTo("abc  x\ndéf  y\n");
    }

    @Test
    void largeOutputGoesToAPrivateTemporaryFileThatCloseDeletes() throws Exception {
        long before = spoolFiles();
        StringBuilder expected = new StringBuilder();
        StringWriter copy = new StringWriter();
        try (OutputSpool spool = new OutputSpool(100)) {
            for (int i = 0; i < 1000; i++) {
                String line = "line " + i + " naïve ☃\n";
                spool.write(line);
                expected.append(line);
            }
            assertThat(spool.spilled()).isTrue();
            assertThat(spoolFiles()).isEqualTo(before + 1);
            try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                assertThat(files.filter(file -> file.getFileName().toString().startsWith("secure-pipeline-output-")))
                        .allSatisfy(file -> assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                                Files.getPosixFilePermissions(file))).isEqualTo("rw-------"));
            }
            spool.copyTo(new PrintWriter(copy));
        }
        assertThat(copy.toString()).isEqualTo(expected.toString());
        assertThat(spoolFiles()).isEqualTo(before);
    }

    @Test
    void aSpoolClosedWithoutCopyingPrintsNothingAndLeavesNoFile() throws Exception {
        long before = spoolFiles();
        try (OutputSpool spool = new OutputSpool(10)) {
            spool.write("a partial checksum file\n");
            assertThat(spool.spilled()).isTrue();
        }
        assertThat(spoolFiles()).isEqualTo(before);
    }
}
