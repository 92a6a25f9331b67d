package io.jenkins.plugins.securepipeline.image.registry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Remembers the exception a request body's stream threw: the HTTP client reports it only as a generic I/O failure,
 * and a blob whose local content is wrong must fail at once instead of being retried like a dropped connection.
 */
final class FailureRecordingInputStream extends FilterInputStream {
    private final AtomicReference<IOException> failure;

    FailureRecordingInputStream(InputStream in, AtomicReference<IOException> failure) {
        super(in);
        this.failure = failure;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            failure.compareAndSet(null, e);
            throw e;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return super.read(buffer, offset, length);
        } catch (IOException e) {
            failure.compareAndSet(null, e);
            throw e;
        }
    }
}
