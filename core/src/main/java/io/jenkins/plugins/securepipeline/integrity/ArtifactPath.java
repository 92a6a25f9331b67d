package io.jenkins.plugins.securepipeline.integrity;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a file name taken from a checksum file or a command line before it gets near the file system: it must be
 * relative, stay below the base directory syntactically, and be free of NUL. {@code .} segments and repeated
 * slashes are dropped, so {@code ./dist//app.jar} and {@code dist/app.jar} name the same artifact.
 */
public final class ArtifactPath {
    private ArtifactPath() {}

    /**
     * The normalized form ({@code /}-separated, no {@code .} segments).
     *
     * @throws IllegalArgumentException naming the reason, when the name is unsafe
     */
    public static String normalize(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty file name");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("file name contains a NUL byte");
        }
        if (name.startsWith("/")) {
            throw new IllegalArgumentException("absolute path '" + printable(name) + "' (names must be relative to the base directory)");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                throw new IllegalArgumentException("'" + printable(name) + "' leaves the base directory ('..' is not allowed)");
            }
            segments.add(segment);
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("'" + printable(name) + "' names the base directory itself, not a file");
        }
        return String.join("/", segments);
    }

    /** True for {@code .}, {@code ./} and the like: names that mean the base directory itself. */
    public static boolean namesBaseDirectory(String name) {
        if (name.isEmpty() || name.startsWith("/")) {
            return false;
        }
        for (String segment : name.split("/", -1)) {
            if (!segment.isEmpty() && !segment.equals(".")) {
                return false;
            }
        }
        return true;
    }

    /** The name with control characters escaped, safe to put in one line of a message or report. */
    public static String printable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
