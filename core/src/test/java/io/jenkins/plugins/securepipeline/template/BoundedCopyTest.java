package io.jenkins.plugins.securepipeline.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BoundedCopyTest {

    @Test
    void aStreamAtTheLimitIsCopiedWhole() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(BoundedCopy.copy(new ByteArrayInputStream(new byte[100]), out, 100)).isEqualTo(100);
        assertThat(out.size()).isEqualTo(100);
        assertThat(BoundedCopy.copy(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), 0)).isZero();
    }

    @Test
    void aStreamOneByteTooLongIsRefused() throws IOException {
        assertThat(BoundedCopy.copy(new ByteArrayInputStream(new byte[101]), new ByteArrayOutputStream(), 100)).isEqualTo(-1);
        assertThat(BoundedCopy.copy(new ByteArrayInputStream(new byte[1]), new ByteArrayOutputStream(), 0)).isEqualTo(-1);
    }

    @Test
    void anEndlessStreamIsReadOnlyJustPastTheLimit() throws IOException {
        CountingEndlessStream endless = new CountingEndlessStream();
        assertThat(BoundedCopy.copy(endless, new ByteArrayOutputStream(), 200_000)).isEqualTo(-1);
        assertThat(endless.served).isEqualTo(200_001);
    }

    @Test
    void theLargestLimitDoesNotOverflow() throws IOException {
        assertThat(BoundedCopy.copy(new ByteArrayInputStream(new byte[10]), new ByteArrayOutputStream(), Long.MAX_VALUE))
                .isEqualTo(10);
    }

    /** Serves zeros forever and counts them, as a file still being written would. */
    private static final class CountingEndlessStream extends InputStream {
        long served;

        @Override
        public int read() {
            served++;
            return 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            served += length;
            return length;
        }
    }
}
