package io.jenkins.plugins.securepipeline.signing;

/** Signing could not be done (KMS refused, key unusable); the message names the key, never its material. */
public class SigningException extends Exception {
    private static final long serialVersionUID = 1L;

    public SigningException(String message) {
        super(message);
    }

    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
