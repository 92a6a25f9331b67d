package io.jenkins.plugins.securepipeline.image.registry;

import io.jenkins.plugins.securepipeline.image.InvalidImageException;
import io.jenkins.plugins.securepipeline.image.JsonFields;
import io.jenkins.plugins.securepipeline.image.StrictJson;
import io.jenkins.plugins.securepipeline.net.HttpDeadlines;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers registry challenges: {@code Basic} with the credentials, or {@code Bearer} by fetching a token from the
 * challenge's realm for the scope the request needs (distribution token protocol). Tokens are cached per scope.
 *
 * <p>The registry names the realm, so a hostile or compromised registry could name any URL. The user name and
 * password go to a realm only over HTTPS or on the registry's own host (a local plain-HTTP registry with its token
 * service next to it); anything else is refused with the reason rather than sending the password in clear text to
 * another host.
 */
final class RegistryAuthenticator {
    private static final int MAX_TOKEN_RESPONSE = 1024 * 1024;

    private final HttpClient http;
    private final RegistryCredentials credentials;
    private final URI registry;
    private final boolean registryIsHttps;
    private final Duration timeout;
    private final Map<String, String> bearerTokens = new ConcurrentHashMap<>();
    private volatile Map<String, String> bearerChallenge;
    private volatile boolean basic;

    RegistryAuthenticator(HttpClient http, RegistryCredentials credentials, URI registry, Duration timeout) {
        this.http = http;
        this.credentials = credentials;
        this.registry = registry;
        this.registryIsHttps = "https".equalsIgnoreCase(registry.getScheme());
        this.timeout = timeout;
    }

    /** The Authorization header to send for a scope, once a challenge has told us the scheme; else null. */
    String authorization(String scope) throws IOException, InterruptedException {
        if (basic) {
            return credentials == null ? null : credentials.basicAuthorization();
        }
        Map<String, String> challenge = bearerChallenge;
        if (challenge == null) {
            return null;
        }
        String token = bearerTokens.get(scope);
        if (token == null) {
            token = fetchToken(challenge, scope);
            bearerTokens.put(scope, token);
        }
        return "Bearer " + token;
    }

    /**
     * Learns from a 401's {@code WWW-Authenticate} header. Returns false when retrying cannot help (the same
     * credentials were already rejected, or the scheme is unknown).
     */
    boolean onChallenge(String header, String scope, String sentAuthorization) throws IOException {
        if (header == null) {
            return false;
        }
        String lower = header.toLowerCase(Locale.ROOT);
        if (lower.startsWith("basic")) {
            basic = true;
            // Retry only if we had not sent credentials yet: the same credentials will be refused again.
            return credentials != null && sentAuthorization == null;
        }
        if (lower.startsWith("bearer")) {
            Map<String, String> params = parseParameters(header.substring("bearer".length()));
            if (!params.containsKey("realm")) {
                throw new RegistryException("registry sent a Bearer challenge without a realm");
            }
            bearerChallenge = params;
            // No token yet, or the one sent has expired or lacks the scope: the caller retries once with a new one.
            bearerTokens.remove(scope);
            return true;
        }
        return false;
    }

    private String fetchToken(Map<String, String> challenge, String scope) throws IOException, InterruptedException {
        URI realm;
        try {
            realm = URI.create(challenge.get("realm"));
        } catch (IllegalArgumentException e) {
            throw new RegistryException("registry sent a Bearer challenge with an invalid realm URL");
        }
        String scheme = realm.getScheme() == null ? "" : realm.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !registryIsHttps)) {
            throw new RegistryException("registry's token realm must be https (got " + scheme + "://" + realm.getHost() + ")");
        }
        if (credentials != null && !scheme.equals("https") && !sameHost(realm, registry)) {
            throw new RegistryException("registry " + registry.getRawAuthority() + " names the token service "
                    + scheme + "://" + realm.getRawAuthority() + ": refusing to send the registry password in clear "
                    + "text to another host (a token realm must use https or be on the registry's own host)");
        }
        StringBuilder query = new StringBuilder();
        if (challenge.containsKey("service")) {
            query.append("service=").append(URLEncoder.encode(challenge.get("service"), StandardCharsets.UTF_8));
        }
        for (String one : scope.split(" ")) {
            if (!one.isEmpty()) {
                query.append(query.length() == 0 ? "" : "&").append("scope=")
                        .append(URLEncoder.encode(one, StandardCharsets.UTF_8));
            }
        }
        String base = realm.toString();
        URI uri = URI.create(base + (query.length() == 0 ? "" : (base.contains("?") ? "&" : "?") + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(timeout);
        if (credentials != null) {
            request.header("Authorization", credentials.basicAuthorization());
        }
        long started = System.nanoTime();
        HttpResponse<InputStream> response = HttpDeadlines.send(http, request.build(),
                HttpResponse.BodyHandlers.ofInputStream(), timeout, "get a registry token");
        byte[] body;
        try (InputStream in = HttpDeadlines.guardSince(response.body(), uri, timeout, started, "get a registry token")) {
            body = in.readNBytes(MAX_TOKEN_RESPONSE + 1);
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new RegistryException("token service " + uri.getHost() + " refused the credentials (HTTP "
                    + response.statusCode() + ")", response.statusCode(), List.of("UNAUTHORIZED"));
        }
        if (response.statusCode() != 200) {
            throw new RegistryException("token service " + uri.getHost() + " answered HTTP " + response.statusCode(),
                    response.statusCode(), List.of());
        }
        if (body.length > MAX_TOKEN_RESPONSE) {
            throw new RegistryException("token service " + uri.getHost() + " sent an oversized answer");
        }
        JsonFields json;
        try {
            json = StrictJson.parseObject(body, "token response from " + uri.getHost());
        } catch (InvalidImageException e) {
            throw new RegistryException("token service " + uri.getHost() + " sent invalid JSON");
        }
        String token = json.has("token") ? json.string("token") : json.has("access_token") ? json.string("access_token") : null;
        if (token == null || token.isEmpty() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new RegistryException("token service " + uri.getHost() + " sent no usable token");
        }
        return token;
    }

    private static boolean sameHost(URI a, URI b) {
        return a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost());
    }

    /** Parses {@code key="value",key2=value2}; quoted values may contain commas (scopes do). */
    static Map<String, String> parseParameters(String text) throws RegistryException {
        Map<String, String> params = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == ',')) {
                i++;
            }
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = text.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            StringBuilder value = new StringBuilder();
            if (i < n && text.charAt(i) == '"') {
                i++;
                while (i < n && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(text.charAt(i++));
                }
                if (i >= n) {
                    throw new RegistryException("registry sent a malformed WWW-Authenticate header");
                }
                i++;
            } else {
                while (i < n && text.charAt(i) != ',') {
                    value.append(text.charAt(i++));
                }
            }
            params.put(key, value.toString().trim());
        }
        return params;
    }
}
