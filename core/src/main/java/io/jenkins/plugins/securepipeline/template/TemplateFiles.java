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
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
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
                        // Tool and dependency folders hold no templates of this project.
                        boolean skip = !dir.equals(path) && (name.startsWith(".") || name.equals("node_modules"));
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
