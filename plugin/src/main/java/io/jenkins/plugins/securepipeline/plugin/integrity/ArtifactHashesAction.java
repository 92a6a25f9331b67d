package io.jenkins.plugins.securepipeline.plugin.integrity;

import hudson.model.Action;
import io.jenkins.plugins.securepipeline.integrity.ArtifactDigest;
import io.jenkins.plugins.securepipeline.integrity.ChecksumEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The digests of the artifacts a build produced, recorded by {@code verifyArtifactHash(record: true)} so that a later
 * build, of this job or another, can prove it deploys exactly these bytes. Stored in build.xml (plain fields).
 */
public class ArtifactHashesAction implements Action {
    private final String algorithm;
    /**
     * Filled in the constructor and never changed afterwards (a new recording replaces the whole action), so
     * {@code WorkflowRun.save()} can serialize it on any thread while parallel branches run.
     */
    private final ArrayList<Recorded> files = new ArrayList<>();

    ArtifactHashesAction(String algorithm, List<ChecksumEntry> entries) {
        this.algorithm = algorithm;
        for (ChecksumEntry entry : entries) {
            files.add(new Recorded(entry.name(), entry.digest().toString(), entry.size().orElse(-1)));
        }
    }

    public String getAlgorithm() {
        return algorithm;
    }

    public List<Recorded> getFiles() {
        return List.copyOf(files);
    }

    List<ChecksumEntry> entries() {
        List<ChecksumEntry> entries = new ArrayList<>();
        for (Recorded file : files) {
            entries.add(new ChecksumEntry(file.name, ArtifactDigest.parse(file.digest),
                    file.size < 0 ? OptionalLong.empty() : OptionalLong.of(file.size)));
        }
        return entries;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "Artifact hashes";
    }

    @Override
    public String getUrlName() {
        return null;
    }

    /** One recorded file. */
    public static final class Recorded {
        private final String name;
        private final String digest;
        private final long size;

        Recorded(String name, String digest, long size) {
            this.name = name;
            this.digest = digest;
            this.size = size;
        }

        public String getName() {
            return name;
        }

        public String getDigest() {
            return digest;
        }

        public long getSize() {
            return size;
        }
    }
}
