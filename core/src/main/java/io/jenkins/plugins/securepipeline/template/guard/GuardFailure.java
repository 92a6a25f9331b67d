package io.jenkins.plugins.securepipeline.template.guard;

/**
 * One check of a Guard rule that did not hold: the rule, the resource (logical ID, or null outside Resources), the
 * property path in the template, where that is, the rule author's custom message (or null) and what went wrong.
 */
public record GuardFailure(String rule, String resource, String propertyPath, int line, int column,
        String customMessage, String detail) {

    /** The custom message when the rule has one, then the detail. */
    public String message() {
        return customMessage == null || customMessage.isBlank() ? detail : customMessage + " (" + detail + ")";
    }
}
