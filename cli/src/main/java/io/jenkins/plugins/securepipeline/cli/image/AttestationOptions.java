package io.jenkins.plugins.securepipeline.cli.image;

import io.jenkins.plugins.securepipeline.image.Digest;
import io.jenkins.plugins.securepipeline.image.ImageReference;
import io.jenkins.plugins.securepipeline.image.InvalidImageException;
import io.jenkins.plugins.securepipeline.signing.attest.Predicate;
import io.jenkins.plugins.securepipeline.signing.attest.SlsaProvenance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** push-image's attestation options: what to attach as signed in-toto attestations of the pushed digest. */
public final class AttestationOptions {
    /** Predicate files above this size are refused: the DSSE envelope (base64, 4/3 larger) must stay readable. */
    static final int MAX_PREDICATE_BYTES = 16 * 1024 * 1024;

    @Option(names = "--attest-provenance", description = "Attach a SLSA provenance v1 attestation (needs --builder-id).")
    boolean provenance;

    @Option(names = "--builder-id", paramLabel = "URI", description = "Provenance: the builder, e.g. the CI job's URL.")
    String builderId;

    @Option(names = "--build-number", paramLabel = "N", description = "Provenance: the build number.")
    String buildNumber;

    @Option(names = "--build-url", paramLabel = "URL", description = "Provenance: the build's URL (invocation id).")
    String buildUrl;

    @Option(names = "--source-repo", paramLabel = "URL", description = "Provenance: the source repository built.")
    String sourceRepository;

    @Option(names = "--source-commit", paramLabel = "SHA", description = "Provenance: the commit built (hex).")
    String sourceCommit;

    @Option(names = "--build-param", paramLabel = "NAME=VALUE",
            description = "Provenance: a build parameter (repeatable; never a secret).")
    List<String> parameters = new ArrayList<>();

    @Option(names = "--base-image", paramLabel = "REPO@sha256:HEX", description = "Provenance: a base image (repeatable).")
    List<String> baseImages = new ArrayList<>();

    @Option(names = "--attest-sbom", paramLabel = "FILE",
            description = "Attach a CycloneDX or SPDX JSON SBOM, its type recognised from the content (repeatable).")
    List<Path> sboms = new ArrayList<>();

    @Option(names = "--attest", paramLabel = "TYPE=FILE",
            description = "Attach a JSON predicate: TYPE is slsaprovenance1, cyclonedx, spdx, spdxjson or a URI (repeatable).")
    List<String> predicates = new ArrayList<>();

    boolean any() {
        return provenance || !sboms.isEmpty() || !predicates.isEmpty();
    }

    /** Checks option combinations; provenance-only options without --attest-provenance are a mistake, not ignored. */
    void validate() throws UsageException {
        boolean provenanceDetails = builderId != null || buildNumber != null || buildUrl != null
                || sourceRepository != null || sourceCommit != null || !parameters.isEmpty() || !baseImages.isEmpty();
        if (provenanceDetails && !provenance) {
            throw new UsageException("--builder-id, --build-*, --source-*, --base-image are only used with --attest-provenance");
        }
        if (provenance && builderId == null) {
            throw new UsageException("--attest-provenance needs --builder-id URI");
        }
    }

    /** The predicates to attach, files read and checked. */
    List<Predicate> read() throws UsageException, InvalidInputException {
        List<Predicate> result = new ArrayList<>();
        if (provenance) {
            result.add(Predicate.provenance(provenance()));
        }
        for (Path sbom : sboms) {
            try {
                result.add(Predicate.sbom(readFile(sbom, "--attest-sbom"), sbom.toString()));
            } catch (InvalidImageException e) {
                throw new InvalidInputException("--attest-sbom " + e.getMessage());
            }
        }
        for (String typeAndFile : predicates) {
            int equals = typeAndFile.indexOf('=');
            if (equals <= 0 || equals == typeAndFile.length() - 1) {
                throw new UsageException("--attest: expected TYPE=FILE, got '" + typeAndFile + "'");
            }
            Path file = Path.of(typeAndFile.substring(equals + 1));
            try {
                result.add(Predicate.of(typeAndFile.substring(0, equals), readFile(file, "--attest"), file.toString()));
            } catch (InvalidImageException e) {
                throw new InvalidInputException("--attest " + e.getMessage());
            }
        }
        return result;
    }

    private SlsaProvenance provenance() throws UsageException {
        try {
            SlsaProvenance provenance = new SlsaProvenance(builderId).buildNumber(buildNumber).buildUrl(buildUrl)
                    .source(sourceRepository, sourceCommit);
            for (String parameter : parameters) {
                int equals = parameter.indexOf('=');
                if (equals <= 0) {
                    throw new UsageException("--build-param: expected NAME=VALUE, got '" + parameter + "'");
                }
                provenance.parameter(parameter.substring(0, equals), parameter.substring(equals + 1));
            }
            for (String image : baseImages) {
                ImageReference reference = PushImageCommand.parse(image, "--base-image");
                Digest digest = reference.digest();
                if (digest == null) {
                    throw new UsageException("--base-image: give REPO@sha256:HEX (a base image is recorded by digest)");
                }
                provenance.baseImage(reference.repositoryReference(), digest);
            }
            return provenance;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--attest-provenance: " + e.getMessage());
        }
    }

    private static byte[] readFile(Path file, String option) throws InvalidInputException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_PREDICATE_BYTES + 1);
            if (bytes.length > MAX_PREDICATE_BYTES) {
                throw new InvalidInputException(option + " " + file + ": over " + MAX_PREDICATE_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new InvalidInputException(option + " " + file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
