package io.jenkins.plugins.securepipeline.integrity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The verdicts of a verification counted by status, so that a caller writing verdicts out as they come can still
 * say whether it passed: only when there was at least one file and every verdict is {@link FileVerdict.Status#MATCH}.
 */
public final class VerdictCounts {
    private final Map<FileVerdict.Status, Integer> counts = new EnumMap<>(FileVerdict.Status.class);
    private int total;

    public VerdictCounts() {
        for (FileVerdict.Status status : FileVerdict.Status.values()) {
            counts.put(status, 0);
        }
    }

    public void add(FileVerdict verdict) {
        counts.merge(verdict.status(), 1, Integer::sum);
        total++;
    }

    public int total() {
        return total;
    }

    public boolean passed() {
        return total > 0 && counts.get(FileVerdict.Status.MATCH) == total;
    }

    /** Every status, in declaration order, with its count (zero included). */
    public Map<FileVerdict.Status, Integer> counts() {
        return Collections.unmodifiableMap(counts);
    }

    /** One line, e.g. {@code 3 files: 2 MATCH, 1 MISMATCH}. */
    public String summary() {
        StringBuilder text = new StringBuilder().append(total).append(total == 1 ? " file" : " files");
        String separator = ": ";
        for (Map.Entry<FileVerdict.Status, Integer> count : counts.entrySet()) {
            if (count.getValue() > 0) {
                text.append(separator).append(count.getValue()).append(' ').append(count.getKey());
                separator = ", ";
            }
        }
        return text.toString();
    }
}
