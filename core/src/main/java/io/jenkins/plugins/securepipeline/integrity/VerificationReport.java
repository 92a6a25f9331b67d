package io.jenkins.plugins.securepipeline.integrity;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The verdict for every listed file (in listed order), followed by unexpected files (sorted). It passes only when
 * there is at least one file and every verdict is {@link FileVerdict.Status#MATCH}.
 */
public record VerificationReport(List<FileVerdict> verdicts) implements Serializable {
    public VerificationReport {
        verdicts = List.copyOf(verdicts);
    }

    public boolean passed() {
        return !verdicts.isEmpty() && verdicts.stream().allMatch(FileVerdict::isMatch);
    }

    public Map<FileVerdict.Status, Integer> counts() {
        Map<FileVerdict.Status, Integer> counts = new EnumMap<>(FileVerdict.Status.class);
        for (FileVerdict.Status status : FileVerdict.Status.values()) {
            counts.put(status, 0);
        }
        verdicts.forEach(verdict -> counts.merge(verdict.status(), 1, Integer::sum));
        return counts;
    }

    /** One line, e.g. {@code 3 files: 2 MATCH, 1 MISMATCH}. */
    public String summary() {
        StringBuilder text = new StringBuilder().append(verdicts.size()).append(verdicts.size() == 1 ? " file" : " files");
        String separator = ": ";
        for (Map.Entry<FileVerdict.Status, Integer> count : counts().entrySet()) {
            if (count.getValue() > 0) {
                text.append(separator).append(count.getValue()).append(' ').append(count.getKey());
                separator = ", ";
            }
        }
        return text.toString();
    }
}
