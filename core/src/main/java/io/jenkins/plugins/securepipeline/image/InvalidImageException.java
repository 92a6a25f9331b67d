package io.jenkins.plugins.securepipeline.image;

import java.io.IOException;

/** An image layout, archive, manifest or reference that is malformed; the message names the file and field. */
public class InvalidImageException extends IOException {
    private static final long serialVersionUID = 1L;

    public InvalidImageException(String message) {
        super(message);
    }
}
