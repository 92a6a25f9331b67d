package io.jenkins.plugins.securepipeline.aws.testing;

import java.util.Map;

/** What a {@link LocalAwsEndpoint} handler answers; helpers build the shapes each AWS protocol uses. */
public record AwsResponse(int status, String contentType, String body, Map<String, String> headers) {

    public static AwsResponse of(int status, String contentType, String body) {
        return new AwsResponse(status, contentType, body, Map.of());
    }

    /** A successful query-protocol (STS) answer. */
    public static AwsResponse xml(String body) {
        return of(200, "text/xml", body);
    }

    /** A successful JSON 1.1 answer (SSM, KMS, ECR). */
    public static AwsResponse json(String body) {
        return of(200, "application/x-amz-json-1.1", body);
    }

    /** An error in the query protocol's shape, as STS sends it. */
    public static AwsResponse queryError(int status, String code, String message) {
        String type = status >= 500 ? "Receiver" : "Sender";
        return of(status, "text/xml", "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<Error><Type>" + type + "</Type><Code>" + code + "</Code><Message>" + escapeXml(message)
                + "</Message></Error><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>");
    }

    /** An error in the JSON 1.1 protocol's shape ({@code __type} names the exception). */
    public static AwsResponse jsonError(int status, String type, String message) {
        return new AwsResponse(status, "application/x-amz-json-1.1",
                "{\"__type\":\"" + escapeJson(type) + "\",\"message\":\"" + escapeJson(message) + "\"}",
                Map.of("x-amzn-ErrorType", type));
    }

    public AwsResponse withHeader(String name, String value) {
        Map<String, String> merged = new java.util.LinkedHashMap<>(headers);
        merged.put(name, value);
        return new AwsResponse(status, contentType, body, Map.copyOf(merged));
    }

    static String escapeXml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String escapeJson(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
