package io.jenkins.plugins.securepipeline.role;

/**
 * A role session request that STS or the account policy would refuse, caught before any call. The message names
 * the field so the user can fix the Jenkinsfile or command line; it never contains a secret.
 */
public final class InvalidRoleRequestException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidRoleRequestException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The request field at fault, e.g. {@code roleSessionName} or {@code tags[3].key}. */
    public String field() {
        return field;
    }
}
