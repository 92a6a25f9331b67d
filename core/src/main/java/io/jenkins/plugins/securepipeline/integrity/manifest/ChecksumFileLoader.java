package io.jenkins.plugins.securepipeline.integrity.manifest;

import io.jenkins.plugins.securepipeline.files.UserFileException;
import io.jenkins.plugins.securepipeline.files.UserFiles;
import io.jenkins.plugins.securepipeline.integrity.ChecksumEntry;
import io.jenkins.plugins.securepipeline.integrity.ChecksumFileException;
import io.jenkins.plugins.securepipeline.integrity.ChecksumFormat;
import io.jenkins.plugins.securepipeline.integrity.ChecksumLimits;
import io.jenkins.plugins.securepipeline.integrity.CoreutilsChecksumFile;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a checksum file of any supported format, telling them apart by content: a JSON manifest starts with
 * {@code {}, anything else is read as coreutils lines (GNU and BSD lines may be mixed, as coreutils allows).
 */
public final class ChecksumFileLoader {
    private static final Pattern BSD_START = Pattern.compile("\\\\?[A-Z0-9-]+ \\(");

    private ChecksumFileLoader() {}

    /** What was read: the entries, the format, and the manifest when it was one (for its signature). */
    public record LoadedChecksums(ChecksumFormat format, List<ChecksumEntry> entries, Optional<ChecksumManifest> manifest) {}

    public static LoadedChecksums load(Path file, ChecksumLimits limits) throws ChecksumFileException {
        try (InputStream in = UserFiles.open(file, limits.maxBytes())) {
            return load(in, file.toString(), limits);
        } catch (UserFileException e) {
            throw new ChecksumFileException(file.toString(), 0, e.problem(), e);
        } catch (IOException e) {
            throw new ChecksumFileException(file.toString(), 0, UserFiles.explain(file, e).problem(), e);
        }
    }

    public static LoadedChecksums load(InputStream raw, String source, ChecksumLimits limits)
            throws IOException, ChecksumFileException {
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        in.mark(256);
        String start = new String(in.readNBytes(256), StandardCharsets.ISO_8859_1);
        in.reset();
        if (start.strip().startsWith("{")) {
            ChecksumManifest manifest = ManifestJson.read(in, source, limits);
            if (manifest.files().isEmpty()) {
                throw new ChecksumFileException(source, 0, "manifest lists no files");
            }
            return new LoadedChecksums(ChecksumFormat.JSON, manifest.files(), Optional.of(manifest));
        }
        List<ChecksumEntry> entries = CoreutilsChecksumFile.read(in, source, limits);
        // Lines may be mixed; the first one names the format for reports.
        ChecksumFormat format = BSD_START.matcher(start).lookingAt() ? ChecksumFormat.BSD : ChecksumFormat.GNU;
        return new LoadedChecksums(format, entries, Optional.empty());
    }

}
