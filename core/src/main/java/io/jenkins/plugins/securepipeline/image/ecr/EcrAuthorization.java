package io.jenkins.plugins.securepipeline.image.ecr;

import io.jenkins.plugins.securepipeline.image.registry.RegistryCredentials;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.GetAuthorizationTokenResponse;

/**
 * Registry credentials from ECR's {@code GetAuthorizationToken}: the token is base64 {@code AWS:<password>} and is
 * valid for 12 hours. It is cached and fetched again shortly before it expires, so a long pipeline never pushes with
 * an expired token (the stale docker config problem). The token is never logged or put into a message.
 */
public final class EcrAuthorization {
    /** Fetch a new token this long before the old one expires: a large push must not run out mid-way. */
    static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(30);

    private final EcrClient ecr;
    private final Clock clock;
    private RegistryCredentials cached;
    private Instant expiresAt;

    public EcrAuthorization(EcrClient ecr, Clock clock) {
        this.ecr = ecr;
        this.clock = clock;
    }

    public synchronized RegistryCredentials credentials() throws EcrException {
        Instant now = clock.instant();
        if (cached != null && now.isBefore(expiresAt.minus(REFRESH_BEFORE_EXPIRY))) {
            return cached;
        }
        GetAuthorizationTokenResponse response;
        try {
            response = ecr.getAuthorizationToken(request -> { });
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw EcrException.from("GetAuthorizationToken", e);
        }
        if (!response.hasAuthorizationData() || response.authorizationData().isEmpty()) {
            throw new EcrException("ECR GetAuthorizationToken returned no authorization data");
        }
        AuthorizationData data = response.authorizationData().get(0);
        if (data.authorizationToken() == null || data.expiresAt() == null) {
            throw new EcrException("ECR GetAuthorizationToken returned no token or no expiry");
        }
        cached = decode(data.authorizationToken());
        expiresAt = data.expiresAt();
        return cached;
    }

    /** When the cached token expires, or null before the first fetch. */
    public synchronized Instant expiresAt() {
        return expiresAt;
    }

    static RegistryCredentials decode(String token) throws EcrException {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw new EcrException("ECR returned an authorization token that is not base64");
        }
        char[] chars = null;
        try {
            CharBuffer decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            chars = new char[decoded.remaining()];
            decoded.get(chars);
            int colon = -1;
            for (int i = 0; i < chars.length; i++) {
                if (chars[i] == ':') {
                    colon = i;
                    break;
                }
            }
            if (colon <= 0 || colon == chars.length - 1) {
                throw new EcrException("ECR returned an authorization token that is not user:password");
            }
            String user = new String(chars, 0, colon);
            char[] password = Arrays.copyOfRange(chars, colon + 1, chars.length);
            try {
                return new RegistryCredentials(user, password);
            } finally {
                Arrays.fill(password, '\0');
            }
        } catch (CharacterCodingException e) {
            throw new EcrException("ECR returned an authorization token that is not UTF-8");
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (chars != null) {
                Arrays.fill(chars, '\0');
            }
        }
    }
}
