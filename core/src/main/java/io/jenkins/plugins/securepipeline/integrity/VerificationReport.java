package io.jenkins.plugins.securepipeline.integrity;

import java.io.Serializable;
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
        return tally().passed();
    }

    public Map<FileVerdict.Status, Integer> counts() {
        return tally().counts();
    }

    /** One line, e.g. {@code 3 files: 2 MATCH, 1 MISMATCH}. */
    public String summary() {
        return tally().summary();
    }

    private VerdictCounts tally() {
        VerdictCounts counts = new VerdictCounts();
        verdicts.forEach(counts::add);
        return counts;
    }
}
