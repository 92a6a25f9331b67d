package io.jenkins.plugins.securepipeline.image;

import java.io.IOException;
import java.io.InputStream;

/** Where an OCI image layout keeps its files: a directory or an uncompressed tar of one. */
interface BlobStore {
    /** The file at a path relative to the layout root, or null when absent. */
    InputStream open(String relativePath) throws IOException;

    /** Reads a small file (index.json, a manifest) whole, refusing anything over {@code limit} bytes; null if absent. */
    byte[] readSmall(String relativePath, int limit) throws IOException;

    /** The size on disk of a file, or -1 when absent. */
    long size(String relativePath) throws IOException;

    String describe(String relativePath);
}
