package io.jenkins.plugins.securepipeline.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code docker save} archive. Docker 25 and later write an OCI layout inside it, which is read as such so the
 * manifest Docker built is pushed unchanged. Older archives only have {@code manifest.json}; for those an OCI image
 * manifest is written that refers to the layer files exactly as they are (no recompression): compressed layers keep
 * their digest, uncompressed ones are pushed uncompressed and must match the config's {@code rootfs.diff_ids}.
 */
public final class DockerArchiveSource implements ImageSource {
    private static final int MAX_CONFIG_BYTES = 8 * 1024 * 1024;

    private final TarIndex tar;
    private final String description;
    private final ManifestDocument manifest;
    private final Map<Digest, TarIndex.Entry> blobs;

    private DockerArchiveSource(TarIndex tar, String description, ManifestDocument manifest,
            Map<Digest, TarIndex.Entry> blobs) {
        this.tar = tar;
        this.description = description;
        this.manifest = manifest;
        this.blobs = blobs;
    }

    /** Opens a {@code docker save} archive, hashing legacy layer files once to learn their digests. */
    public static ImageSource open(Path file) throws IOException {
        OciLayoutSource.requireFile(file);
        TarIndex tar = TarIndex.read(file);
        String description = "docker-archive:" + file;
        if (tar.find("oci-layout") != null && tar.find("index.json") != null) {
            return OciLayoutSource.fromTar(tar, description);
        }
        TarIndex.Entry manifestEntry = tar.find("manifest.json");
        if (manifestEntry == null) {
            throw new InvalidImageException(file + ": no manifest.json; not a docker save archive");
        }
        String where = file + "!manifest.json";
        Object parsed = StrictJson.parse(tar.readSmall(manifestEntry, ManifestDocument.MAX_BYTES), where);
        if (!(parsed instanceof List) || ((List<?>) parsed).size() != 1 || !(((List<?>) parsed).get(0) instanceof Map)) {
            throw new InvalidImageException(where + ": must be an array with exactly one image (save one image per archive)");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> only = (Map<String, Object>) ((List<?>) parsed).get(0);
        JsonFields image = new JsonFields(only, where, "[0]");

        String configPath = image.string("Config");
        TarIndex.Entry configEntry = require(tar, configPath, where + ": [0].Config");
        byte[] config = tar.readSmall(configEntry, MAX_CONFIG_BYTES);
        Digest configDigest = Digest.of(config);
        List<String> diffIds = StrictJson.parseObject(config, file + "!" + configPath).object("rootfs").strings("diff_ids");

        Map<Digest, TarIndex.Entry> blobs = new HashMap<>();
        blobs.put(configDigest, configEntry);
        List<String> layerPaths = image.strings("Layers");
        if (layerPaths.size() != diffIds.size()) {
            throw new InvalidImageException(where + ": [0].Layers lists " + layerPaths.size()
                    + " layers but the config's rootfs.diff_ids lists " + diffIds.size());
        }
        List<Object> layers = new ArrayList<>();
        for (int i = 0; i < layerPaths.size(); i++) {
            TarIndex.Entry entry = require(tar, layerPaths.get(i), where + ": [0].Layers[" + i + "]");
            LayerFile layer = hash(tar, entry);
            if (layer.mediaType.equals(MediaTypes.OCI_LAYER_TAR) && !diffIds.get(i).equals(layer.digest.toString())) {
                throw new InvalidImageException(file + "!" + layerPaths.get(i) + ": digest " + layer.digest
                        + " differs from the config's rootfs.diff_ids[" + i + "] " + Digest.shorten(diffIds.get(i)));
            }
            blobs.put(layer.digest, entry);
            layers.add(new Descriptor(layer.mediaType, layer.digest, entry.size()).toJson());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schemaVersion", 2);
        json.put("mediaType", MediaTypes.OCI_MANIFEST);
        json.put("config", new Descriptor(MediaTypes.OCI_CONFIG, configDigest, config.length).toJson());
        json.put("layers", layers);
        ManifestDocument manifest = ManifestDocument.parse(StrictJson.write(json), MediaTypes.OCI_MANIFEST, description);
        return new DockerArchiveSource(tar, description, manifest, blobs);
    }

    private static TarIndex.Entry require(TarIndex tar, String path, String where) throws InvalidImageException {
        TarIndex.Entry entry = tar.find(path);
        if (entry == null) {
            throw new InvalidImageException(where + ": " + Digest.shorten(path) + " is not in the archive");
        }
        return entry;
    }

    private record LayerFile(Digest digest, String mediaType) {}

    private static LayerFile hash(TarIndex tar, TarIndex.Entry entry) throws IOException {
        MessageDigest sha256 = Digest.sha256();
        byte[] head = new byte[4];
        int headLength = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = tar.open(entry)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (headLength < 4) {
                    int take = Math.min(4 - headLength, n);
                    System.arraycopy(buffer, 0, head, headLength, take);
                    headLength += take;
                }
                sha256.update(buffer, 0, n);
            }
        }
        String mediaType;
        if (headLength >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            mediaType = MediaTypes.OCI_LAYER_GZIP;
        } else if (headLength == 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5
                && (head[2] & 0xff) == 0x2f && (head[3] & 0xff) == 0xfd) {
            mediaType = MediaTypes.OCI_LAYER_ZSTD;
        } else {
            mediaType = MediaTypes.OCI_LAYER_TAR;
        }
        return new LayerFile(new Digest(HexFormat.of().formatHex(sha256.digest())), mediaType);
    }

    @Override
    public ManifestDocument root() {
        return manifest;
    }

    @Override
    public ManifestDocument manifest(Descriptor descriptor) throws IOException {
        throw new InvalidImageException(description + ": a docker save archive has no image index");
    }

    @Override
    public void requireBlob(Descriptor descriptor) throws IOException {
        if (!blobs.containsKey(descriptor.digest())) {
            throw new InvalidImageException(description + ": no blob " + descriptor.digest());
        }
    }

    @Override
    public InputStream openBlob(Descriptor descriptor, VerifyingInputStream.ByteCounter counter) throws IOException {
        requireBlob(descriptor);
        TarIndex.Entry entry = blobs.get(descriptor.digest());
        return new VerifyingInputStream(tar.open(entry), descriptor, tar.file() + "!" + entry.name(), counter);
    }

    @Override
    public String describe() {
        return description;
    }
}
