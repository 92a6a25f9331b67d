package io.jenkins.plugins.securepipeline.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** An OCI image layout directory (e.g. {@code skopeo copy ... oci:DIR}, {@code buildah push ... oci:DIR}). */
final class DirectoryBlobStore implements BlobStore {
    private final Path root;

    DirectoryBlobStore(Path root) {
        this.root = root;
    }

    private Path resolve(String relativePath) throws InvalidImageException {
        Path path = root.resolve(relativePath).normalize();
        if (!path.startsWith(root.normalize())) {
            throw new InvalidImageException(root + ": path " + Digest.shorten(relativePath) + " leaves the layout directory");
        }
        return path;
    }

    @Override
    public InputStream open(String relativePath) throws IOException {
        Path path = resolve(relativePath);
        return Files.isRegularFile(path) ? Files.newInputStream(path) : null;
    }

    @Override
    public byte[] readSmall(String relativePath, int limit) throws IOException {
        Path path = resolve(relativePath);
        if (!Files.isRegularFile(path)) {
            return null;
        }
        long size = Files.size(path);
        if (size > limit) {
            throw new InvalidImageException(path + ": " + size + " bytes, over the " + limit + " byte limit for this document");
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new InvalidImageException(path + ": over the " + limit + " byte limit for this document");
            }
            return bytes;
        }
    }

    @Override
    public long size(String relativePath) throws IOException {
        Path path = resolve(relativePath);
        return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(path) ? Files.size(path) : -1;
    }

    @Override
    public String describe(String relativePath) {
        return root.resolve(relativePath).toString();
    }
}
