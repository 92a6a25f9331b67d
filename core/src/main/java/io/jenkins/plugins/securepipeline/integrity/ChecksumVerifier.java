package io.jenkins.plugins.securepipeline.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
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

    /** Where {@link #verifyInOrder} hands verdicts to: one at a time, in report order. */
    @FunctionalInterface
    public interface VerdictSink {
        void accept(FileVerdict verdict) throws IOException;
    }

    /** Verifies the listed files only; files present but not listed are ignored. */
    public VerificationReport verify(List<ChecksumEntry> expected) throws InterruptedException {
        List<FileVerdict> verdicts = new ArrayList<>(expected.size());
        try {
            verifyInOrder(expected, verdicts::add);
        } catch (IOException e) {
            // Adding to a list does no I/O, and hashing listed files reports unreadable ones as verdicts.
            throw new IllegalStateException(e);
        }
        return new VerificationReport(verdicts);
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
        List<FileVerdict> verdicts = new ArrayList<>(expected.size());
        verifyExactSetInOrder(expected, notArtifacts, verdicts::add);
        return new VerificationReport(verdicts);
    }

    /**
     * {@link #verify}, handing each verdict to the sink as soon as it and all before it are known, in listed order:
     * nothing is collected.
     *
     * @throws IOException what the sink threw
     */
    public void verifyInOrder(List<ChecksumEntry> expected, VerdictSink sink) throws IOException, InterruptedException {
        Iterator<ChecksumEntry> entries = expected.iterator();
        // Each outcome comes back in request order, so the entry it belongs to is the next one of the same list.
        Iterator<ChecksumEntry> judged = expected.iterator();
        hasher.hashInOrder(new Iterator<ParallelHasher.Request>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public ParallelHasher.Request next() {
                ChecksumEntry entry = entries.next();
                return new ParallelHasher.Request(entry.name(), entry.digest().algorithm());
            }
        }, outcome -> sink.accept(judge(judged.next(), outcome)));
    }

    /**
     * {@link #verifyExactSet}, handing verdicts to the sink as {@link #verifyInOrder} does, the unexpected entries
     * last. The base directory is listed first, so a directory that cannot be listed fails the check before any
     * verdict is handed on.
     *
     * @throws IOException when the base directory cannot be listed completely, or what the sink threw
     */
    public void verifyExactSetInOrder(List<ChecksumEntry> expected, Set<String> notArtifacts, VerdictSink sink)
            throws IOException, InterruptedException {
        Set<String> listed = new HashSet<>();
        expected.forEach(entry -> listed.add(entry.name()));
        List<String> unexpected = new ArrayList<>();
        try {
            new ArtifactSelector(base).everyEntryInOrder().forEachRemaining(entry -> {
                if (!listed.contains(entry.name()) && !notArtifacts.contains(entry.name())) {
                    unexpected.add(entry.name());
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        verifyInOrder(expected, sink);
        for (String present : unexpected) {
            sink.accept(new FileVerdict(present, FileVerdict.Status.UNEXPECTED, null, null,
                    OptionalLong.empty(), OptionalLong.empty(), "present but not listed"));
        }
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
