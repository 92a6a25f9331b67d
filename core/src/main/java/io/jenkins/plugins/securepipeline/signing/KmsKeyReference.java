package io.jenkins.plugins.securepipeline.signing;

/**
 * A key reference in cosign's notation, {@code awskms:///<key id | alias/name | key ARN | alias ARN>}. The endpoint
 * slot ({@code awskms://<endpoint>/...}) is refused: endpoints come from the AWS settings, not from a key name.
 */
public record KmsKeyReference(String keyId) {
    public static final String SCHEME = "awskms://";

    public KmsKeyReference {
        if (keyId == null || keyId.isBlank() || keyId.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("KMS key id must be a non-empty printable ASCII string");
        }
    }

    public static boolean isKmsReference(String text) {
        return text.startsWith(SCHEME);
    }

    public static KmsKeyReference parse(String text) {
        if (!isKmsReference(text)) {
            throw new IllegalArgumentException("KMS key references start with awskms:///");
        }
        String rest = text.substring(SCHEME.length());
        if (!rest.startsWith("/")) {
            throw new IllegalArgumentException("'" + text + "': an endpoint in the key reference is not supported; write "
                    + "awskms:///<key> and configure endpoints in the AWS settings");
        }
        return new KmsKeyReference(rest.substring(1));
    }

    @Override
    public String toString() {
        return SCHEME + "/" + keyId;
    }
}
