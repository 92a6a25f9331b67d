package io.jenkins.plugins.securepipeline.aws.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request that reached a {@link LocalAwsEndpoint} and passed its signature check.
 *
 * @param headers header names in lower case, as SigV4 canonicalises them
 */
public record AwsRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

    public String path() {
        return rawPath;
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The operation, however the protocol names it: {@code X-Amz-Target: Service.Operation} for JSON protocols,
     * the {@code Action} parameter for the query protocol (STS).
     */
    public String operation() {
        String target = header("x-amz-target");
        if (target != null) {
            return target.substring(target.lastIndexOf('.') + 1);
        }
        return formParameters().get("Action");
    }

    /** Form-encoded body parameters merged over query parameters (the query protocol accepts both). */
    public Map<String, String> formParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        decodeInto(rawQuery, parameters);
        String contentType = header("content-type");
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            decodeInto(bodyText(), parameters);
        }
        return Collections.unmodifiableMap(parameters);
    }

    /** The access key ID from the Authorization header's credential scope, or null when unsigned. */
    public String accessKeyId() {
        String authorization = header("authorization");
        if (authorization == null) {
            return null;
        }
        int start = authorization.indexOf("Credential=");
        if (start < 0) {
            return null;
        }
        int end = authorization.indexOf('/', start);
        return end < 0 ? null : authorization.substring(start + "Credential=".length(), end);
    }

    private static void decodeInto(String encoded, Map<String, String> into) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            into.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
    }
}
