package io.jenkins.plugins.securepipeline.signing.attest;

import io.jenkins.plugins.securepipeline.image.Descriptor;
import io.jenkins.plugins.securepipeline.image.ImageReference;
import io.jenkins.plugins.securepipeline.image.InvalidImageException;
import io.jenkins.plugins.securepipeline.image.JsonFields;
import io.jenkins.plugins.securepipeline.image.ManifestDocument;
import io.jenkins.plugins.securepipeline.image.registry.RegistryClient;
import io.jenkins.plugins.securepipeline.signing.SignatureVerifier;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an image digest's attestations as {@code cosign verify-attestation --key} does, then applies a policy: a
 * layer counts only when its DSSE envelope has the in-toto payload type, a signature by the trusted key over the
 * envelope's PAE, and a statement (parsed strictly) whose subject is this digest. Only those statements are looked
 * at; unsigned annotations such as the layer's {@code predicateType} are never trusted. Fails closed: no attestation
 * tag, an unreadable layer or a missing requirement is a failure with its reason.
 */
public final class AttestationVerifier {
    private static final int MAX_ATTESTATIONS = 256;

    private final RegistryClient registry;

    public AttestationVerifier(RegistryClient registry) {
        this.registry = registry;
    }

    /**
     * The outcome. {@code checked} says what was verified (one line each), {@code problems} why a layer or a
     * requirement failed, {@code predicateTypes} the types of the statements that verified.
     */
    public record Verification(boolean verified, int attestations, List<String> predicateTypes, List<String> checked,
            List<String> problems) {
        public Verification {
            predicateTypes = List.copyOf(predicateTypes);
            checked = List.copyOf(checked);
            problems = List.copyOf(problems);
        }
    }

    /** A statement that verified, with the layer it came from. */
    private record Verified(int layer, InTotoStatement statement) {}

