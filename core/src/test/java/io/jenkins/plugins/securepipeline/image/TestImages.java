package io.jenkins.plugins.securepipeline.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Builds small real images on disk for tests: OCI layouts, OCI archives and legacy {@code docker save} archives. */
public final class TestImages {
    private TestImages() {}

    /** A gzip-compressed layer of pseudo-random bytes; the seed makes it reproducible. */
    public static byte[] gzipLayer(int uncompressedSize, long seed) throws IOException {
        byte[] raw = tarOfOneFile("file-" + seed, randomBytes(uncompressedSize, seed));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(raw);
        }
        return out.toByteArray();
    }

    public static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    public static byte[] tarOfOneFile(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TarWriter tar = new TarWriter(out);
        tar.file(name, content);
        tar.finish();
        return out.toByteArray();
    }

    public static byte[] config(List<Digest> diffIds, String architecture) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("architecture", architecture);
        json.put("os", "linux");
        Map<String, Object> rootfs = new LinkedHashMap<>();
        rootfs.put("type", "layers");
        List<Object> ids = new ArrayList<>();
        diffIds.forEach(d -> ids.add(d.toString()));
        rootfs.put("diff_ids", ids);
        json.put("rootfs", rootfs);
        json.put("config", new LinkedHashMap<>());
        return StrictJson.write(json);
    }

    public static byte[] manifest(Descriptor config, List<Descriptor> layers) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schemaVersion", 2);
        json.put("mediaType", MediaTypes.OCI_MANIFEST);
        json.put("config", config.toJson());
        List<Object> list = new ArrayList<>();
        layers.forEach(l -> list.add(l.toJson()));
        json.put("layers", list);
        return StrictJson.write(json);
    }

    public static byte[] index(List<Descriptor> manifests, String mediaType) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schemaVersion", 2);
        if (mediaType != null) {
            json.put("mediaType", mediaType);
        }
        List<Object> list = new ArrayList<>();
        manifests.forEach(m -> list.add(m.toJson()));
        json.put("manifests", list);
        return StrictJson.write(json);
    }

    /** An OCI layout directory with one image named {@code name}; layer sizes in bytes (uncompressed). */
    public static ManifestDocument ociLayout(Path dir, String name, int[] layerSizes, long seed) throws IOException {
        Files.createDirectories(dir.resolve("blobs/sha256"));
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        Descriptor manifest = writeImage(dir, layerSizes, seed, "amd64");
        Descriptor named = withName(manifest, name);
        Files.write(dir.resolve("index.json"), index(List.of(named), MediaTypes.OCI_INDEX));
        return ManifestDocument.parse(Files.readAllBytes(blob(dir, manifest.digest())), MediaTypes.OCI_MANIFEST, "test");
    }

    /** An OCI layout whose named entry is a two-platform index; the platforms share their first layer. */
    public static ManifestDocument multiPlatformLayout(Path dir, String name, long seed) throws IOException {
        Files.createDirectories(dir.resolve("blobs/sha256"));
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        Descriptor amd64 = writeImage(dir, new int[] {20_000, 30_000}, seed, "amd64");
        Descriptor arm64 = writeImage(dir, new int[] {20_000, 40_000}, seed, "arm64");
        Descriptor amd64WithPlatform = new Descriptor(amd64.mediaType(), amd64.digest(), amd64.size(), Map.of(),
                Map.of("architecture", "amd64", "os", "linux"));
        Descriptor arm64WithPlatform = new Descriptor(arm64.mediaType(), arm64.digest(), arm64.size(), Map.of(),
                Map.of("architecture", "arm64", "os", "linux"));
        byte[] indexBytes = index(List.of(amd64WithPlatform, arm64WithPlatform), MediaTypes.OCI_INDEX);
        Descriptor indexDescriptor = writeBlob(dir, MediaTypes.OCI_INDEX, indexBytes);
        Files.write(dir.resolve("index.json"), index(List.of(withName(indexDescriptor, name)), MediaTypes.OCI_INDEX));
        return ManifestDocument.parse(indexBytes, MediaTypes.OCI_INDEX, "test");
    }

    static Descriptor withName(Descriptor descriptor, String name) {
        return new Descriptor(descriptor.mediaType(), descriptor.digest(), descriptor.size(),
                Map.of("org.opencontainers.image.ref.name", name), null);
    }

    private static Descriptor writeImage(Path dir, int[] layerSizes, long seed, String architecture) throws IOException {
        List<Descriptor> layers = new ArrayList<>();
        List<Digest> diffIds = new ArrayList<>();
        for (int i = 0; i < layerSizes.length; i++) {
            byte[] layer = gzipLayer(layerSizes[i], seed * 100 + i + (i > 0 ? architecture.hashCode() : 0));
            layers.add(writeBlob(dir, MediaTypes.OCI_LAYER_GZIP, layer));
            diffIds.add(Digest.of(layer));
        }
        Descriptor config = writeBlob(dir, MediaTypes.OCI_CONFIG, config(diffIds, architecture));
        return writeBlob(dir, MediaTypes.OCI_MANIFEST, manifest(config, layers));
    }

    public static Descriptor writeBlob(Path dir, String mediaType, byte[] content) throws IOException {
        Digest digest = Digest.of(content);
        Files.write(blob(dir, digest), content);
        return new Descriptor(mediaType, digest, content.length);
    }

    public static Path blob(Path dir, Digest digest) {
        return dir.resolve("blobs/sha256/" + digest.hex());
    }

    /** Tars a directory tree (files only, sorted) into an archive, as {@code tar -cf} would. */
    public static void tarDirectory(Path dir, Path tarFile) throws IOException {
        try (OutputStream out = Files.newOutputStream(tarFile); var paths = Files.walk(dir)) {
            TarWriter tar = new TarWriter(out);
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                tar.file(dir.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
            tar.finish();
        }
    }

    /**
     * A legacy {@code docker save} archive: manifest.json, {@code <hex>.json} config, {@code <id>/layer.tar}
     * uncompressed layers (and one gzip layer when {@code gzipLast}).
     */
    public static void dockerArchive(Path tarFile, int[] layerSizes, boolean gzipLast, long seed) throws IOException {
        List<byte[]> layers = new ArrayList<>();
        List<Digest> diffIds = new ArrayList<>();
        for (int i = 0; i < layerSizes.length; i++) {
            byte[] layer = gzipLast && i == layerSizes.length - 1
                    ? gzipLayer(layerSizes[i], seed + i)
                    : tarOfOneFile("f" + i, randomBytes(layerSizes[i], seed + i));
            layers.add(layer);
            diffIds.add(Digest.of(layer));
        }
        byte[] config = config(diffIds, "amd64");
        Digest configDigest = Digest.of(config);
        StringBuilder manifest = new StringBuilder("[{\"Config\":\"" + configDigest.hex() + ".json\",\"RepoTags\":[\"app:1\"],\"Layers\":[");
        for (int i = 0; i < layers.size(); i++) {
            manifest.append(i == 0 ? "" : ",").append("\"layer").append(i).append("/layer.tar\"");
        }
        manifest.append("]}]");
        try (OutputStream out = Files.newOutputStream(tarFile)) {
            TarWriter tar = new TarWriter(out);
            tar.file(configDigest.hex() + ".json", config);
            for (int i = 0; i < layers.size(); i++) {
                tar.file("layer" + i + "/layer.tar", layers.get(i));
            }
            tar.file("manifest.json", manifest.toString().getBytes(StandardCharsets.UTF_8));
            tar.finish();
        }
    }

    /** A minimal ustar writer (test side; independent of the reader under test). */
    public static final class TarWriter {
        private final OutputStream out;

        public TarWriter(OutputStream out) {
            this.out = out;
        }

        public void file(String name, byte[] content) throws IOException {
            header(name, content.length, '0', "");
            out.write(content);
            pad(content.length);
        }

        public void symlink(String name, String target) throws IOException {
            header(name, 0, '2', target);
        }

        private void header(String name, long size, char type, String link) throws IOException {
            byte[] h = new byte[512];
            put(h, 0, name, 100);
            put(h, 100, "0000644", 8);
            put(h, 108, "0000000", 8);
            put(h, 116, "0000000", 8);
            put(h, 124, String.format("%011o", size), 12);
            put(h, 136, "00000000000", 12);
            for (int i = 148; i < 156; i++) {
                h[i] = ' ';
            }
            h[156] = (byte) type;
            put(h, 157, link, 100);
            put(h, 257, "ustar", 6);
            put(h, 263, "00", 2);
            long sum = 0;
            for (byte b : h) {
                sum += b & 0xff;
            }
            put(h, 148, String.format("%06o", sum), 7);
            out.write(h);
        }

        private static void put(byte[] h, int offset, String value, int max) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > max) {
                throw new IllegalArgumentException("too long for a ustar field: " + value);
            }
            System.arraycopy(bytes, 0, h, offset, bytes.length);
        }

        private void pad(long size) throws IOException {
            long rest = (512 - size % 512) % 512;
            out.write(new byte[(int) rest]);
        }

        public void finish() throws IOException {
            out.write(new byte[1024]);
            out.flush();
        }
    }
}
