package io.jenkins.plugins.securepipeline.image.publish;

import io.jenkins.plugins.securepipeline.image.ImageReference;
import io.jenkins.plugins.securepipeline.image.ImageSource;
import io.jenkins.plugins.securepipeline.image.ecr.ImmutableTagConflict;
import io.jenkins.plugins.securepipeline.image.registry.ImagePusher;
import io.jenkins.plugins.securepipeline.image.registry.PushResult;
import io.jenkins.plugins.securepipeline.image.registry.RegistryClient;
import io.jenkins.plugins.securepipeline.image.registry.RegistryException;
import io.jenkins.plugins.securepipeline.signing.cosign.CosignSignaturePublisher;
import io.jenkins.plugins.securepipeline.signing.cosign.PayloadSigner;
import java.io.IOException;
import io.jenkins.plugins.securepipeline.signing.SignatureVerifier;
import io.jenkins.plugins.securepipeline.signing.attest.AttestationPublisher;
import io.jenkins.plugins.securepipeline.signing.attest.Predicate;
import java.util.List;
import java.util.Map;

/**
 * The pushSignedImage operation: push the image, read it back, and only then sign the digest that was read back.
 * If the push fails in any way nothing is signed; if signing fails the pushed image stays unsigned and the failure
 * is reported (a deploy that verifies signatures will then refuse it).
 */
public final class SignedImagePublisher {
    private final RegistryClient registry;
    private final ImagePusher pusher;

    public SignedImagePublisher(RegistryClient registry, ImagePusher pusher) {
        this.registry = registry;
        this.pusher = pusher;
    }

    /**
     * The pushed image and, when a signer was given, where its signature (and attestations, or null) are;
     * {@code platformSignatures} holds the signatures of an index's manifests when they were signed too.
     */
    public record Outcome(PushResult push, CosignSignaturePublisher.Published signature,
            AttestationPublisher.Published attestations, List<CosignSignaturePublisher.Published> platformSignatures) {
        public Outcome {
            platformSignatures = platformSignatures == null ? List.of() : List.copyOf(platformSignatures);
        }
    }

    public Outcome publish(ImageSource source, ImageReference target, PayloadSigner signer, SignatureVerifier selfCheck,
            Map<String, Object> annotations) throws IOException, InterruptedException {
        return publish(source, target, signer, selfCheck, annotations, List.of(), false);
    }

    /**
     * As above, and then attaches the predicates as signed attestations of the same digest with the same key (after
     * the signature: an image whose attestations failed is still signed, and the failure is reported).
     */
    public Outcome publish(ImageSource source, ImageReference target, PayloadSigner signer, SignatureVerifier selfCheck,
            Map<String, Object> annotations, List<Predicate> attestations, boolean recursive)
            throws IOException, InterruptedException {
        if (signer == null && !attestations.isEmpty()) {
            throw new IllegalArgumentException("attestations need a signing key");
        }
        PushResult pushed;
        try {
            pushed = pusher.push(source, target, null);
        } catch (RegistryException e) {
            throw ImmutableTagConflict.explain(e, target.repository(), target.tag() == null ? "" : target.tag());
        }
        if (signer == null) {
            return new Outcome(pushed, null, null, null);
        }
        ImageReference signed = target.withDigest(pushed.digest());
        CosignSignaturePublisher.Published signature;
        List<CosignSignaturePublisher.Published> platformSignatures = List.of();
        try {
            if (recursive) {
                List<CosignSignaturePublisher.Published> all = new CosignSignaturePublisher(registry)
                        .signRecursively(signed, signer, annotations, selfCheck);
                signature = all.get(0);
                platformSignatures = all.subList(1, all.size());
            } else {
                signature = new CosignSignaturePublisher(registry).sign(signed, signer, annotations, selfCheck);
            }
        } catch (RegistryException e) {
            throw ImmutableTagConflict.explain(e, target.repository(), pushed.digest().signatureTag());
        }
        if (attestations.isEmpty()) {
            return new Outcome(pushed, signature, null, platformSignatures);
        }
        try {
            return new Outcome(pushed, signature,
                    new AttestationPublisher(registry).attach(signed, signer, selfCheck, attestations), platformSignatures);
        } catch (RegistryException e) {
            throw ImmutableTagConflict.explain(e, target.repository(), pushed.digest().attestationTag());
        }
    }
}
