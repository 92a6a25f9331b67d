package io.jenkins.plugins.securepipeline.integrity.manifest;

import io.jenkins.plugins.securepipeline.integrity.ChecksumEntry;
import io.jenkins.plugins.securepipeline.integrity.DigestAlgorithm;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Our JSON checksum manifest: one algorithm for every file, each file with name, size and digest, and optionally
 * a signature over the manifest's canonical bytes (see {@link ManifestJson#canonicalBytes}).
 */
public record ChecksumManifest(DigestAlgorithm algorithm, List<ChecksumEntry> files, Optional<ManifestSignature> signature) {
    /** The value of the manifest's {@code schema} field; a reader refuses any other. */
    public static final String SCHEMA = "aws-secure-pipeline/checksums/v1";

    public ChecksumManifest {
        Objects.requireNonNull(algorithm, "algorithm");
        files = List.copyOf(files);
        Objects.requireNonNull(signature, "signature");
        Set<String> names = new HashSet<>();
        for (ChecksumEntry file : files) {
            if (file.digest().algorithm() != algorithm) {
                throw new IllegalArgumentException("'" + file.name() + "' has a " + file.digest().algorithm()
                        + " digest in a " + algorithm + " manifest");
            }
            if (file.size().isEmpty()) {
                throw new IllegalArgumentException("'" + file.name() + "' has no size; the manifest records every size");
            }
            if (!names.add(file.name())) {
                throw new IllegalArgumentException("'" + file.name() + "' is listed twice");
            }
        }
    }

    public static ChecksumManifest unsigned(DigestAlgorithm algorithm, List<ChecksumEntry> files) {
        return new ChecksumManifest(algorithm, files, Optional.empty());
    }

    public ChecksumManifest withSignature(ManifestSignature newSignature) {
        return new ChecksumManifest(algorithm, files, Optional.of(newSignature));
    }

    public ChecksumManifest withoutSignature() {
        return new ChecksumManifest(algorithm, files, Optional.empty());
    }
}
