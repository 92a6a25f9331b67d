package io.jenkins.plugins.securepipeline.integrity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Checks files under a base directory against expected digests. Every file gets a verdict; one bad file never
 * hides the others. Each file is hashed with the algorithm its own entry names, so an expectation can never be
 * met by a weaker digest.
 */
public final class ChecksumVerifier {
    private final BaseDirectory base;
    private final ParallelHasher hasher;

    public ChecksumVerifier(BaseDirectory base) {
        this(base, new ParallelHasher(base));
    }

    public ChecksumVerifier(BaseDirectory base, ParallelHasher hasher) {
        this.base = base;
        this.hasher = hasher;
    }

    /** Verifies the listed files only; files present but not listed are ignored. */
    public VerificationReport verify(List<ChecksumEntry> expected) throws InterruptedException {
        return new VerificationReport(verifyListed(expected));
    }

    /**
     * Verifies the listed files and reports every other entry under the base directory as
     * {@link FileVerdict.Status#UNEXPECTED}, except the names in {@code notArtifacts} (e.g. the checksum file itself
     * when it lives in the base directory).
     *
     * @throws IOException when the base directory cannot be listed completely (an exact-set check would be a lie)
     */
    public VerificationReport verifyExactSet(List<ChecksumEntry> expected, Set<String> notArtifacts)
            throws IOException, InterruptedException {
        List<FileVerdict> verdicts = verifyListed(expected);
        Set<String> listed = new HashSet<>();
        expected.forEach(entry -> listed.add(entry.name()));
        for (String present : new ArtifactSelector(base).everyEntry()) {
            if (!listed.contains(present) && !notArtifacts.contains(present)) {
                verdicts.add(new FileVerdict(present, FileVerdict.Status.UNEXPECTED, null, null,
                        OptionalLong.empty(), OptionalLong.empty(), "present but not listed"));
            }
        }
        return new VerificationReport(verdicts);
    }

    private List<FileVerdict> verifyListed(List<ChecksumEntry> expected) throws InterruptedException {
        List<ParallelHasher.Request> requests = new ArrayList<>(expected.size());
        for (ChecksumEntry entry : expected) {
            requests.add(new ParallelHasher.Request(entry.name(), entry.digest().algorithm()));
        }
        List<HashOutcome> outcomes = hasher.hashAll(requests);
        List<FileVerdict> verdicts = new ArrayList<>(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            verdicts.add(judge(expected.get(i), outcomes.get(i)));
        }
        return verdicts;
    }

    static FileVerdict judge(ChecksumEntry entry, HashOutcome outcome) {
        if (outcome instanceof HashOutcome.Failed failed) {
            return new FileVerdict(entry.name(), failed.missing() ? FileVerdict.Status.MISSING : FileVerdict.Status.UNREADABLE,
                    entry.digest(), null, entry.size(), OptionalLong.empty(), failed.reason());
        }
        HashOutcome.Hashed hashed = (HashOutcome.Hashed) outcome;
        boolean digestMatches = entry.digest().matches(hashed.digest());
        boolean sizeMatches = entry.size().isEmpty() || entry.size().getAsLong() == hashed.size();
        String detail = sizeMatches ? "" : "size " + hashed.size() + " bytes, expected " + entry.size().getAsLong();
        return new FileVerdict(entry.name(), digestMatches && sizeMatches ? FileVerdict.Status.MATCH : FileVerdict.Status.MISMATCH,
                entry.digest(), hashed.digest(), entry.size(), OptionalLong.of(hashed.size()), detail);
    }
}
