package io.jenkins.plugins.securepipeline.image;

import java.io.IOException;
import java.io.InputStream;

/** An OCI image layout inside an uncompressed tar ({@code oci-archive:}, and {@code docker save} of Docker 25+). */
final class TarBlobStore implements BlobStore {
    private final TarIndex tar;

    TarBlobStore(TarIndex tar) {
        this.tar = tar;
    }

    @Override
    public InputStream open(String relativePath) throws IOException {
        TarIndex.Entry entry = tar.find(relativePath);
        return entry == null ? null : tar.open(entry);
    }

    @Override
    public byte[] readSmall(String relativePath, int limit) throws IOException {
        TarIndex.Entry entry = tar.find(relativePath);
        return entry == null ? null : tar.readSmall(entry, limit);
    }

    @Override
    public long size(String relativePath) {
        TarIndex.Entry entry = tar.find(relativePath);
        return entry == null ? -1 : entry.size();
    }

    @Override
    public String describe(String relativePath) {
        return tar.file() + "!" + relativePath;
    }
}
