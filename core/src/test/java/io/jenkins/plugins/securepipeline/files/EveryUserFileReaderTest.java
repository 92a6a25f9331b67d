package io.jenkins.plugins.securepipeline.files;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.securepipeline.image.SourceSpec;
import io.jenkins.plugins.securepipeline.integrity.ChecksumLimits;
import io.jenkins.plugins.securepipeline.integrity.manifest.ChecksumFileLoader;
import io.jenkins.plugins.securepipeline.role.PemFiles;
import io.jenkins.plugins.securepipeline.signing.PemKeyReader;
import io.jenkins.plugins.securepipeline.signing.cosign.CosignKeyFiles;
import io.jenkins.plugins.securepipeline.template.ParameterValues;
import io.jenkins.plugins.securepipeline.template.ScanPolicy;
import io.jenkins.plugins.securepipeline.template.baseline.Baseline;
import io.jenkins.plugins.securepipeline.template.TemplateFiles;
import io.jenkins.plugins.securepipeline.template.TemplateReader;
import io.jenkins.plugins.securepipeline.window.CalendarImports;
import io.jenkins.plugins.securepipeline.window.CalendarLoader;
import io.jenkins.plugins.securepipeline.window.IcsUrlFetcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every core reader of a file a person names refuses a FIFO (which would block forever) and a device such as
 * {@code /dev/zero} (which would fill the heap), at once and with what the path is. One row per reader: a new reader
 * of user files belongs here.
 */
class EveryUserFileReaderTest {
    @FunctionalInterface
    interface Reader {
        void read(Path file) throws Exception;
    }

    static Stream<Map.Entry<String, Reader>> readers() {
        return Stream.of(
                Map.entry("PEM private key", file -> PemKeyReader.readPrivateKey(file)),
                Map.entry("PEM public key", file -> PemKeyReader.readPublicKey(file)),
                Map.entry("cosign private key", file -> CosignKeyFiles.readPrivateKey(file, null)),
                Map.entry("cosign public key", file -> CosignKeyFiles.readPublicKey(file)),
                Map.entry("Roles Anywhere certificate", file -> PemFiles.readCertificates("--certificate", file)),
                Map.entry("Roles Anywhere private key", file -> PemFiles.readPrivateKey("--private-key", file)),
                Map.entry("checksum file", file -> ChecksumFileLoader.load(file, ChecksumLimits.DEFAULT)),
                Map.entry("calendar", file -> new CalendarLoader().load(file)),
                Map.entry("iCalendar import", file -> CalendarImports.forDecisionsFrom(Instant.EPOCH, Duration.ZERO,
                        new IcsUrlFetcher(), null).icalendar(file.getFileName().toString(), file.getParent(), null)),
                Map.entry("template", file -> new TemplateReader().read(file)),
                Map.entry("template operand", file -> TemplateFiles.expand(List.of(file))),
                Map.entry("scan policy", file -> ScanPolicy.read(file)),
                Map.entry("parameter values", file -> ParameterValues.read(file)),
                Map.entry("scan baseline", file -> Baseline.read(file)),
                Map.entry("oci-archive", file -> SourceSpec.parse("oci-archive:" + file).open()),
                Map.entry("docker-archive", file -> SourceSpec.parse("docker-archive:" + file).open()));
    }

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void aFifoIsRefusedWithoutBlocking(Map.Entry<String, Reader> reader) throws Exception {
        Path fifo = UserFilesTest.fifo(temp.resolve("input.pipe"));
        refusedQuickly(() -> reader.getValue().read(fifo), "is a FIFO (named pipe), not a regular file");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void aDeviceIsRefusedWithoutReadingIt(Map.Entry<String, Reader> reader) throws Exception {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        refusedQuickly(() -> reader.getValue().read(zero), "is a device, not a regular file");
    }

    private static void refusedQuickly(Executable read, String problem) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(read::execute)
                .hasMessageContaining(problem));
    }
}
