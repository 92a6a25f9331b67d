package io.jenkins.plugins.securepipeline.image;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Passes a blob through while hashing it, and fails the read that reaches the end (or goes past the expected size)
 * when the size or SHA-256 differs from the descriptor. An upload reading from it therefore never completes with
 * wrong content: the failure aborts the HTTP request before the registry sees the last byte.
 */
public final class VerifyingInputStream extends FilterInputStream {
    private final Descriptor expected;
    private final String source;
    private final MessageDigest sha256 = Digest.sha256();
    private final ByteCounter counter;
    private long count;
    private boolean verified;

    /** Receives the running byte count, for progress reporting. */
    @FunctionalInterface
    public interface ByteCounter {
        void bytesRead(long total);
    }

    public VerifyingInputStream(InputStream in, Descriptor expected, String source, ByteCounter counter) {
        super(in);
        this.expected = expected;
        this.source = source;
        this.counter = counter == null ? total -> { } : counter;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            verifyAtEnd();
            return -1;
        }
        sha256.update(buffer, offset, n);
        count += n;
        if (count > expected.size()) {
            throw new InvalidImageException(source + ": blob " + expected.digest() + " is longer than its declared size "
                    + expected.size());
        }
        counter.bytesRead(count);
        if (count == expected.size()) {
            // Check as soon as the last byte arrives so an upload with a known length fails before it completes.
            verifyAtEnd();
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skipping would bypass digest verification");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void verifyAtEnd() throws InvalidImageException {
        if (verified) {
            return;
        }
        if (count != expected.size()) {
            throw new InvalidImageException(source + ": blob " + expected.digest() + " has " + count
                    + " bytes, its descriptor says " + expected.size());
        }
        String actual = HexFormat.of().formatHex(sha256.digest());
        if (!actual.equals(expected.digest().hex())) {
            throw new InvalidImageException(source + ": blob content has digest sha256:" + actual
                    + ", its descriptor says " + expected.digest());
        }
        verified = true;
    }
}
