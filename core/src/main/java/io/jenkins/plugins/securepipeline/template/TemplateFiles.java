package io.jenkins.plugins.securepipeline.template;

import io.jenkins.plugins.securepipeline.files.UserFiles;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Expands the paths given to a scan: files as they are, directories recursively by template extension. */
public final class TemplateFiles {
    private static final List<String> EXTENSIONS = List.of(".json", ".yaml", ".yml", ".template");

    private TemplateFiles() {}

    public static boolean hasTemplateExtension(Path file) {
        return hasTemplateExtension(file.getFileName().toString());
    }

    private static boolean hasTemplateExtension(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /** Folders a directory scan does not enter: tool and dependency folders hold no templates of this project. */
    private static boolean skipsDirectory(String name) {
        return name.startsWith(".") || name.equals("node_modules");
    }

    /**
     * Whether a file name is a CloudFormation Guard rule file's ({@code *.guard}, {@code *.ruleset}). Kept here, with
     * the other file-name rules, because the plugin's agent-side selection uses it too.
     */
    public static boolean isGuardRuleFile(String name) {
        return name.endsWith(".guard") || name.endsWith(".ruleset");
    }

    /**
     * Whether a directory scan would pick this file up: {@code name} is a {@code /}-separated path relative to the
     * scanned directory. Lets a caller that copies a directory for scanning copy only what the scan would read.
     */
    public static boolean scansRelativeName(String name) {
        String[] segments = name.split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            if (skipsDirectory(segments[i])) {
                return false;
            }
        }
        return hasTemplateExtension(segments[segments.length - 1]);
    }

    /** Files to scan, in a stable order; throws when a given path does not exist (a typo must not pass). */
    public static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                List<Path> found = new ArrayList<>();
                Files.walkFileTree(path, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                        boolean skip = !dir.equals(path) && skipsDirectory(name);
                        return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && hasTemplateExtension(file)) {
                            found.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
                found.sort(null);
                files.addAll(found);
            } else {
                // A FIFO or device named here is refused with what it is, before anything opens it.
                UserFiles.requireRegularFile(path);
                files.add(path);
            }
        }
        return files;
    }
}
