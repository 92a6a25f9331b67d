package io.jenkins.plugins.securepipeline.aws.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks AWS Signature Version 4 the way a service does: recomputes the signature from the request with the
 * secret of the access key named in the credential scope, and rejects anything missing, stale, scoped to another
 * region or service, or signed with the wrong secret. Written from the SigV4 specification so that the SDK's
 * signer is tested against an independent implementation.
 */
public final class SigV4Verifier implements RequestVerifier {
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final java.util.Set<String> UNSIGNED_STS_OPERATIONS =
            java.util.Set.of("AssumeRoleWithWebIdentity", "AssumeRoleWithSAML");

    private final String signingName;
    private final String region;
    private final Map<String, String> secretsByAccessKey = new ConcurrentHashMap<>();
    private final BiFunction<Integer, String[], AwsResponse> errorShape;
    private final Clock clock;

    /**
     * @param errorShape builds the protocol's error answer from (status, {code, message})
     */
    SigV4Verifier(String signingName, String region, BiFunction<Integer, String[], AwsResponse> errorShape, Clock clock) {
        this.signingName = signingName;
        this.region = region;
        this.errorShape = errorShape;
        this.clock = clock;
    }

    void trust(String accessKeyId, String secretAccessKey) {
        secretsByAccessKey.put(accessKeyId, secretAccessKey);
    }

    @Override
    public Optional<AwsResponse> reject(AwsRequest request) {
        String authorization = request.header("authorization");
        if (authorization == null && "sts".equals(signingName) && UNSIGNED_STS_OPERATIONS.contains(request.operation())) {
            // STS authenticates these by the web identity token or SAML assertion in the body; the SDK sends them
            // unsigned, as AWS documents.
            return Optional.empty();
        }
        if (authorization == null || !authorization.startsWith(ALGORITHM + " ")) {
            return error(403, "IncompleteSignature", "Authorization header missing or not " + ALGORITHM);
        }
        Map<String, String> parts = authorizationParts(authorization.substring(ALGORITHM.length() + 1));
        String credential = parts.get("Credential");
        String signedHeaders = parts.get("SignedHeaders");
        String signature = parts.get("Signature");
        if (credential == null || signedHeaders == null || signature == null) {
            return error(403, "IncompleteSignature", "Authorization header lacks Credential, SignedHeaders or Signature");
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !"aws4_request".equals(scope[4])) {
            return error(403, "IncompleteSignature", "malformed credential scope");
        }
        String secret = secretsByAccessKey.get(scope[0]);
        if (secret == null) {
            return error(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
        }
        if (!region.equals(scope[2]) || !signingName.equals(scope[3])) {
            return error(403, "SignatureDoesNotMatch",
                    "Credential should be scoped to region '" + region + "' and service '" + signingName + "'");
        }
        String amzDate = request.header("x-amz-date");
        if (amzDate == null) {
            return error(403, "IncompleteSignature", "X-Amz-Date header missing");
        }
        Instant signedAt;
        try {
            signedAt = Instant.from(AMZ_DATE.parse(amzDate));
        } catch (DateTimeParseException e) {
            return error(403, "IncompleteSignature", "X-Amz-Date is not yyyyMMddTHHmmssZ");
        }
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(MAX_SKEW) > 0) {
            return error(403, "SignatureDoesNotMatch", "Signature expired: request time too skewed");
        }
        if (!amzDate.startsWith(scope[1])) {
            return error(403, "SignatureDoesNotMatch", "credential scope date does not match X-Amz-Date");
        }
        List<String> signed = List.of(signedHeaders.split(";"));
        if (!signed.contains("host")) {
            return error(403, "SignatureDoesNotMatch", "the host header must be signed");
        }
        String canonicalRequest = canonicalRequest(request, signed);
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n"
                + String.join("/", scope[1], scope[2], scope[3], scope[4]) + "\n" + hex(sha256(canonicalRequest));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope[1]);
        key = hmac(key, scope[2]);
        key = hmac(key, scope[3]);
        key = hmac(key, "aws4_request");
        String expected = hex(hmac(key, stringToSign));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
            return error(403, "SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided.");
        }
        return Optional.empty();
    }

    private Optional<AwsResponse> error(int status, String code, String message) {
        return Optional.of(errorShape.apply(status, new String[] {code, message}));
    }

    private static Map<String, String> authorizationParts(String text) {
        Map<String, String> parts = new TreeMap<>();
        for (String part : text.split(",")) {
            String trimmed = part.trim();
            int eq = trimmed.indexOf('=');
            if (eq > 0) {
                parts.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
            }
        }
        return parts;
    }

    private static String canonicalRequest(AwsRequest request, List<String> signedHeaders) {
        StringBuilder headers = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values = request.headers().getOrDefault(name, List.of());
            List<String> trimmed = new ArrayList<>();
            for (String value : values) {
                trimmed.add(value.trim().replaceAll(" +", " "));
            }
            headers.append(name).append(':').append(String.join(",", trimmed)).append('\n');
        }
        return request.method() + "\n"
                + canonicalUri(request.rawPath()) + "\n"
                + canonicalQuery(request.rawQuery()) + "\n"
                + headers + "\n"
                + String.join(";", signedHeaders) + "\n"
                + hex(sha256(request.body()));
    }

    /** Services other than S3 sign the path URI-encoded twice: encode the already-encoded raw path once more. */
    private static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder();
        for (byte b : rawPath.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c == '/' || isUnreserved(c)) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            sorted.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        List<String> pairs = new ArrayList<>();
        sorted.forEach((key, values) -> values.stream().sorted().forEach(value -> pairs.add(key + "=" + value)));
        return String.join("&", pairs);
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }

    private static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
