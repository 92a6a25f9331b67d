package io.jenkins.plugins.securepipeline.image;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A manifest or index exactly as stored (its bytes are what gets pushed and what the digest covers) together with
 * what we parsed from it. Parsing is strict because a manifest we misread could make us push an incomplete image.
 */
public final class ManifestDocument {
    /** Manifests are small; anything bigger is hostile or broken (registries cap them at 4 MiB as well). */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    private final byte[] bytes;
    private final Digest digest;
    private final String mediaType;
    private final Descriptor config;
    private final List<Descriptor> layers;
    private final List<Descriptor> manifests;

    private ManifestDocument(byte[] bytes, String mediaType, Descriptor config, List<Descriptor> layers,
            List<Descriptor> manifests) {
        this.bytes = bytes.clone();
        this.digest = Digest.of(bytes);
        this.mediaType = mediaType;
        this.config = config;
        this.layers = List.copyOf(layers);
        this.manifests = List.copyOf(manifests);
    }

    /**
     * Parses manifest bytes.
     *
     * @param declaredMediaType the media type from the referring descriptor or Content-Type, or null
     */
    public static ManifestDocument parse(byte[] bytes, String declaredMediaType, String source)
            throws InvalidImageException {
        if (bytes.length > MAX_BYTES) {
            throw new InvalidImageException(source + ": manifest is " + bytes.length + " bytes, over the "
                    + MAX_BYTES + " byte limit");
        }
        JsonFields json = StrictJson.parseObject(bytes, source);
        Object schemaVersion = json.asMap().get("schemaVersion");
        if (!(schemaVersion instanceof BigDecimal) || ((BigDecimal) schemaVersion).compareTo(BigDecimal.valueOf(2)) != 0) {
            throw json.error("schemaVersion", "must be 2 (schema 1 manifests are not supported)");
        }
        String inner = json.optionalString("mediaType");
        String mediaType = inner != null ? inner : declaredMediaType;
        if (mediaType == null) {
            // OCI allows omitting mediaType; the structure then tells which kind it is.
            mediaType = json.has("manifests") ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
        }
        if (inner != null && declaredMediaType != null && !inner.equals(declaredMediaType)) {
            throw json.error("mediaType", "is " + inner + " but it was referred to as " + declaredMediaType);
        }
        if (MediaTypes.isIndex(mediaType)) {
            if (json.has("config") || json.has("layers")) {
                throw json.error("config", "an index must not have config or layers");
            }
            List<Descriptor> children = new ArrayList<>();
            List<JsonFields> entries = json.objects("manifests");
            for (int i = 0; i < entries.size(); i++) {
                Descriptor child = Descriptor.parse(entries.get(i), "manifests[" + i + "]");
                if (!MediaTypes.isManifest(child.mediaType()) && !MediaTypes.isIndex(child.mediaType())) {
                    throw new InvalidImageException(source + ": manifests[" + i + "].mediaType: unsupported "
                            + Digest.shorten(child.mediaType()));
                }
                children.add(child);
            }
            return new ManifestDocument(bytes, mediaType, null, List.of(), children);
        }
        if (!MediaTypes.isManifest(mediaType)) {
            throw json.error("mediaType", "unsupported manifest type " + Digest.shorten(mediaType));
        }
        if (json.has("manifests")) {
            throw json.error("manifests", "an image manifest must not list manifests");
        }
        Descriptor config = Descriptor.parse(json.object("config"), "config");
        List<Descriptor> layers = new ArrayList<>();
        List<JsonFields> entries = json.objects("layers");
        for (int i = 0; i < entries.size(); i++) {
            layers.add(Descriptor.parse(entries.get(i), "layers[" + i + "]"));
        }
        return new ManifestDocument(bytes, mediaType, config, layers, List.of());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    public Digest digest() {
        return digest;
    }

    public String mediaType() {
        return mediaType;
    }

    public boolean isIndex() {
        return MediaTypes.isIndex(mediaType);
    }

    /** The config blob of an image manifest; null for an index. */
    public Descriptor config() {
        return config;
    }

    public List<Descriptor> layers() {
        return layers;
    }

    /** The children of an index; empty for an image manifest. */
    public List<Descriptor> manifests() {
        return manifests;
    }

    /** Config and layers, the blobs an image manifest needs in the registry before it can be pushed. */
    public List<Descriptor> blobs() {
        List<Descriptor> blobs = new ArrayList<>();
        if (config != null) {
            blobs.add(config);
        }
        blobs.addAll(layers);
        return blobs;
    }

    public Descriptor descriptor() {
        return new Descriptor(mediaType, digest, bytes.length);
    }
}
