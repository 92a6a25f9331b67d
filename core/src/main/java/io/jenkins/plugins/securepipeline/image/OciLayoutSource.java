package io.jenkins.plugins.securepipeline.image;

import io.jenkins.plugins.securepipeline.files.UserFileException;
import io.jenkins.plugins.securepipeline.files.UserFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * An OCI image layout (directory or tar), as written by buildah, kaniko, skopeo, {@code docker buildx --output
 * type=oci} and {@code docker save} since Docker 25. The image is chosen by its {@code org.opencontainers.image.ref.name}
 * annotation, or is the only one in {@code index.json}.
 */
public final class OciLayoutSource implements ImageSource {
    static final String REF_NAME = "org.opencontainers.image.ref.name";
    private static final int MAX_LAYOUT_FILE = 64 * 1024;

    private final BlobStore store;
    private final String description;
    private final Descriptor selected;

    private OciLayoutSource(BlobStore store, String description, String tag) throws IOException {
        this.store = store;
        this.description = description;
        byte[] layout = store.readSmall("oci-layout", MAX_LAYOUT_FILE);
        if (layout == null) {
            throw new InvalidImageException(store.describe("oci-layout") + ": missing; not an OCI image layout");
        }
        String version = StrictJson.parseObject(layout, store.describe("oci-layout")).string("imageLayoutVersion");
        if (!version.startsWith("1.")) {
            throw new InvalidImageException(store.describe("oci-layout") + ": imageLayoutVersion: unsupported " + version);
        }
        byte[] indexBytes = store.readSmall("index.json", ManifestDocument.MAX_BYTES);
        if (indexBytes == null) {
            throw new InvalidImageException(store.describe("index.json") + ": missing; not an OCI image layout");
        }
        ManifestDocument index = ManifestDocument.parse(indexBytes, MediaTypes.OCI_INDEX, store.describe("index.json"));
        this.selected = select(index.manifests(), tag, store.describe("index.json"));
    }

    public static OciLayoutSource directory(Path directory, String tag) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(directory, BasicFileAttributes.class);
        } catch (IOException e) {
            throw UserFiles.explain(directory, e);
        }
        if (!attributes.isDirectory()) {
            throw new UserFileException(directory, "is " + UserFiles.kind(directory, attributes)
                    + ", not a directory (an OCI layout is a directory; use oci-archive: for a tar file)");
        }
        return new OciLayoutSource(new DirectoryBlobStore(directory), "oci:" + directory, tag);
    }

    public static OciLayoutSource archive(Path tar, String tag) throws IOException {
        requireFile(tar);
        return new OciLayoutSource(new TarBlobStore(TarIndex.read(tar)), "oci-archive:" + tar, tag);
    }

    /** For a {@code docker save} archive that is also an OCI layout (Docker 25 and later). */
    static OciLayoutSource fromTar(TarIndex tar, String description) throws IOException {
        return new OciLayoutSource(new TarBlobStore(tar), description, null);
    }

    /** @throws UserFileException when the archive is missing, a directory, a FIFO or a device */
    static void requireFile(Path file) throws UserFileException {
        UserFiles.requireRegularFile(file);
    }

    private static Descriptor select(List<Descriptor> manifests, String tag, String where) throws InvalidImageException {
        if (tag != null) {
            List<Descriptor> matches = new ArrayList<>();
            for (Descriptor descriptor : manifests) {
                if (tag.equals(descriptor.annotations().get(REF_NAME))) {
                    matches.add(descriptor);
                }
            }
            if (matches.size() != 1) {
                throw new InvalidImageException(where + ": " + (matches.isEmpty() ? "no" : matches.size())
                        + " image(s) named '" + tag + "' (annotation " + REF_NAME + "); names present: " + names(manifests));
            }
            return matches.get(0);
        }
        if (manifests.size() != 1) {
            throw new InvalidImageException(where + ": holds " + manifests.size()
                    + " images; choose one with oci:DIR:NAME; names present: " + names(manifests));
        }
        return manifests.get(0);
    }

    private static List<String> names(List<Descriptor> manifests) {
        List<String> names = new ArrayList<>();
        for (Descriptor descriptor : manifests) {
            String name = descriptor.annotations().get(REF_NAME);
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    @Override
    public ManifestDocument root() throws IOException {
        return manifest(selected);
    }

    @Override
    public ManifestDocument manifest(Descriptor descriptor) throws IOException {
        if (descriptor.size() > ManifestDocument.MAX_BYTES) {
            throw new InvalidImageException(description + ": manifest " + descriptor.digest() + " declares "
                    + descriptor.size() + " bytes, over the " + ManifestDocument.MAX_BYTES + " byte limit");
        }
        String path = blobPath(descriptor.digest());
        byte[] bytes = store.readSmall(path, ManifestDocument.MAX_BYTES);
        if (bytes == null) {
            throw new InvalidImageException(store.describe(path) + ": missing manifest blob");
        }
        if (bytes.length != descriptor.size() || !Digest.of(bytes).equals(descriptor.digest())) {
            throw new InvalidImageException(store.describe(path) + ": content does not match its descriptor ("
                    + descriptor.size() + " bytes, " + descriptor.digest() + ")");
        }
        return ManifestDocument.parse(bytes, descriptor.mediaType(), store.describe(path));
    }

    @Override
    public void requireBlob(Descriptor descriptor) throws IOException {
        String path = blobPath(descriptor.digest());
        long size = store.size(path);
        if (size < 0) {
            throw new InvalidImageException(store.describe(path) + ": missing blob (" + descriptor.mediaType() + ")");
        }
        if (size != descriptor.size()) {
            throw new InvalidImageException(store.describe(path) + ": " + size + " bytes, its descriptor says "
                    + descriptor.size());
        }
    }

    @Override
    public InputStream openBlob(Descriptor descriptor, VerifyingInputStream.ByteCounter counter) throws IOException {
        String path = blobPath(descriptor.digest());
        InputStream in = store.open(path);
        if (in == null) {
            throw new InvalidImageException(store.describe(path) + ": missing blob");
        }
        return new VerifyingInputStream(in, descriptor, store.describe(path), counter);
    }

    @Override
    public String describe() {
        return description;
    }

    static String blobPath(Digest digest) {
        return "blobs/sha256/" + digest.hex();
    }
}
