package io.jenkins.plugins.securepipeline.role.endpoint;

import java.time.Instant;
import java.util.Objects;

/**
 * One session as the credential endpoint serves it. Plain strings, no SDK types: the endpoint runs on Jenkins agents,
 * where only the JDK is certain to be there. {@link #toString()} never shows a key.
 */
public record ServedCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {
    public ServedCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(expiration, "expiration");
    }

    /** The container credentials document (what ECS and EKS Pod Identity serve, and every AWS SDK reads). */
    String json() {
        return "{\"AccessKeyId\":" + quote(accessKeyId) + ",\"SecretAccessKey\":" + quote(secretAccessKey)
                + ",\"Token\":" + quote(sessionToken) + ",\"Expiration\":" + quote(expiration.toString()) + "}";
    }

    static String quote(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    @Override
    public String toString() {
        return "ServedCredentials[expiring " + expiration + "]";
    }
}
