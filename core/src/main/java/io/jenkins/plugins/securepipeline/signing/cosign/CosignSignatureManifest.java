package io.jenkins.plugins.securepipeline.signing.cosign;

import io.jenkins.plugins.securepipeline.image.Descriptor;
import io.jenkins.plugins.securepipeline.image.Digest;
import io.jenkins.plugins.securepipeline.image.InvalidImageException;
import io.jenkins.plugins.securepipeline.image.ManifestDocument;
import io.jenkins.plugins.securepipeline.image.MediaTypes;
import io.jenkins.plugins.securepipeline.image.StrictJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OCI manifest stored under {@code sha256-<hex>.sig}: one layer per signature, each layer's blob the payload and
 * its annotation the base64 signature. Appending never duplicates a layer with the same payload and signature
 * ({@link CosignSignaturePublisher} also recognises a new signature of the same payload by the same key). cosign's
 * attestations ({@code sha256-<hex>.att}) use the same manifest layout with DSSE envelope layers.
 */
public final class CosignSignatureManifest {
    public static final String LAYER_MEDIA_TYPE = "application/vnd.dev.cosign.simplesigning.v1+json";
    public static final String SIGNATURE_ANNOTATION = "dev.cosignproject.cosign/signature";

    private final List<Descriptor> layers;

    private CosignSignatureManifest(List<Descriptor> layers) {
        this.layers = List.copyOf(layers);
    }

    public static CosignSignatureManifest empty() {
        return new CosignSignatureManifest(List.of());
    }

    /** Reads an existing signature manifest; foreign layers are kept as they are when appending. */
    public static CosignSignatureManifest from(ManifestDocument manifest) throws InvalidImageException {
        if (manifest.isIndex()) {
            throw new InvalidImageException("signature tag holds an image index, not a cosign signature manifest");
        }
        return new CosignSignatureManifest(manifest.layers());
    }

    public List<Descriptor> layers() {
        return layers;
    }

    /** The layer for a payload and its base64 signature. */
    public static Descriptor layerFor(byte[] payload, String base64Signature) {
        return new Descriptor(LAYER_MEDIA_TYPE, Digest.of(payload), payload.length,
                Map.of(SIGNATURE_ANNOTATION, base64Signature), null);
    }

    /** True when a layer with the same payload digest and the same signature is already there. */
    public boolean contains(Descriptor layer) {
        for (Descriptor existing : layers) {
            if (existing.digest().equals(layer.digest())
                    && layer.annotations().get(SIGNATURE_ANNOTATION).equals(existing.annotations().get(SIGNATURE_ANNOTATION))) {
                return true;
            }
        }
        return false;
    }

    public CosignSignatureManifest append(Descriptor layer) {
        if (contains(layer)) {
            return this;
        }
        List<Descriptor> more = new ArrayList<>(layers);
        more.add(layer);
        return new CosignSignatureManifest(more);
    }

    /** The config blob: an empty image config whose rootfs lists the layers, as OCI tooling expects. */
    public byte[] configBytes() {
        List<Object> diffIds = new ArrayList<>();
        layers.forEach(layer -> diffIds.add(layer.digest().toString()));
        Map<String, Object> rootfs = new LinkedHashMap<>();
        rootfs.put("type", "layers");
        rootfs.put("diff_ids", diffIds);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("architecture", "");
        config.put("os", "");
        config.put("config", new LinkedHashMap<>());
        config.put("rootfs", rootfs);
        return StrictJson.write(config);
    }

    public Descriptor configDescriptor() {
        byte[] config = configBytes();
        return new Descriptor(MediaTypes.OCI_CONFIG, Digest.of(config), config.length);
    }

    public ManifestDocument toManifest() throws InvalidImageException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schemaVersion", 2);
        json.put("mediaType", MediaTypes.OCI_MANIFEST);
        json.put("config", configDescriptor().toJson());
        List<Object> list = new ArrayList<>();
        layers.forEach(layer -> list.add(layer.toJson()));
        json.put("layers", list);
        return ManifestDocument.parse(StrictJson.write(json), MediaTypes.OCI_MANIFEST, "signature manifest");
    }
}
