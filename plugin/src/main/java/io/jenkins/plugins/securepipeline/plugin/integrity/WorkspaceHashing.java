package io.jenkins.plugins.securepipeline.plugin.integrity;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.securepipeline.integrity.ArtifactSelector;
import io.jenkins.plugins.securepipeline.integrity.BaseDirectory;
import io.jenkins.plugins.securepipeline.integrity.ChecksumEntry;
import io.jenkins.plugins.securepipeline.integrity.ChecksumVerifier;
import io.jenkins.plugins.securepipeline.integrity.DigestAlgorithm;
import io.jenkins.plugins.securepipeline.integrity.FileVerdict;
import io.jenkins.plugins.securepipeline.integrity.HashOutcome;
import io.jenkins.plugins.securepipeline.integrity.ParallelHasher;
import io.jenkins.plugins.securepipeline.integrity.VerificationReport;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;

/**
 * The work that runs where the workspace is (a Jenkins agent, usually): selecting, hashing and verifying files
 * with the engine's JDK-only integrity classes. File contents never cross the channel; names, digests and
 * verdicts do, as JDK types or the plugin's own {@link AgentResults} (Jenkins rejects core-jar classes sent by an
 * agent). Each callable is a small static class with plain serializable fields.
 */
final class WorkspaceHashing {
    private WorkspaceHashing() {}

    /** The base-relative names the patterns select (confined to the workspace, symbolic links not followed). */
    static final class SelectFiles extends MasterToSlaveFileCallable<ArrayList<String>> {
        private static final long serialVersionUID = 1L;
        private final ArrayList<String> operands;

        SelectFiles(List<String> operands) {
            this.operands = new ArrayList<>(operands);
        }

        @Override
        public ArrayList<String> invoke(File workspace, VirtualChannel channel) throws IOException {
            return new ArrayList<>(new ArtifactSelector(BaseDirectory.of(workspace.toPath())).select(operands).files());
        }
    }

    /** Digests of the selected files, on every core of the agent. */
    static final class HashFiles extends MasterToSlaveFileCallable<ArrayList<AgentResults.HashedFile>> {
        private static final long serialVersionUID = 1L;
        private final ArrayList<String> operands;
        private final DigestAlgorithm algorithm;

        HashFiles(List<String> operands, DigestAlgorithm algorithm) {
            this.operands = new ArrayList<>(operands);
            this.algorithm = algorithm;
        }

        @Override
        public ArrayList<AgentResults.HashedFile> invoke(File workspace, VirtualChannel channel)
                throws IOException, InterruptedException {
            BaseDirectory base = BaseDirectory.of(workspace.toPath());
            List<String> names = new ArtifactSelector(base).select(operands).files();
            ArrayList<AgentResults.HashedFile> hashed = new ArrayList<>();
            for (HashOutcome outcome : new ParallelHasher(base).hash(names, algorithm)) {
                hashed.add(AgentResults.HashedFile.of(outcome));
            }
            return hashed;
        }
    }

    /** Checks the files against expected entries; with {@code exact}, also lists files that are not expected. */
    static final class VerifyEntries extends MasterToSlaveFileCallable<ArrayList<AgentResults.CheckedFile>> {
        private static final long serialVersionUID = 1L;
        private final ArrayList<ChecksumEntry> expected;
        private final boolean exact;
        private final ArrayList<String> notArtifacts;

        VerifyEntries(List<ChecksumEntry> expected, boolean exact, List<String> notArtifacts) {
            this.expected = new ArrayList<>(expected);
            this.exact = exact;
            this.notArtifacts = new ArrayList<>(notArtifacts);
        }

        @Override
        public ArrayList<AgentResults.CheckedFile> invoke(File workspace, VirtualChannel channel)
                throws IOException, InterruptedException {
            ChecksumVerifier verifier = new ChecksumVerifier(BaseDirectory.of(workspace.toPath()));
            VerificationReport report = exact ? verifier.verifyExactSet(expected, new HashSet<>(notArtifacts))
                    : verifier.verify(expected);
            ArrayList<AgentResults.CheckedFile> checked = new ArrayList<>();
            for (FileVerdict verdict : report.verdicts()) {
                checked.add(AgentResults.CheckedFile.of(verdict));
            }
            return checked;
        }
    }
}
