package io.jenkins.plugins.securepipeline.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one rule for files a person names: regular files only, read up to a limit, explained in plain words. */
class UserFilesTest {
    private static final Duration QUICKLY = Duration.ofSeconds(5);

    @TempDir
    Path temp;

    /** A named pipe with no writer: opening it for reading would block forever. */
    public static Path fifo(Path at) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", at.toString()).redirectErrorStream(true).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo is available");
        return at;
    }

    @Test
    void readsARegularFileWithinTheLimit() throws Exception {
        Path file = Files.writeString(temp.resolve("key.pem"), "hello");
        assertThat(new String(UserFiles.read(file, 5), StandardCharsets.UTF_8)).isEqualTo("hello");
    }

    @Test
    void aFifoIsNamedAndNeverOpened() throws Exception {
        Path fifo = fifo(temp.resolve("pipe"));
        assertTimeoutPreemptively(QUICKLY, () -> assertThatThrownBy(() -> UserFiles.read(fifo, 100))
                .isInstanceOf(UserFileException.class)
                .hasMessage(fifo + ": is a FIFO (named pipe), not a regular file"));
        assertTimeoutPreemptively(QUICKLY, () -> assertThatThrownBy(() -> UserFiles.open(fifo, 100))
                .hasMessageContaining("is a FIFO"));
    }

    @Test
    void aDeviceIsRefusedWithoutReadingIt() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        assertTimeoutPreemptively(QUICKLY, () -> assertThatThrownBy(() -> UserFiles.read(zero, 1 << 20))
                .isInstanceOf(UserFileException.class)
                .hasMessage("/dev/zero: is a device, not a regular file"));
    }

    @Test
    void directoriesMissingFilesAndLargeFilesAreExplained() throws Exception {
        assertThatThrownBy(() -> UserFiles.read(temp, 10)).hasMessage(temp + ": is a directory, not a regular file");
        Path missing = temp.resolve("missing");
        assertThatThrownBy(() -> UserFiles.read(missing, 10)).hasMessage(missing + ": no such file or directory");
        Path large = Files.write(temp.resolve("large"), new byte[11]);
        assertThatThrownBy(() -> UserFiles.read(large, 10)).hasMessage(large + ": is larger than 10 bytes");
        assertThatThrownBy(() -> UserFiles.open(large, 10)).hasMessage(large + ": is larger than 10 bytes");
    }

    @Test
    void aStreamStopsAtTheLimitWhenTheFileGrowsAfterTheCheck() throws Exception {
        Path file = Files.write(temp.resolve("growing"), new byte[8]);
        try (InputStream in = UserFiles.open(file, 10)) {
            Files.write(file, new byte[8], StandardOpenOption.APPEND);
            assertThatThrownBy(in::readAllBytes).isInstanceOf(UserFileException.class)
                    .hasMessage(file + ": is larger than 10 bytes");
        }
    }

    @Test
    void noExceptionClassNameInMessages() {
        UserFileException explained = UserFiles.explain(temp.resolve("x"), new IOException());
        assertThat(explained.getMessage()).isEqualTo(temp.resolve("x") + ": cannot be read");
        assertThat(UserFiles.explain(temp.resolve("x"), new java.nio.file.AccessDeniedException("x")).problem())
                .isEqualTo("permission denied");
    }
}
