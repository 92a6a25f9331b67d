package io.jenkins.plugins.securepipeline.plugin.template;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.securepipeline.template.TemplateFiles;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;
import org.apache.tools.ant.DirectoryScanner;

/**
 * The part of scanTemplate that runs where the workspace is (an agent, usually): choosing the files the step's
 * glob selects and measuring them, without reading them. Only names, sizes and a count come back, in the small
 * classes below that hold nothing but JDK types: the class filter on the controller accepts nothing else from an
 * agent, and the controller decides from these numbers whether anything may be copied at all.
 */
final class WorkspaceTemplates {
    private WorkspaceTemplates() {}

    /**
     * Selects with the same Ant patterns and default excludes as Jenkins' own file copies, but never follows a
     * symbolic link: a link could lead out of the workspace (on the built-in node, into the controller's own files).
     * Links the patterns reach are listed instead, so the step can say that each one was not scanned. Of the
     * regular files, only those a scan of the copied directory would read are kept ({@link
     * TemplateFiles#scansRelativeName}, or Guard rule files): copying the others would only fill the controller's
     * disk.
     */
    static final class Select extends MasterToSlaveFileCallable<Selection> {
        private static final long serialVersionUID = 1L;
        private final String includes;
        private final String excludes;
        private final int maxFiles;
        private final boolean guardRuleFiles;

        /** @param maxFiles above this many files and links, nothing is measured or listed: the count is enough */
        Select(String includes, String excludes, int maxFiles) {
            this(includes, excludes, maxFiles, false);
        }

        /** @param guardRuleFiles select Guard rule files ({@code .guard}, {@code .ruleset}) instead of templates */
        Select(String includes, String excludes, int maxFiles, boolean guardRuleFiles) {
            this.includes = includes;
            this.excludes = excludes;
            this.maxFiles = maxFiles;
            this.guardRuleFiles = guardRuleFiles;
        }

        @Override
        public Selection invoke(File workspace, VirtualChannel channel) throws IOException {
            try {
                return select(workspace);
            } catch (IOException | RuntimeException e) {
                // Whatever failed (Ant's scanner throws its own types), only a plain IOException and its message go
                // back: an exception class the controller's class filter does not know would hide the reason.
                throw new IOException("cannot select files '" + includes + "' in the workspace: " + e.getMessage());
            }
        }

        private Selection select(File workspace) throws IOException {
            if (!workspace.isDirectory()) {
                return new Selection(0, new ArrayList<>(), new ArrayList<>());
            }
            DirectoryScanner scanner = new DirectoryScanner();
            scanner.setBasedir(workspace);
            scanner.setIncludes(patterns(includes));
            if (excludes != null) {
                scanner.setExcludes(patterns(excludes));
            }
            scanner.addDefaultExcludes();
            scanner.setFollowSymlinks(false);
            scanner.scan();

            List<String> names = new ArrayList<>();
            for (String included : scanner.getIncludedFiles()) {
                String name = slashes(included);
                if (guardRuleFiles ? TemplateFiles.isGuardRuleFile(name) : TemplateFiles.scansRelativeName(name)) {
                    names.add(name);
                }
            }
            Path root = workspace.toPath().toAbsolutePath();
            ArrayList<String> links = new ArrayList<>();
            for (String link : scanner.getNotFollowedSymlinks()) {
                links.add(slashes(root.relativize(Path.of(link)).toString()));
            }
            long count = (long) names.size() + links.size();
            if (count > maxFiles) {
                return new Selection(count, new ArrayList<>(), new ArrayList<>());
            }
            Collections.sort(names);
            Collections.sort(links);
            ArrayList<Entry> files = new ArrayList<>();
            for (String name : names) {
                BasicFileAttributes attributes = Files.readAttributes(root.resolve(name), BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (!attributes.isRegularFile()) {
                    throw new IOException(name + " changed while the workspace was being read; run the step again");
                }
                files.add(new Entry(name, attributes.size()));
            }
            return new Selection(count, files, links);
        }

        /** Comma-separated patterns, each trimmed, as Jenkins' {@code Util.createFileSet} reads them. */
        private static String[] patterns(String text) {
            return Arrays.stream(text.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toArray(String[]::new);
        }

        private static String slashes(String name) {
            return File.separatorChar == '/' ? name : name.replace(File.separatorChar, '/');
        }
    }

    /**
     * What the patterns selected.
     *
     * @see Select
     */
    static final class Selection implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long count;
        private final ArrayList<Entry> files;
        private final ArrayList<String> links;

        Selection(long count, ArrayList<Entry> files, ArrayList<String> links) {
            this.count = count;
            this.files = files;
            this.links = links;
        }

        /** How many template files and symbolic links the patterns selected, even when they are not listed. */
        long count() {
            return count;
        }

        /** The template files with their sizes; empty when the count is above the limit. */
        List<Entry> files() {
            return files == null ? List.of() : Collections.unmodifiableList(files);
        }

        /** The symbolic links the patterns reach, not followed; empty when the count is above the limit. */
        List<String> links() {
            return links == null ? List.of() : Collections.unmodifiableList(links);
        }
    }

    /** One selected file: its {@code /}-separated name relative to the workspace, and its size in bytes. */
    static final class Entry implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final long bytes;

        Entry(String name, long bytes) {
            this.name = name;
            this.bytes = bytes;
        }

        String name() {
            return name;
        }

        long bytes() {
            return bytes;
        }
    }
}
