package io.jenkins.plugins.securepipeline.role;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.securepipeline.aws.AwsCallException;
import io.jenkins.plugins.securepipeline.aws.AwsClientSettings;
import io.jenkins.plugins.securepipeline.aws.AwsFailure;
import io.jenkins.plugins.securepipeline.net.HttpDeadlines;
import io.jenkins.plugins.securepipeline.net.JdkHttpClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * IAM Roles Anywhere {@code CreateSession} over the JDK HTTP client: the AWS SDK for Java v2 has no client or
 * credentials provider for it (aws-sdk-java-v2#6086). Honours the shared settings (endpoint override, FIPS, proxy,
 * timeouts, retries with exponential backoff and full jitter on throttling and 5xx).
 */
final class RolesAnywhereClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_RESPONSE_CHARS = 1 << 20;

    private final AwsClientSettings settings;
    private final Clock clock;

    RolesAnywhereClient(AwsClientSettings settings) {
        this(settings, Clock.systemUTC());
    }

    RolesAnywhereClient(AwsClientSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    AssumedRole createSession(CredentialSource.RolesAnywhere source, RoleSessionRequest request) {
        URI endpoint = settings.endpoint(RolesAnywhereSigner.SERVICE);
        String basePath = endpoint.getRawPath() == null ? "" : endpoint.getRawPath().replaceAll("/+$", "");
        String path = basePath + "/sessions";
        URI uri = endpoint.resolve(path);
        byte[] body = body(source, request);
        RolesAnywhereSigner signer = new RolesAnywhereSigner(source.certificate(), source.chain(), source.privateKey());
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        settings.proxy().ifPresent(proxy -> http.proxy(proxy.proxySelector()));
        HttpClient client = http.build();
        try {
            for (int attempt = 1; ; attempt++) {
                HttpRequest.Builder call = HttpRequest.newBuilder(uri).timeout(settings.readTimeout())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                signer.sign(hostHeader(uri), path, body, settings.region(), clock.instant()).forEach(call::header);
                HttpResponse<String> response;
                try {
                    // The body too within the read timeout (the JDK's own timeout stops at the headers).
                    response = HttpDeadlines.send(client, call.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8),
                            settings.readTimeout(), "CreateSession");
                } catch (IOException e) {
                    if (attempt < settings.maxAttempts()) {
                        pause(attempt);
                        continue;
                    }
                    throw new AwsCallException(AwsFailure.of("IAM Roles Anywhere", "CreateSession", e));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AwsCallException(AwsFailure.of("IAM Roles Anywhere", "CreateSession", e));
                }
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return parse(response.body(), status);
                }
                if ((status == 429 || status >= 500) && attempt < settings.maxAttempts()) {
                    pause(attempt);
                    continue;
                }
                throw new AwsCallException(AwsFailure.fromService("IAM Roles Anywhere", "CreateSession",
                        errorCode(response), status, errorMessage(response.body())));
            }
        } finally {
            JdkHttpClients.close(client);
        }
    }

    private static byte[] body(CredentialSource.RolesAnywhere source, RoleSessionRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("durationSeconds", request.duration().toSeconds());
        body.put("profileArn", source.profileArn());
        body.put("roleArn", request.roleArn().toString());
        body.put("trustAnchorArn", source.trustAnchorArn());
        if (source.sendsRoleSessionName()) {
            body.put("roleSessionName", request.roleSessionName());
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port < 0 || (port == 443 && "https".equals(uri.getScheme()))
                || (port == 80 && "http".equals(uri.getScheme()));
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    private void pause(int attempt) {
        long ceiling = Math.min(settings.maxBackoff().toMillis(), settings.baseDelay().toMillis() << Math.min(attempt - 1, 20));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsCallException(AwsFailure.of("IAM Roles Anywhere", "CreateSession", e));
        }
    }

    private static AssumedRole parse(String body, int status) {
        try {
            JsonNode root = JSON.readTree(body.length() > MAX_RESPONSE_CHARS ? "{}" : body);
            JsonNode set = root.path("credentialSet").path(0);
            JsonNode credentials = set.path("credentials");
            String expiration = credentials.path("expiration").asText(null);
            return new AssumedRole(credentials.path("accessKeyId").asText(null),
                    credentials.path("secretAccessKey").asText(null), credentials.path("sessionToken").asText(null),
                    expiration == null ? null : Instant.parse(expiration),
                    set.path("assumedRoleUser").path("arn").asText(null),
                    set.has("packedPolicySize") ? set.get("packedPolicySize").asInt() : null);
        } catch (IOException | DateTimeParseException | IllegalStateException e) {
            // The body holds credentials: describe the failure without it.
            throw new AwsCallException(AwsFailure.fromService("IAM Roles Anywhere", "CreateSession", "UnreadableResponse",
                    status, "the answer could not be read as a credential set (" + e.getClass().getSimpleName() + ")"));
        }
    }

    /** {@code x-amzn-ErrorType: AccessDeniedException:http://...} or a {@code __type} / {@code code} in the body. */
    private static String errorCode(HttpResponse<String> response) {
        String header = response.headers().firstValue("x-amzn-ErrorType").orElse(null);
        if (header != null && !header.isBlank()) {
            int colon = header.indexOf(':');
            return colon < 0 ? header : header.substring(0, colon);
        }
        try {
            JsonNode root = JSON.readTree(response.body());
            String type = root.path("__type").asText(root.path("code").asText(null));
            if (type != null && type.contains("#")) {
                type = type.substring(type.indexOf('#') + 1);
            }
            return type;
        } catch (IOException e) {
            return "HTTP" + response.statusCode();
        }
    }

    private static String errorMessage(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            return root.path("message").asText(root.path("Message").asText(null));
        } catch (IOException e) {
            return null;
        }
    }
}
