package io.jenkins.plugins.securepipeline.cli;

import io.jenkins.plugins.securepipeline.aws.AwsClientSettings;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Endpoint overrides from the command line or the environment ({@code --sts-endpoint}, {@code AWS_ENDPOINT_URL_SSM}
 * ...), with errors that name where the value came from instead of the engine's setting.
 */
public final class AwsEndpoints {
    private AwsEndpoints() {}

    /**
     * @param source the option or environment variable that gave the value, for messages
     * @throws IllegalArgumentException "SOURCE: problem" when the value is no URL or not one core accepts
     */
    public static void override(AwsClientSettings.Builder settings, String service, String value, String source) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(source + ": '" + value + "' is not a URL (" + e.getReason() + ")");
        }
        override(settings, service, uri, source);
    }

    public static void override(AwsClientSettings.Builder settings, String service, URI uri, String source) {
        try {
            settings.endpointOverride(service, uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage().replaceFirst("^endpointOverride\\([^)]*\\): ", ""));
        }
    }
}
