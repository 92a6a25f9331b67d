package io.jenkins.plugins.securepipeline.plugin.role;

import io.jenkins.plugins.securepipeline.audit.SecretMask;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Replaces secret values, and their encoded forms ({@link SecretMask}), in build log output with {@code ****}, line by
 * line so a secret is never split across two writes. The safety net, not the plan: the plugin itself never prints a
 * secret.
 */
final class SecretMaskingOutputStream extends FilterOutputStream {
    static final String MASK = SecretMask.MASK;
    /** A line longer than this is masked and passed on in pieces; secrets are far shorter. */
    private static final int MAX_BUFFERED = 64 * 1024;

    private final SessionSecrets secrets;
    private SecretMask mask;
    private int maskedCount;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    SecretMaskingOutputStream(OutputStream out, List<String> secretValues) {
        super(out);
        this.secrets = null;
        this.mask = SecretMask.of(secretValues);
    }

    /** Follows {@code secrets} as it grows: a command started before a renewal still has the renewed keys masked. */
    SecretMaskingOutputStream(OutputStream out, SessionSecrets secrets) {
        super(out);
        this.secrets = secrets;
        this.mask = secrets.mask();
        this.maskedCount = secrets.count();
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
        if (secrets != null && secrets.count() != maskedCount) {
            maskedCount = secrets.count();
            mask = secrets.mask();
        }
        if (mask.isEmpty()) {
            return bytes;
        }
        // ISO-8859-1 maps bytes to chars one to one, and every form of a secret is ASCII, so a match found here is
        // the same bytes in any ASCII-compatible charset the log uses (UTF-8 included).
        String line = new String(bytes, StandardCharsets.ISO_8859_1);
        String masked = mask.mask(line);
        return masked == line ? bytes : masked.getBytes(StandardCharsets.ISO_8859_1);
    }
}
