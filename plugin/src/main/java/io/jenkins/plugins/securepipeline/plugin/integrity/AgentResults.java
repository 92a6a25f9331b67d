package io.jenkins.plugins.securepipeline.plugin.integrity;

import io.jenkins.plugins.securepipeline.integrity.ArtifactDigest;
import io.jenkins.plugins.securepipeline.integrity.ChecksumEntry;
import io.jenkins.plugins.securepipeline.integrity.FileVerdict;
import io.jenkins.plugins.securepipeline.integrity.HashOutcome;
import io.jenkins.plugins.securepipeline.integrity.VerificationReport;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What the agent sends back after hashing or verifying, in classes of the plugin's own jar holding only strings and
 * numbers. Jenkins' class filter (JEP-200) rejects classes of the bundled core jar when an agent sends them, and an
 * agent is not trusted: the controller parses every digest again and decides MATCH itself from the digests it
 * expected, so a confused or hostile agent can make a check fail but cannot make a wrong file pass.
 */
final class AgentResults {
    private AgentResults() {}

    /** One file hashed on the agent: a digest and size, or why it could not be read. */
    static final class HashedFile implements Serializable {
        private static final long serialVersionUID = 1L;
        final String name;
        final String digest;
        final long size;
        final String failure;

        private HashedFile(String name, String digest, long size, String failure) {
            this.name = name;
            this.digest = digest;
            this.size = size;
            this.failure = failure;
        }

        /** On the agent. */
        static HashedFile of(HashOutcome outcome) {
            if (outcome instanceof HashOutcome.Hashed hashed) {
                return new HashedFile(hashed.name(), hashed.digest().toString(), hashed.size(), null);
            }
            HashOutcome.Failed failed = (HashOutcome.Failed) outcome;
            return new HashedFile(failed.name(), null, -1, failed.reason());
        }
    }

    /** One verdict from the agent, in text: the controller turns it back into a {@link FileVerdict}. */
    static final class CheckedFile implements Serializable {
        private static final long serialVersionUID = 1L;
        final String name;
        final String status;
        final String expected;
        final String actual;
        final long expectedSize;
        final long actualSize;
        final String detail;

        private CheckedFile(String name, String status, String expected, String actual, long expectedSize,
                long actualSize, String detail) {
            this.name = name;
            this.status = status;
            this.expected = expected;
            this.actual = actual;
            this.expectedSize = expectedSize;
            this.actualSize = actualSize;
            this.detail = detail;
        }

        /** On the agent. */
        static CheckedFile of(FileVerdict verdict) {
            return new CheckedFile(verdict.name(), verdict.status().name(),
                    verdict.expected() == null ? null : verdict.expected().toString(),
                    verdict.actual() == null ? null : verdict.actual().toString(),
                    verdict.expectedSize().orElse(-1), verdict.actualSize().orElse(-1), verdict.detail());
        }
    }

    /**
     * On the controller: the recorded entries, or the reasons files could not be hashed.
     *
     * @throws IOException when the agent's answer is malformed (an unparseable digest, a missing name)
     */
    static Hashed hashed(List<HashedFile> files) throws IOException {
        List<ChecksumEntry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (HashedFile file : files) {
            String name = requireName(file == null ? null : file.name);
            if (file.failure != null) {
                problems.add(name + ": " + file.failure);
            } else if (file.size < 0) {
                throw malformed("a negative size for " + name);
            } else {
                entries.add(new ChecksumEntry(name, digest(file.digest, name), OptionalLong.of(file.size)));
            }
        }
        return new Hashed(entries, problems);
    }

    record Hashed(List<ChecksumEntry> entries, List<String> problems) {}

    /**
     * On the controller: the verification report, with every expected file accounted for. A file counts as MATCH only
     * when the digest the agent computed equals the one the controller expected (and the size, when one is known).
     * An expected file the agent did not answer for is MISSING.
     */
    static VerificationReport report(List<ChecksumEntry> expected, List<CheckedFile> checked) throws IOException {
        Map<String, ChecksumEntry> wanted = new HashMap<>();
        expected.forEach(entry -> wanted.put(entry.name(), entry));
        Map<String, FileVerdict> verdicts = new java.util.LinkedHashMap<>();
        for (CheckedFile file : checked) {
            String name = requireName(file == null ? null : file.name);
            if (verdicts.containsKey(name)) {
                throw malformed("two verdicts for " + name);
            }
            FileVerdict.Status claimed = status(file.status, name);
            ArtifactDigest actual = file.actual == null ? null : digest(file.actual, name);
            ChecksumEntry entry = wanted.get(name);
            FileVerdict.Status status;
            if (entry == null) {
                // Not expected: only an exact-set check reports such files, and they always fail it.
                status = FileVerdict.Status.UNEXPECTED;
            } else if (claimed == FileVerdict.Status.MATCH || claimed == FileVerdict.Status.MISMATCH) {
                status = actual != null && entry.digest().matches(actual) && sizeAgrees(entry, file.actualSize)
                        ? FileVerdict.Status.MATCH : FileVerdict.Status.MISMATCH;
            } else if (claimed == FileVerdict.Status.UNEXPECTED) {
                throw malformed(name + " is expected but was reported as unexpected");
            } else {
                status = claimed;
            }
            verdicts.put(name, new FileVerdict(name, status, entry == null ? null : entry.digest(), actual,
                    entry == null ? OptionalLong.empty() : entry.size(), size(file.actualSize),
                    file.detail == null ? "" : file.detail));
        }
        for (ChecksumEntry entry : expected) {
            verdicts.computeIfAbsent(entry.name(), name -> new FileVerdict(name, FileVerdict.Status.MISSING,
                    entry.digest(), null, entry.size(), OptionalLong.empty(), "the agent gave no verdict"));
        }
        return new VerificationReport(new ArrayList<>(verdicts.values()));
    }

    private static boolean sizeAgrees(ChecksumEntry entry, long actualSize) {
        return entry.size().isEmpty() || entry.size().getAsLong() == actualSize;
    }

    private static OptionalLong size(long size) {
        return size < 0 ? OptionalLong.empty() : OptionalLong.of(size);
    }

    private static String requireName(String name) throws IOException {
        if (name == null || name.isEmpty()) {
            throw malformed("a file without a name");
        }
        return name;
    }

    private static ArtifactDigest digest(String text, String name) throws IOException {
        try {
            return ArtifactDigest.parse(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw malformed("an invalid digest for " + name + ": " + e.getMessage());
        }
    }

    private static FileVerdict.Status status(String text, String name) throws IOException {
        for (FileVerdict.Status status : FileVerdict.Status.values()) {
            if (status.name().equals(text)) {
                return status;
            }
        }
        throw malformed("an unknown status for " + name);
    }

    private static IOException malformed(String what) {
        return new IOException("the agent's answer is malformed: " + what);
    }
}
