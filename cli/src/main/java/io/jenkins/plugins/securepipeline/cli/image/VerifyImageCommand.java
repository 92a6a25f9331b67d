package io.jenkins.plugins.securepipeline.cli.image;

import io.jenkins.plugins.securepipeline.cli.ExitCodes;
import io.jenkins.plugins.securepipeline.image.ImageReference;
import io.jenkins.plugins.securepipeline.image.registry.RegistryClient;
import io.jenkins.plugins.securepipeline.signing.cosign.CosignSignatureVerifier;
import io.jenkins.plugins.securepipeline.signing.SignatureVerifier;
import io.jenkins.plugins.securepipeline.signing.attest.AttestationPolicy;
import io.jenkins.plugins.securepipeline.signing.attest.AttestationVerifier;
import io.jenkins.plugins.securepipeline.signing.attest.GlobPattern;
import io.jenkins.plugins.securepipeline.signing.attest.PredicateTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code verify-image}: check an image digest's cosign signatures (and attestations) against a trusted key. */
@Command(name = "verify-image", mixinStandardHelpOptions = true,
        description = {"Verify the cosign key-based signatures of an image digest with a PEM public key or a KMS key.",
                "With --require-* options, its signed in-toto attestations too (as cosign verify-attestation does)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:verified", "1:not verified (no valid signature by the key, or a required attestation missing)",
                "2:usage error", "3:the key could not be read", "5:registry failure (the message names host and port)",
                "6:unexpected internal failure (the message says what; please report it)"})
public final class VerifyImageCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "PUB.pem|awskms:///KEY",
            description = "The trusted key: a PEM public key (cosign.pub) or an AWS KMS key.")
    String key;

    @Parameters(index = "0", paramLabel = "HOST[:PORT]/REPO@sha256:HEX",
            description = "The image to check, by digest (a tag can move after it was checked).")
    String image;

    @Option(names = "--require-provenance", description = "Require a SLSA provenance v1 attestation signed by the key.")
    boolean requireProvenance;

    @Option(names = "--builder-id", paramLabel = "GLOB",
            description = "The provenance's builder id must match ('*' within a path segment, '**' across); implies --require-provenance.")
    String builderId;

    @Option(names = "--source-repo", paramLabel = "GLOB",
            description = "The provenance's source repository must match; implies --require-provenance.")
    String sourceRepository;

    @Option(names = "--require-sbom", description = "Require a CycloneDX or SPDX attestation signed by the key.")
    boolean requireSbom;

    @Option(names = "--require-attestation", paramLabel = "TYPE",
            description = "Require an attestation of this predicate type (short name or URI; repeatable).")
    List<String> requiredTypes = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Result as sentences (text) or one JSON object (json) on standard output (default: ${DEFAULT-VALUE}).")
    ImageCommandSupport.Format format;

    @Mixin
    RegistryAccessOptions options;

    @Override
    public Integer call() {
        return ImageCommandSupport.run(spec, "verify-image", this::verify);
    }

    private int verify() throws Exception {
        options.validate();
        ImageReference reference = PushImageCommand.parse(image, "image");
        if (reference.digest() == null) {
            throw new UsageException("verify by digest: give HOST/REPO@sha256:HEX (a tag can move after it was checked)");
        }
        AttestationPolicy policy = policy();
        SigningKeyOptions keys = new SigningKeyOptions(options.network);
        try {
            SignatureVerifier publicKey = keys.verifier("--key", key, options.region);
            RegistryClient registry = options.client(reference);
            CosignSignatureVerifier.Verification verification = new CosignSignatureVerifier(registry).verify(reference, publicKey);
            AttestationVerifier.Verification attested = policy.isEmpty() ? null
                    : new AttestationVerifier(registry).verify(reference, publicKey, policy);
            boolean verified = verification.verified() && (attested == null || attested.verified());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("reference", reference.toString());
            result.put("verified", verified);
            result.put("signatures", verification.signatures());
            result.put("dockerReference", verification.dockerReference());
            result.put("problems", verification.problems());
            if (attested != null) {
                result.put("attestationsVerified", attested.verified());
                result.put("required", policy.describe());
                result.put("predicateTypes", attested.predicateTypes());
                result.put("checked", attested.checked());
                result.put("attestationProblems", attested.problems());
            }
            List<String> text = new ArrayList<>();
            String found = ImageCommandSupport.count(verification.signatures(), "signature") + " found";
            text.add(verification.verified()
                    ? "Verified: " + reference + " is signed by the given key (" + found + ")."
                    : "NOT verified: " + reference + " has no valid signature by the given key (" + found + ").");
            if (verification.dockerReference() != null) {
                text.add("The signature names the image " + verification.dockerReference() + ".");
            }
            verification.problems().forEach(problem -> text.add("Problem: " + problem));
            if (attested != null) {
                text.add((attested.verified() ? "Attestations verified: " : "Attestations NOT verified: ")
                        + String.join("; ", policy.describe()) + ".");
                attested.checked().forEach(line -> text.add("Checked: " + line));
                attested.problems().forEach(problem -> text.add("Problem: " + problem));
            }
            ImageCommandSupport.print(spec.commandLine().getOut(), format, result, text);
            return verified ? ExitCodes.OK : ExitCodes.BLOCKED;
        } finally {
            keys.close();
            options.close();
        }
    }

    private AttestationPolicy policy() throws UsageException {
        try {
            Set<String> types = new LinkedHashSet<>();
            for (String type : requiredTypes) {
                types.add(PredicateTypes.resolve(type, "--require-attestation"));
            }
            return new AttestationPolicy(types, requireProvenance,
                    builderId == null ? null : GlobPattern.compile(builderId, "--builder-id"),
                    sourceRepository == null ? null : GlobPattern.compile(sourceRepository, "--source-repo"), requireSbom);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
