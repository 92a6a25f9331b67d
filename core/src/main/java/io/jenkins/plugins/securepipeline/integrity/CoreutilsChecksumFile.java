package io.jenkins.plugins.securepipeline.integrity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checksum files as GNU coreutils writes and reads them ({@code sha256sum}, {@code sha256sum --tag}).
 *
 * <p>Facts of the format this follows (coreutils 9.1): a line is {@code <hex> <mode><name>} where mode is a space
 * (text) or {@code *} (binary), or {@code <TAG> (<name>) = <hex>} with {@code --tag}. When a name contains a
 * backslash, newline or carriage return the line starts with a backslash and the name is escaped as {@code \\},
 * {@code \n}, {@code \r}; a line without that leading backslash takes its name literally. CRLF line ends are
 * accepted. Unlike {@code sha256sum -c} (which warns and goes on), any malformed line fails the whole file:
 * a checksum file is evidence, and evidence with holes in it proves nothing.
 */
public final class CoreutilsChecksumFile {
    private CoreutilsChecksumFile() {}

    /**
     * Reads every line; fails on the first malformed one with its line number.
     *
     * @param source the file's name, for messages
     */
    public static List<ChecksumEntry> read(InputStream in, String source, ChecksumLimits limits)
            throws IOException, ChecksumFileException {
        BoundedLineReader reader = new BoundedLineReader(in, source, limits);
        List<ChecksumEntry> entries = new ArrayList<>();
        Map<String, Long> firstLineOfName = new HashMap<>();
        String line;
        while ((line = reader.readLine()) != null) {
            long lineNumber = reader.lineNumber();
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (entries.size() == limits.maxEntries()) {
                throw new ChecksumFileException(source, lineNumber, "more than " + limits.maxEntries() + " entries");
            }
            ChecksumEntry entry;
            try {
                entry = parseLine(line);
            } catch (IllegalArgumentException e) {
                throw new ChecksumFileException(source, lineNumber, e.getMessage());
            }
            Long earlier = firstLineOfName.putIfAbsent(entry.name(), lineNumber);
            if (earlier != null) {
                throw new ChecksumFileException(source, lineNumber,
                        "'" + ArtifactPath.printable(entry.name()) + "' is already listed on line " + earlier);
            }
            entries.add(entry);
        }
        if (entries.isEmpty()) {
            throw new ChecksumFileException(source, 0, "no checksum lines found");
        }
        return entries;
    }

    static ChecksumEntry parseLine(String line) {
        boolean escaped = line.startsWith("\\");
        String rest = escaped ? line.substring(1) : line;
        ChecksumEntry bsd = parseBsd(rest, escaped);
        return bsd != null ? bsd : parseGnu(rest, escaped);
    }

    private static ChecksumEntry parseBsd(String rest, boolean escaped) {
        int open = rest.indexOf(" (");
        if (open <= 0 || !isTag(rest.substring(0, open))) {
            return null;
        }
        String tag = rest.substring(0, open);
        DigestAlgorithm algorithm = DigestAlgorithm.find(tag).orElseThrow(() -> new IllegalArgumentException(
                tag + " digests are not accepted (accepted: SHA256, SHA384, SHA512)"));
        int close = rest.lastIndexOf(") = ");
        if (close < open + 2) {
            throw new IllegalArgumentException("expected '" + tag + " (<name>) = <hex>'");
        }
        String name = rest.substring(open + 2, close);
        String hex = rest.substring(close + 4);
        return new ChecksumEntry(ArtifactPath.normalize(escaped ? unescape(name) : name),
                ArtifactDigest.ofHex(algorithm, hex));
    }

    private static boolean isTag(String word) {
        if (word.isEmpty() || word.length() > 16) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static ChecksumEntry parseGnu(String rest, boolean escaped) {
        int space = rest.indexOf(' ');
        if (space < 0 || space + 2 > rest.length()) {
            throw new IllegalArgumentException("expected '<hex>  <name>', '<hex> *<name>' or '<TAG> (<name>) = <hex>'");
        }
        String hex = rest.substring(0, space);
        DigestAlgorithm algorithm = DigestAlgorithm.forHexLength(hex.length()).orElseThrow(() ->
                new IllegalArgumentException(hex.length() == 32 || hex.length() == 40
                        ? "MD5 and SHA-1 digests are not accepted (accepted: sha256, sha384, sha512)"
                        : "expected a hex digest of 64, 96 or 128 digits at the start of the line"));
        char mode = rest.charAt(space + 1);
        if (mode != ' ' && mode != '*') {
            throw new IllegalArgumentException("expected two spaces or ' *' between digest and name");
        }
        String name = rest.substring(space + 2);
        return new ChecksumEntry(ArtifactPath.normalize(escaped ? unescape(name) : name),
                ArtifactDigest.ofHex(algorithm, hex));
    }

    private static String unescape(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i + 1 == name.length()) {
                throw new IllegalArgumentException("name ends with an unfinished escape");
            }
            char next = name.charAt(++i);
            switch (next) {
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                default -> throw new IllegalArgumentException("unknown escape '\\" + ArtifactPath.printable(String.valueOf(next))
                        + "' in name (coreutils writes only \\\\, \\n and \\r)");
            }
        }
        return out.toString();
    }

    /** Writes the entries in GNU or BSD format, byte for byte as {@code sha256sum [--tag]} would for these names. */
    public static void write(List<ChecksumEntry> entries, ChecksumFormat format, OutputStream out) throws IOException {
        if (format == ChecksumFormat.JSON) {
            throw new IllegalArgumentException("JSON manifests are written by ChecksumManifest, not here");
        }
        for (ChecksumEntry entry : entries) {
            out.write(line(entry.name(), entry.digest(), format).getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
    }

    /**
     * One line in GNU or BSD format, newline included, as {@code sha256sum [--tag]} writes it for this name: for
     * writing a checksum file one file at a time.
     */
    public static String line(String name, ArtifactDigest digest, ChecksumFormat format) {
        if (format == ChecksumFormat.JSON) {
            throw new IllegalArgumentException("JSON manifests are written by ChecksumManifest, not here");
        }
        StringBuilder text = new StringBuilder(name.length() + digest.algorithm().hexLength() + 16);
        if (needsEscape(name)) {
            text.append('\\');
            name = escape(name);
        }
        if (format == ChecksumFormat.GNU) {
            text.append(digest.hex()).append("  ").append(name);
        } else {
            text.append(digest.algorithm().bsdTag()).append(" (").append(name).append(") = ").append(digest.hex());
        }
        return text.append('\n').toString();
    }

    private static boolean needsEscape(String name) {
        return name.indexOf('\\') >= 0 || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0;
    }

    private static String escape(String name) {
        return name.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }
}
