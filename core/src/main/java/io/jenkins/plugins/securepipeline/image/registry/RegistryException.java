package io.jenkins.plugins.securepipeline.image.registry;

import java.io.IOException;
import java.util.List;

/**
 * The registry refused or failed a request. The message names the operation, the method and the URL path (never a
 * query string, which may be a presigned URL, and never a header) and the registry's own error codes and messages.
 */
public class RegistryException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final List<String> errorCodes;

    public RegistryException(String message, int status, List<String> errorCodes) {
        super(message);
        this.status = status;
        this.errorCodes = List.copyOf(errorCodes);
    }

    public RegistryException(String message) {
        this(message, 0, List.of());
    }

    /** The HTTP status, or 0 when the registry's answer itself was unusable. */
    public int status() {
        return status;
    }

    /** OCI error codes from the response body, such as {@code TAG_INVALID} or {@code MANIFEST_INVALID}. */
    public List<String> errorCodes() {
        return errorCodes;
    }

    /** Worth retrying from the start of the blob: a server-side failure or throttling. */
    public boolean isRetryable() {
        return status >= 500 || status == 429 || status == 408;
    }
}
