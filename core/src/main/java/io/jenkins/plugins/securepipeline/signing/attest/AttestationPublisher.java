package io.jenkins.plugins.securepipeline.signing.attest;

import io.jenkins.plugins.securepipeline.image.Descriptor;
import io.jenkins.plugins.securepipeline.image.Digest;
import io.jenkins.plugins.securepipeline.image.ImageReference;
import io.jenkins.plugins.securepipeline.image.InvalidImageException;
import io.jenkins.plugins.securepipeline.image.ManifestDocument;
import io.jenkins.plugins.securepipeline.image.VerifyingInputStream;
import io.jenkins.plugins.securepipeline.image.registry.PushProgress;
import io.jenkins.plugins.securepipeline.image.registry.RegistryClient;
import io.jenkins.plugins.securepipeline.image.registry.RegistryException;
import io.jenkins.plugins.securepipeline.signing.SignatureVerifier;
import io.jenkins.plugins.securepipeline.signing.cosign.CosignSignatureManifest;
import io.jenkins.plugins.securepipeline.signing.cosign.PayloadSigner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Attaches signed in-toto attestations to an image digest the way {@code cosign attest --key} stores them: each
 * statement in a DSSE envelope signed over its PAE, the envelope a layer of media type
 * {@code application/vnd.dsse.envelope.v1+json} with the annotations {@code predicateType} and an empty
 * {@code dev.cosignproject.cosign/signature} (the signature is inside the envelope), in the manifest tagged
 * {@code sha256-<hex>.att}, appended to the attestations already there.
 *
 * <p>Attaching the same statement again with the same key adds nothing: an existing layer of that predicate type
 * whose envelope verifies with the key and carries the same statement counts as present (ECDSA signatures are
 * randomised, so comparing signatures would never find it).
 */
public final class AttestationPublisher {
    public static final String PREDICATE_TYPE_ANNOTATION = "predicateType";
    /** Existing layers read for the duplicate check, at most; beyond that new layers are appended unchecked. */
    private static final int MAX_LAYERS_CHECKED = 256;

    private final RegistryClient registry;

    public AttestationPublisher(RegistryClient registry) {
        this.registry = registry;
    }

    /** What was stored: the attestation tag, its manifest digest, the predicate types added and already present. */
    public record Published(String attestationReference, String manifestDigest, List<String> added,
            List<String> alreadyPresent) {
        public Published {
            added = List.copyOf(added);
            alreadyPresent = List.copyOf(alreadyPresent);
        }
    }

    /**
     * @param image repository and digest of an image the registry serves (never a tag: tags move)
     * @param keyCheck a verifier of the signer's public key: each new envelope is checked with it before anything is
     *     stored, and existing ones are compared with it; null skips both (then a re-run may append a duplicate)
     */
    public Published attach(ImageReference image, PayloadSigner signer, SignatureVerifier keyCheck,
            List<Predicate> predicates) throws IOException, InterruptedException {
        if (image.digest() == null) {
            throw new IllegalArgumentException("attest by digest: " + image + " has no digest");
        }
        if (predicates.isEmpty()) {
            throw new IllegalArgumentException("nothing to attest");
        }
        ManifestDocument served = registry.getManifest(image.repository(), image.digest().toString());
        if (served == null) {
            throw new RegistryException("refusing to attest " + image + ": the registry does not serve that manifest");
        }
        String tag = image.digest().attestationTag();
        String reference = image.repositoryReference() + ":" + tag;
        ManifestDocument existing = registry.getManifest(image.repository(), tag);
        CosignSignatureManifest current = existing == null ? CosignSignatureManifest.empty()
                : CosignSignatureManifest.from(existing);
        List<String> added = new ArrayList<>();
        List<String> present = new ArrayList<>();
        List<Descriptor> newLayers = new ArrayList<>();
        List<byte[]> newBlobs = new ArrayList<>();
        for (Predicate predicate : predicates) {
            byte[] statement = InTotoStatement.forImage(image.repositoryReference(), image.digest(),
                    predicate.predicateType(), predicate.json(), predicate.source()).toBytes();
            if (keyCheck != null && alreadyAttested(image.repository(), current, predicate.predicateType(), statement,
                    keyCheck)) {
                present.add(predicate.predicateType());
                continue;
            }
            byte[] envelope = sign(statement, signer, keyCheck);
            Descriptor layer = layerFor(envelope, predicate.predicateType());
            current = current.append(layer);
            newLayers.add(layer);
            newBlobs.add(envelope);
            added.add(predicate.predicateType());
        }
        if (newLayers.isEmpty()) {
            return new Published(reference, existing.digest().toString(), added, present);
        }
        for (int i = 0; i < newLayers.size(); i++) {
            upload(image.repository(), newLayers.get(i), newBlobs.get(i));
        }
        upload(image.repository(), current.configDescriptor(), current.configBytes());
        ManifestDocument manifest = current.toManifest();
        registry.putManifest(image.repository(), tag, manifest);
        ManifestDocument readBack = registry.getManifest(image.repository(), tag);
        if (readBack == null || !readBack.digest().equals(manifest.digest())) {
            throw new RegistryException("the attestation manifest " + reference + " did not read back as pushed"
                    + " (a concurrent attestation may have replaced it)");
        }
        return new Published(reference, manifest.digest().toString(), added, present);
    }

