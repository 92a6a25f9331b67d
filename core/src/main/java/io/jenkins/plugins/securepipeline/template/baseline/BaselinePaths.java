package io.jenkins.plugins.securepipeline.template.baseline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the path a report shows for a template becomes the path a baseline records: relative to the directory of the
 * baseline file, with '/' separators.
 *
 * <p>Why the baseline file's directory: a baseline is committed next to the templates, so the path from it to each
 * template is the same in every checkout, whatever the absolute checkout path (a Jenkins workspace per branch), the
 * working directory, and however the templates were named on the command line ({@code .}, {@code infra/},
 * {@code /abs/checkout/infra}): all of these reach the same files. Paths relative to the scan's own argument would
 * differ between {@code scan-template infra} and {@code scan-template .}, between the command line and the Jenkins
 * step (which sees paths relative to the workspace), and would be ambiguous with two arguments holding files of the
 * same name. A template outside the baseline's directory is recorded with {@code ../}.
 */
public final class BaselinePaths {
    private final Path base;
    private final List<String> workspaceBase;
    private final Map<Path, Path> realDirectories = new HashMap<>();

    private BaselinePaths(Path base, List<String> workspaceBase) {
        this.base = base;
        this.workspaceBase = workspaceBase;
    }

    /**
     * For reports whose paths are as the scanner made them (relative to the working directory, or absolute): each
     * is resolved, and recorded relative to the directory of {@code baselineFile}, which must exist. Directories are
     * compared as real paths, so a checkout reached through a symbolic link matches; the template's own file name
     * is kept as reported.
     */
    public static BaselinePaths besideFile(Path baselineFile) throws IOException {
        Path directory = baselineFile.toAbsolutePath().getParent();
        return new BaselinePaths(directory.toRealPath(), null);
    }

    /**
     * For reports whose paths are relative to a workspace, with '/' (the Jenkins step's reports): recorded relative to
     * the directory of {@code baselineFile}, itself given relative to the same workspace ("ci/baseline.json").
     */
    public static BaselinePaths inWorkspace(String baselineFile) {
        List<String> segments = segments(baselineFile);
        if (!segments.isEmpty()) {
            segments.remove(segments.size() - 1);
        }
        return new BaselinePaths(null, segments);
    }

    /** The path the baseline records for a template reported as {@code reportedPath}. */
    public String recorded(String reportedPath) {
        if (workspaceBase != null) {
            if (reportedPath.startsWith("/")) {
                return reportedPath;
            }
            return relative(workspaceBase, segments(reportedPath));
        }
        Path file = Path.of(reportedPath).toAbsolutePath();
        Path parent = file.getParent();
        Path full = parent == null ? file : realDirectory(parent).resolve(file.getFileName());
        try {
            return slashes(base.relativize(full).toString());
        } catch (IllegalArgumentException e) {
            return slashes(full.toString()); // another root (a Windows drive): nothing relative exists
        }
    }

    /** The real path of a directory, once per directory; its normalised form when it cannot be resolved. */
    private Path realDirectory(Path directory) {
        return realDirectories.computeIfAbsent(directory, d -> {
            try {
                return d.toRealPath();
            } catch (IOException e) {
                return d.normalize();
            }
        });
    }

    /** The names of a relative path written with '/' or '\', with "." and ".." resolved. */
    static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String name : path.split("[/\\\\]")) {
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..") && !out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                out.remove(out.size() - 1);
            } else {
                out.add(name);
            }
        }
        return out;
    }

    /** {@code target} relative to {@code from}, both relative to the same directory. */
    static String relative(List<String> from, List<String> target) {
        int common = 0;
        while (common < from.size() && common < target.size() && from.get(common).equals(target.get(common))) {
            common++;
        }
        List<String> out = new ArrayList<>();
        for (int i = common; i < from.size(); i++) {
            out.add("..");
        }
        out.addAll(target.subList(common, target.size()));
        return String.join("/", out);
    }

    private static String slashes(String path) {
        return path.replace('\\', '/');
    }
}
