package io.jenkins.plugins.securepipeline.cli;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Holds a command's output until the command knows it succeeded, so that a failed run prints nothing rather than
 * a partial result (a partial checksum file would later "verify" a partial artifact). The first
 * {@value #IN_MEMORY_LIMIT} bytes stay in memory; beyond that the output goes to a temporary file readable only by
 * this user, deleted on {@link #close()}: memory does not grow with the size of the output. When no temporary file
 * can be made the output stays in memory.
 */
final class OutputSpool implements Closeable {
    static final int IN_MEMORY_LIMIT = 1 << 20;

    private final ByteArrayOutputStream memory = new ByteArrayOutputStream(8192);
    private final int inMemoryLimit;
    private Path file;
    private OutputStream fileOut;
    private boolean noFile;

    OutputSpool() {
        this(IN_MEMORY_LIMIT);
    }

    /** For tests: a small limit shows the spill to a file. */
    OutputSpool(int inMemoryLimit) {
        this.inMemoryLimit = inMemoryLimit;
    }

    void write(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (fileOut == null && !noFile && memory.size() + bytes.length > inMemoryLimit) {
            spill();
        }
        if (fileOut != null) {
            fileOut.write(bytes);
        } else {
            memory.write(bytes);
        }
    }

    /** Whether the output went to a temporary file (for tests). */
    boolean spilled() {
        return file != null;
    }

    /** Writes everything held to {@code out}, then flushes it. */
    void copyTo(PrintWriter out) throws IOException {
        if (fileOut == null) {
            out.write(memory.toString(StandardCharsets.UTF_8));
        } else {
            fileOut.flush();
            char[] chunk = new char[64 * 1024];
            try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
                int read;
                while ((read = in.read(chunk)) >= 0) {
                    out.write(chunk, 0, read);
                }
            }
        }
        out.flush();
    }

    private void spill() throws IOException {
        try {
            // createTempFile makes the file readable and writable by this user only.
            file = Files.createTempFile("secure-pipeline-output-", ".tmp");
            fileOut = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
        } catch (IOException | UnsupportedOperationException e) {
            // No temporary file to be had: keep the output in memory.
            noFile = true;
            close();
            return;
        }
        memory.writeTo(fileOut);
        memory.reset();
    }

    @Override
    public void close() throws IOException {
        try {
            if (fileOut != null) {
                fileOut.close();
            }
        } finally {
            fileOut = null;
            if (file != null) {
                Files.deleteIfExists(file);
                file = null;
            }
        }
    }
}