    /** The DSSE envelope bytes of a statement signed with the signer (checked with {@code keyCheck} when given). */
    public static byte[] sign(byte[] statement, PayloadSigner signer, SignatureVerifier keyCheck) throws IOException {
        byte[] pae = DsseEnvelope.pae(DsseEnvelope.IN_TOTO_PAYLOAD_TYPE, statement);
        byte[] signature = signer.sign(pae);
        if (keyCheck != null && !keyCheck.verify(pae, signature)) {
            throw new IOException("the attestation signature made with " + signer.keyName()
                    + " does not verify with its public key; nothing was published");
        }
        // keyid stays empty, as cosign writes it: it is an unauthenticated hint, and verifiers try the trusted key.
        return new DsseEnvelope(DsseEnvelope.IN_TOTO_PAYLOAD_TYPE, statement,
                List.of(new DsseEnvelope.Signature("", signature))).toBytes();
    }

    /** The layer cosign writes for an attestation envelope. */
    public static Descriptor layerFor(byte[] envelope, String predicateType) {
        return new Descriptor(DsseEnvelope.MEDIA_TYPE, Digest.of(envelope), envelope.length,
                Map.of(CosignSignatureManifest.SIGNATURE_ANNOTATION, "", PREDICATE_TYPE_ANNOTATION, predicateType), null);
    }

    private boolean alreadyAttested(String repository, CosignSignatureManifest current, String predicateType,
            byte[] statement, SignatureVerifier keyCheck) throws IOException, InterruptedException {
        List<Descriptor> layers = current.layers();
        for (int i = 0; i < Math.min(layers.size(), MAX_LAYERS_CHECKED); i++) {
            Descriptor layer = layers.get(i);
            if (!DsseEnvelope.MEDIA_TYPE.equals(layer.mediaType())
                    || !predicateType.equals(layer.annotations().get(PREDICATE_TYPE_ANNOTATION))
                    || layer.size() > DsseEnvelope.MAX_BYTES) {
                continue;
            }
            DsseEnvelope envelope;
            try {
                envelope = DsseEnvelope.parse(registry.readBlob(repository, layer, DsseEnvelope.MAX_BYTES),
                        "attestation layer " + i);
            } catch (InvalidImageException e) {
                continue; // a foreign or broken layer is not ours to judge here; the new one is appended
            }
            if (!DsseEnvelope.IN_TOTO_PAYLOAD_TYPE.equals(envelope.payloadType())
                    || !Arrays.equals(envelope.payload(), statement)) {
                continue;
            }
            byte[] pae = envelope.signedBytes();
            for (DsseEnvelope.Signature signature : envelope.signatures()) {
                if (keyCheck.verify(pae, signature.sig())) {
                    return true;
                }
            }
        }
        return false;
    }

    private void upload(String repository, Descriptor blob, byte[] bytes) throws IOException, InterruptedException {
        if (registry.blobExists(repository, blob)) {
            return;
        }
        registry.uploadBlob(repository, blob,
                counter -> new VerifyingInputStream(new ByteArrayInputStream(bytes), blob, "attestation blob", counter),
                PushProgress.NONE);
    }
}