    public Verification verify(ImageReference image, SignatureVerifier trusted, AttestationPolicy policy)
            throws IOException, InterruptedException {
        if (image.digest() == null) {
            throw new IllegalArgumentException("verify by digest: " + image + " has no digest");
        }
        List<String> checked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        ManifestDocument imageManifest = registry.getManifest(image.repository(), image.digest().toString());
        if (imageManifest == null) {
            problems.add("image " + image + " not found in the registry");
            return new Verification(false, 0, List.of(), checked, problems);
        }
        String tag = image.digest().attestationTag();
        ManifestDocument attestations = registry.getManifest(image.repository(), tag);
        if (attestations == null) {
            problems.add("no attestations: " + image.repositoryReference() + ":" + tag + " does not exist");
            return new Verification(false, 0, List.of(), checked, problems);
        }
        if (attestations.isIndex()) {
            problems.add(image.repositoryReference() + ":" + tag + " is an image index, not cosign attestations");
            return new Verification(false, 0, List.of(), checked, problems);
        }
        List<Descriptor> layers = attestations.layers();
        if (layers.size() > MAX_ATTESTATIONS) {
            problems.add("attestation manifest has " + layers.size() + " layers, over the limit of " + MAX_ATTESTATIONS);
            return new Verification(false, layers.size(), List.of(), checked, problems);
        }
        List<Verified> verified = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            InTotoStatement statement = verifiedStatement(image, layers.get(i), i, trusted, problems);
            if (statement != null) {
                verified.add(new Verified(i, statement));
                checked.add("attestation layer " + i + ": DSSE signature by " + trusted.keyId()
                        + ", subject " + image.digest() + ", predicate type " + statement.predicateType());
            }
        }
        Set<String> types = new LinkedHashSet<>();
        verified.forEach(v -> types.add(v.statement().predicateType()));
        boolean ok = true;
        if (verified.isEmpty()) {
            problems.add("no attestation of " + image + " verifies with the key " + trusted.keyId());
            ok = false;
        }
        for (String required : policy.requiredPredicateTypes()) {
            if (types.contains(required)) {
                checked.add("required predicate type " + required + ": present");
            } else {
                problems.add("required predicate type " + required + ": no verified attestation of that type");
                ok = false;
            }
        }
        if (policy.requireSbom()) {
            String sbom = types.stream().filter(PredicateTypes::isSbom).findFirst().orElse(null);
            if (sbom != null) {
                checked.add("SBOM: " + sbom + " present");
            } else {
                problems.add("SBOM required: no verified CycloneDX (" + PredicateTypes.CYCLONEDX + ") or SPDX ("
                        + PredicateTypes.SPDX + ") attestation");
                ok = false;
            }
        }
        if (policy.requireProvenance()) {
            ok &= checkProvenance(verified, policy, checked, problems);
        }
        return new Verification(ok, layers.size(), new ArrayList<>(types), checked, problems);
    }

    private InTotoStatement verifiedStatement(ImageReference image, Descriptor layer, int index,
            SignatureVerifier trusted, List<String> problems) throws IOException, InterruptedException {
        String where = "attestation layer " + index;
        if (!DsseEnvelope.MEDIA_TYPE.equals(layer.mediaType())) {
            problems.add(where + ": media type " + layer.mediaType() + " is not " + DsseEnvelope.MEDIA_TYPE);
            return null;
        }
        if (layer.size() > DsseEnvelope.MAX_BYTES) {
            problems.add(where + ": " + layer.size() + " bytes, over the limit of " + DsseEnvelope.MAX_BYTES);
            return null;
        }
        DsseEnvelope envelope;
        try {
            envelope = DsseEnvelope.parse(registry.readBlob(image.repository(), layer, DsseEnvelope.MAX_BYTES), where);
        } catch (InvalidImageException e) {
            problems.add(e.getMessage());
            return null;
        }
        if (!DsseEnvelope.IN_TOTO_PAYLOAD_TYPE.equals(envelope.payloadType())) {
            problems.add(where + ": payload type " + envelope.payloadType() + " is not "
                    + DsseEnvelope.IN_TOTO_PAYLOAD_TYPE);
            return null;
        }
        byte[] pae = envelope.signedBytes();
        boolean signed = envelope.signatures().stream().anyMatch(signature -> trusted.verify(pae, signature.sig()));
        if (!signed) {
            problems.add(where + ": no signature verifies with the key " + trusted.keyId());
            return null;
        }
        InTotoStatement statement;
        try {
            statement = InTotoStatement.parse(envelope.payload(), where + " statement");
        } catch (InvalidImageException e) {
            problems.add(e.getMessage());
            return null;
        }
        if (!statement.hasSubject(image.digest())) {
            problems.add(where + ": the statement's subject is not " + image.digest() + " (a signed statement about"
                    + " another image)");
            return null;
        }
        return statement;
    }

    private static boolean checkProvenance(List<Verified> verified, AttestationPolicy policy, List<String> checked,
            List<String> problems) {
        List<String> reasons = new ArrayList<>();
        boolean any = false;
        for (Verified candidate : verified) {
            if (!PredicateTypes.SLSA_PROVENANCE_V1.equals(candidate.statement().predicateType())) {
                continue;
            }
            any = true;
            String where = "provenance in attestation layer " + candidate.layer();
            String builderId;
            String sourceRepository;
            try {
                JsonFields predicate = candidate.statement().predicate(where);
                builderId = predicate.object("runDetails").object("builder").string("id");
                sourceRepository = sourceRepository(predicate);
            } catch (InvalidImageException e) {
                reasons.add(e.getMessage());
                continue;
            }
            if (policy.builderId() != null && !policy.builderId().matches(builderId)) {
                reasons.add(where + ": builder id " + builderId + " does not match " + policy.builderId());
                continue;
            }
            if (policy.sourceRepository() != null) {
                if (sourceRepository == null) {
                    reasons.add(where + ": names no source repository (externalParameters.source.repository, or one"
                            + " resolved dependency with a gitCommit digest)");
                    continue;
                }
                if (!policy.sourceRepository().matches(sourceRepository)) {
                    reasons.add(where + ": source repository " + sourceRepository + " does not match "
                            + policy.sourceRepository());
                    continue;
                }
            }
            checked.add(where + ": builder id " + builderId
                    + (policy.builderId() == null ? "" : " matches " + policy.builderId())
                    + (policy.sourceRepository() == null ? "" : ", source repository " + sourceRepository + " matches "
                            + policy.sourceRepository()));
            return true;
        }
        if (!any) {
            problems.add("provenance required: no verified SLSA provenance v1 (" + PredicateTypes.SLSA_PROVENANCE_V1
                    + ") attestation");
        } else {
            problems.add("provenance required: no verified provenance satisfies the policy");
            problems.addAll(reasons);
        }
        return false;
    }

    /**
     * The source repository a provenance names: {@code buildDefinition.externalParameters.source.repository} (our
     * build type), else the one resolved dependency with a {@code gitCommit} digest ({@code git+} prefix and
     * {@code @ref} suffix removed). Several such dependencies are ambiguous and give none.
     */
    static String sourceRepository(JsonFields predicate) throws InvalidImageException {
        JsonFields definition = predicate.object("buildDefinition");
        JsonFields external = definition.optionalObject("externalParameters");
        if (external != null && external.has("source") && external.asMap().get("source") instanceof Map) {
            String repository = external.object("source").optionalString("repository");
            if (repository != null) {
                return repository;
            }
        }
        if (!definition.has("resolvedDependencies")) {
            return null;
        }
        List<String> repositories = new ArrayList<>();
        for (JsonFields dependency : definition.objects("resolvedDependencies")) {
            if (dependency.has("uri") && dependency.has("digest")
                    && dependency.stringMap("digest").containsKey("gitCommit")) {
                String uri = dependency.string("uri");
                uri = uri.startsWith("git+") ? uri.substring(4) : uri;
                repositories.add(withoutRef(uri));
            }
        }
        return repositories.size() == 1 ? repositories.get(0) : null;
    }

    /** {@code https://host/org/repo@refs/heads/main} without {@code @refs/heads/main}; an {@code @} before the path is user info. */
    private static String withoutRef(String uri) {
        int scheme = uri.indexOf("://");
        int path = uri.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        int at = path < 0 ? -1 : uri.indexOf('@', path);
        return at < 0 ? uri : uri.substring(0, at);
    }
}
