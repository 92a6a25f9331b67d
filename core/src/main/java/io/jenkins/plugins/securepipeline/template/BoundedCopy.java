package io.jenkins.plugins.securepipeline.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies a stream only up to a limit. A file measured before the copy may have grown since (or its size may have
 * been misreported by the machine that measured it), so the copy itself is where the limit is enforced.
 */
public final class BoundedCopy {
    private static final int BUFFER = 64 * 1024;

    private BoundedCopy() {}

    /**
     * Copies {@code in} to {@code out} while at most {@code limit} bytes have come. Reads at most {@code limit + 1}
     * bytes: the one byte more is how a stream that is too long is told from one that is exactly at the limit.
     *
     * @return the bytes copied, or -1 when the stream has more than {@code limit} bytes (then what was written to
     *     {@code out} is incomplete and must be discarded)
     */
    public static long copy(InputStream in, OutputStream out, long limit) throws IOException {
        if (limit < 0) {
            throw new IllegalArgumentException("negative limit " + limit);
        }
        byte[] buffer = new byte[BUFFER];
        long copied = 0;
        while (true) {
            long room = limit - copied;
            int n = in.read(buffer, 0, room >= buffer.length ? buffer.length : (int) room + 1);
            if (n < 0) {
                return copied;
            }
            if (copied + n > limit) {
                return -1;
            }
            out.write(buffer, 0, n);
            copied += n;
        }
    }
}
