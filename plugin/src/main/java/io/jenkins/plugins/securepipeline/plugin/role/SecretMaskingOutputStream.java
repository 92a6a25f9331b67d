package io.jenkins.plugins.securepipeline.plugin.role;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Replaces secret values in build log output with {@code ****}, line by line so a secret is never split across
 * two writes. AWS keys and session tokens are ASCII, so matching their UTF-8 bytes is exact whatever the log's
 * charset. The safety net, not the plan: the plugin itself never prints a secret.
 */
final class SecretMaskingOutputStream extends FilterOutputStream {
    static final String MASK = "****";
    /** A line longer than this is masked and passed on in pieces; secrets are far shorter. */
    private static final int MAX_BUFFERED = 64 * 1024;

    private final List<byte[]> secrets;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    SecretMaskingOutputStream(OutputStream out, List<String> secretValues) {
        super(out);
        this.secrets = secretValues.stream().filter(s -> s != null && s.length() >= 4)
                .map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Override
    public void write(int b) throws IOException {
        line.write(b);
        if (b == '\n' || line.size() >= MAX_BUFFERED) {
            emit();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public void flush() throws IOException {
        // A partial line stays buffered: flushing it could cut a secret in two. The next newline or close emits it.
        out.flush();
    }

    @Override
    public void close() throws IOException {
        emit();
        super.close();
    }

    private void emit() throws IOException {
        byte[] bytes = line.toByteArray();
        line.reset();
        out.write(mask(bytes));
    }

    byte[] mask(byte[] bytes) {
        byte[] current = bytes;
        for (byte[] secret : secrets) {
            current = replaceAll(current, secret);
        }
        return current;
    }

    private static byte[] replaceAll(byte[] text, byte[] secret) {
        ByteArrayOutputStream result = null;
        int copiedUpTo = 0;
        for (int i = 0; i + secret.length <= text.length; i++) {
            if (matchesAt(text, i, secret)) {
                if (result == null) {
                    result = new ByteArrayOutputStream(text.length);
                }
                result.write(text, copiedUpTo, i - copiedUpTo);
                result.writeBytes(MASK.getBytes(StandardCharsets.US_ASCII));
                i += secret.length - 1;
                copiedUpTo = i + 1;
            }
        }
        if (result == null) {
            return text;
        }
        result.write(text, copiedUpTo, text.length - copiedUpTo);
        return result.toByteArray();
    }

    private static boolean matchesAt(byte[] text, int at, byte[] secret) {
        for (int j = 0; j < secret.length; j++) {
            if (text[at + j] != secret[j]) {
                return false;
            }
        }
        return true;
    }
}
