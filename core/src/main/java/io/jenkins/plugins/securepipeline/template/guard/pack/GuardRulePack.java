package io.jenkins.plugins.securepipeline.template.guard.pack;

import io.jenkins.plugins.securepipeline.files.UserFiles;
import io.jenkins.plugins.securepipeline.net.BoundedHttpGet;
import io.jenkins.plugins.securepipeline.template.TemplateFiles;
import io.jenkins.plugins.securepipeline.template.guard.GuardRuleException;
import io.jenkins.plugins.securepipeline.template.guard.GuardRules;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A set of Guard rules an administrator keeps for many pipelines (a compliance pack, the organisation's own rules):
 * a folder of {@code *.guard} / {@code *.ruleset} files on the machine that scans, or one rule file at a URL. Its
 * rules are named {@code PACK/FILE/RULE} in reports, so a finding says which pack it came from. A pack that cannot be
 * read, or that holds no rule, is an error: a mandatory pack must never pass by being absent.
 */
public final class GuardRulePack {
    /** Pack names as they appear in rule IDs and Jenkinsfiles: short, no slashes or spaces. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** At most this many rule files in a folder pack, and this many bytes in all. */
    public static final int MAX_FILES = 2000;
    public static final long MAX_TOTAL_BYTES = 32L * 1024 * 1024;

    /** What was loaded, with a digest of every byte read so the audit trail says exactly which rules ran. */
    public record Loaded(String name, GuardRules rules, int files, String sha256) {}

    private final String name;
    private final Path directory;
    private final URI url;

    private GuardRulePack(String name, Path directory, URI url) {
        this.name = name;
        this.directory = directory;
        this.url = url;
    }

    /**
     * @param location an absolute folder path, or an {@code https://} URL of one rule file ({@code http://} only
     *     to this machine: rules fetched in the clear could be swapped on the way, and a swapped pack passes anything)
     * @throws IllegalArgumentException naming the field at fault
     */
    public static GuardRulePack of(String name, String location) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("rule pack name '" + name + "': use 1-64 letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit");
        }
        if (TemplateFiles.isGuardRuleFile(name)) {
            // A workspace rule file's findings are named FILE/RULE: a pack named like a file would share its IDs.
            throw new IllegalArgumentException("rule pack name '" + name + "': must not end in .guard or .ruleset");
        }
        String where = location == null ? "" : location.strip();
        if (where.isEmpty()) {
            throw new IllegalArgumentException("rule pack '" + name + "': location is required (a folder on the"
                    + " controller or an https:// URL of a rule file)");
        }
        if (where.contains("://")) {
            return new GuardRulePack(name, null, url(name, where));
        }
        Path directory;
        try {
            directory = Path.of(where);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("rule pack '" + name + "': location '" + where + "' is not a path");
        }
        if (!directory.isAbsolute()) {
            throw new IllegalArgumentException("rule pack '" + name + "': location '" + where + "' must be an absolute"
                    + " folder path or an https:// URL");
        }
        return new GuardRulePack(name, directory, null);
    }

    private static URI url(String name, String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("rule pack '" + name + "': location is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("rule pack '" + name + "': the URL needs a host and no user name or"
                    + " password in it");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("rule pack '" + name + "': plain http is accepted only for this machine"
                    + " (127.0.0.1, ::1, localhost); use https so the rules cannot be changed on the way");
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("rule pack '" + name + "': the URL must be https");
        }
        return uri;
    }

    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses are judged: a name is not resolved here (that would make saving a form a lookup).
        if (!bare.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public String name() {
        return name;
    }

    /** True for a URL pack (fetched on every load), false for a folder. */
    public boolean isUrl() {
        return url != null;
    }

    /**
     * Reads and parses the pack now: a folder is walked (symbolic links not followed) for rule files, a URL is
     * fetched within {@code timeout}.
     *
     * @throws IOException what could not be read, naming the pack and the file or URL
     * @throws GuardRuleException a rule that does not parse, naming the pack's file, line and construct
     */
    public Loaded load(Duration timeout) throws IOException, GuardRuleException, InterruptedException {
        return load(timeout, ProxySelector.getDefault());
    }

    /** As {@link #load(Duration)}; a URL pack is fetched through {@code proxy} (Jenkins' proxy settings). */
    public Loaded load(Duration timeout, ProxySelector proxy)
            throws IOException, GuardRuleException, InterruptedException {
        MessageDigest digest = sha256();
        List<GuardRules> parts = new ArrayList<>();
        if (url != null) {
            byte[] bytes = BoundedHttpGet.fetch(url, timeout, (int) GuardRules.MAX_RULE_FILE_BYTES, "text/plain, */*",
                    "Guard rule pack '" + name + "'", proxy);
            String file = fileName(url);
            update(digest, file, bytes);
            parts.add(GuardRules.parse(name + "/" + file, bytes));
        } else {
            for (Path file : ruleFiles()) {
                String relative = directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                byte[] bytes = UserFiles.read(file, GuardRules.MAX_RULE_FILE_BYTES);
                update(digest, relative, bytes);
                parts.add(GuardRules.parse(name + "/" + relative, bytes));
            }
        }
        return new Loaded(name, GuardRules.combine(parts), parts.size(), HexFormat.of().formatHex(digest.digest()));
    }

    private List<Path> ruleFiles() throws IOException {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("Guard rule pack '" + name + "': " + directory + " is not a folder on this machine");
        }
        List<Path> found;
        try (Stream<Path> walk = Files.walk(directory, new FileVisitOption[0])) {
            found = walk.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                    .filter(path -> TemplateFiles.isGuardRuleFile(path.getFileName().toString())).limit(MAX_FILES + 1L).sorted().toList();
        } catch (java.io.UncheckedIOException e) {
            throw new IOException("Guard rule pack '" + name + "': cannot read " + directory + ": "
                    + e.getCause().getMessage());
        }
        if (found.isEmpty()) {
            throw new IOException("Guard rule pack '" + name + "': no rule files (*.guard, *.ruleset) in " + directory);
        }
        if (found.size() > MAX_FILES) {
            throw new IOException("Guard rule pack '" + name + "': more than " + MAX_FILES + " rule files in " + directory);
        }
        long total = 0;
        for (Path file : found) {
            total += Files.size(file);
        }
        if (total > MAX_TOTAL_BYTES) {
            throw new IOException("Guard rule pack '" + name + "': " + total + " bytes of rule files in " + directory
                    + ", more than the " + MAX_TOTAL_BYTES + " byte limit");
        }
        return found;
    }

    /** The last segment of the URL's path, or {@code rules.guard} when it has none. */
    private static String fileName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() || !last.matches("[A-Za-z0-9._-]{1,128}") ? "rules.guard" : last;
    }

    /** Name, length and bytes of each file in turn: two different packs cannot hash alike by moving bytes around. */
    private static void update(MessageDigest digest, String file, byte[] bytes) {
        digest.update(file.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(Long.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) 0);
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "Guard rule pack '" + name + "' (" + (url != null ? BoundedHttpGet.withoutQuery(url) : directory) + ")";
    }
}
