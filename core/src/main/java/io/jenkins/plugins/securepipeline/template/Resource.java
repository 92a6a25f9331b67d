package io.jenkins.plugins.securepipeline.template;

/**
 * One resource as the rules see it: properties evaluated for one combination of the conditions that could not be
 * decided statically (see {@link TemplateEvaluator}); {@code raw} is the resource as written, for rules that need
 * the unevaluated form (secrets in user data, plaintext passwords).
 */
public record Resource(String logicalId, String type, TemplateNode properties, TemplateNode raw,
        TemplateNode metadata, int line, int column) {

    /** A property of the evaluated resource, following nested keys; null when absent. */
    public TemplateNode property(String... path) {
        return properties.path(path);
    }
}
