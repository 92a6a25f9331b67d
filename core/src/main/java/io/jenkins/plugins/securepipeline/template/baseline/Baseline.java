package io.jenkins.plugins.securepipeline.template.baseline;

import io.jenkins.plugins.securepipeline.template.Finding;
import io.jenkins.plugins.securepipeline.template.ScanResult;
import io.jenkins.plugins.securepipeline.template.TemplateReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The findings a team has accepted as known, so that a scan gate can be adopted on templates that already have
 * problems: findings in the baseline are still reported (marked) but do not block; new ones do. Matching is by
 * {@link Fingerprint} (rule, template path relative to the baseline file, resource, normalised message), never by
 * line, and counts: a fingerprint recorded k times accepts at most k findings, so a second copy of an accepted
 * problem is new.
 *
 * <p>Use: {@link #of} records a finished scan, {@link #write} stores it, {@link #read} loads one, {@link #apply}
 * marks a scan's findings. Apply it last, after Guard rules and any rewriting of paths, since those build new
 * results without the baseline's status.
 */
public final class Baseline {
    /** The version of the file format this code reads and writes; a file of any other version is refused. */
    public static final int FORMAT_VERSION = 1;
    /** The largest baseline file read (some 150,000 entries). */
    public static final long MAX_BYTES = 32L * 1024 * 1024;

    private final String toolVersion;
    private final List<BaselineEntry> entries;

    Baseline(String toolVersion, List<BaselineEntry> entries) {
        this.toolVersion = toolVersion;
        this.entries = List.copyOf(entries);
    }

    /**
     * The baseline of a scan: one entry per finding that is not suppressed in the template, Guard findings included,
     * whatever its severity (so lowering the threshold later does not block on accepted findings). Templates that
     * could not be read contribute nothing: a read error is never accepted. Sorted for stable diffs.
     */
    public static Baseline of(ScanResult result, BaselinePaths paths, String toolVersion) {
        List<BaselineEntry> entries = new ArrayList<>();
        for (TemplateReport template : result.templates()) {
            if (template.error() != null) {
                continue;
            }
            String file = paths.recorded(template.path());
            for (Finding finding : template.findings()) {
                if (!finding.suppressed()) {
                    entries.add(new BaselineEntry(finding.ruleId(), file, finding.resource(),
                            Fingerprint.normalise(finding.message()), finding.severity().name()));
                }
            }
        }
        entries.sort(BaselineEntry.ORDER);
        return new Baseline(toolVersion, entries);
    }

    /**
     * Reads a baseline file: a regular file of at most {@link #MAX_BYTES}, in format version {@link #FORMAT_VERSION}.
     *
     * @throws IOException one line naming the file (and the line where the problem is); a
     *     {@link BaselineException} for a file that is not a valid baseline
     */
    public static Baseline read(Path file) throws IOException {
        return BaselineFile.read(file);
    }

    /**
     * As {@link #read(Path)}, for a copy: messages name the file as {@code shownAs} (the Jenkins step copies the
     * workspace's file to the controller and names it by its workspace path, "ci/scan-baseline.json:14:5: ...").
     */
    public static Baseline read(Path file, String shownAs) throws IOException {
        try {
            return BaselineFile.read(file);
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            if (!message.startsWith(file.toString())) {
                throw e;
            }
            BaselineException renamed = new BaselineException(shownAs + message.substring(file.toString().length()));
            renamed.initCause(e);
            throw renamed;
        }
    }

    /** Writes this baseline to {@code file} atomically (a reader sees the old file or the new one, never half). */
    public void write(Path file) throws IOException {
        BaselineFile.write(this, file);
    }

    /**
     * The scan with every finding the baseline accepts marked {@link Finding#inBaseline} with {@code name} (what
     * reports show, such as the path the user gave), and the baseline's status: entries, matches, and entries that
     * matched nothing. Suppressed findings are never matched (they are accepted already). Entries for a template that
     * could not be read are not counted as no longer found: that template was not looked at.
     */
    public ScanResult apply(ScanResult result, BaselinePaths paths, String name) {
        return apply(result, paths, name, finding -> true);
    }

    /**
     * As {@link #apply(ScanResult, BaselinePaths, String)}, but only findings {@code waivable} accepts can be
     * baselined: the others are reported and block as if the baseline did not list them (in Jenkins, the findings
     * of the administrator's rule packs, which a pipeline's baseline must not waive).
     */
    public ScanResult apply(ScanResult result, BaselinePaths paths, String name, Predicate<Finding> waivable) {
        Map<Fingerprint, int[]> remaining = new HashMap<>();
        for (BaselineEntry entry : entries) {
            remaining.computeIfAbsent(entry.fingerprint(), k -> new int[1])[0]++;
        }
        Set<String> unread = new HashSet<>();
        List<TemplateReport> reports = new ArrayList<>(result.templates().size());
        int matched = 0;
        for (TemplateReport template : result.templates()) {
            String file = paths.recorded(template.path());
            if (template.error() != null) {
                unread.add(file);
            }
            List<Finding> findings = new ArrayList<>(template.findings().size());
            for (Finding finding : template.findings()) {
                int[] left = finding.suppressed() || !waivable.test(finding) ? null
                        : remaining.get(Fingerprint.of(finding, file));
                if (left != null && left[0] > 0) {
                    left[0]--;
                    matched++;
                    findings.add(finding.inBaseline(name));
                } else {
                    findings.add(finding);
                }
            }
            reports.add(new TemplateReport(template.path(), template.error(), findings));
        }
        int noLongerFound = 0;
        for (Map.Entry<Fingerprint, int[]> left : remaining.entrySet()) {
            if (!unread.contains(left.getKey().file())) {
                noLongerFound += left.getValue()[0];
            }
        }
        return new ScanResult(reports, result.skipped(), result.threshold(),
                new ScanResult.BaselineStatus(name, entries.size(), matched, noLongerFound));
    }

    /** The entries, in the order of the file (sorted when made by {@link #of}). */
    public List<BaselineEntry> entries() {
        return entries;
    }

    /** The version of the tool that wrote the baseline (informational). */
    public String toolVersion() {
        return toolVersion;
    }
}
