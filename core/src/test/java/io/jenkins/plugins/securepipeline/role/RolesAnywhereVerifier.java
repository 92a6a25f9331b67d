package io.jenkins.plugins.securepipeline.role;

import io.jenkins.plugins.securepipeline.aws.testing.AwsRequest;
import io.jenkins.plugins.securepipeline.aws.testing.AwsResponse;
import io.jenkins.plugins.securepipeline.aws.testing.RequestVerifier;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checks an IAM Roles Anywhere request as the service does, written from the documented signing process and
 * independent of {@link RolesAnywhereSigner}: the certificate in {@code X-Amz-X509} must be issued by the trust
 * anchor, its serial must be the credential, the algorithm must fit its key, and the signature over the SigV4 string
 * to sign must verify with the certificate's public key.
 */
public final class RolesAnywhereVerifier implements RequestVerifier {
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final PublicKey trustAnchor;
    private final String region;

    public RolesAnywhereVerifier(X509Certificate trustAnchor, String region) {
        this.trustAnchor = trustAnchor.getPublicKey();
        this.region = region;
    }

    @Override
    public Optional<AwsResponse> reject(AwsRequest request) {
        String authorization = request.header("authorization");
        if (authorization == null) {
            return deny("missing Authorization");
        }
        int space = authorization.indexOf(' ');
        String algorithm = space < 0 ? authorization : authorization.substring(0, space);
        Map<String, String> parts = new TreeMap<>();
        for (String part : authorization.substring(space + 1).split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2) {
                parts.put(kv[0], kv[1]);
            }
        }
        String[] scope = parts.getOrDefault("Credential", "").split("/");
        String signedHeaders = parts.get("SignedHeaders");
        String signature = parts.get("Signature");
        if (scope.length != 5 || signedHeaders == null || signature == null) {
            return deny("incomplete Authorization");
        }
        X509Certificate certificate;
        try {
            certificate = certificate(request.header("x-amz-x509"));
            certificate.checkValidity();
            certificate.verify(trustAnchor);
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return deny("certificate not issued by the trust anchor or invalid");
        }
        if (!scope[0].equals(certificate.getSerialNumber().toString())) {
            return deny("credential is not the certificate serial number");
        }
        String expectedAlgorithm = switch (certificate.getPublicKey().getAlgorithm()) {
            case "RSA" -> "AWS4-X509-RSA-SHA256";
            case "EC" -> "AWS4-X509-ECDSA-SHA256";
            default -> "unsupported";
        };
        if (!algorithm.equals(expectedAlgorithm)) {
            return deny("algorithm " + algorithm + " does not fit the certificate key");
        }
        if (!scope[2].equals(region) || !scope[3].equals("rolesanywhere") || !scope[4].equals("aws4_request")) {
            return deny("credential scope is not " + region + "/rolesanywhere");
        }
        String amzDate = request.header("x-amz-date");
        if (amzDate == null || !amzDate.startsWith(scope[1])) {
            return deny("X-Amz-Date missing or not the scope date");
        }
        if (Duration.between(Instant.from(AMZ_DATE.parse(amzDate)), Instant.now()).abs().toMinutes() > 15) {
            return deny("request time skewed");
        }
        List<String> signed = List.of(signedHeaders.split(";"));
        for (String required : List.of("content-type", "host", "x-amz-date", "x-amz-x509")) {
            if (!signed.contains(required)) {
                return deny(required + " must be signed");
            }
        }
        if (request.header("x-amz-x509-chain") != null && !signed.contains("x-amz-x509-chain")) {
            return deny("x-amz-x509-chain must be signed");
        }
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signed) {
            canonicalHeaders.append(name).append(':').append(String.join(",", request.headers().getOrDefault(name, List.of())).trim()).append('\n');
        }
        String canonicalRequest = request.method() + "\n" + request.path() + "\n" + (request.rawQuery() == null ? "" : request.rawQuery())
                + "\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + hex(sha256(request.body()));
        String stringToSign = algorithm + "\n" + amzDate + "\n" + String.join("/", scope[1], scope[2], scope[3], scope[4])
                + "\n" + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        try {
            Signature verifier = Signature.getInstance(expectedAlgorithm.contains("RSA") ? "SHA256withRSA" : "SHA256withECDSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(stringToSign.getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(HexFormat.of().parseHex(signature))) {
                return deny("signature does not verify");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return deny("signature does not verify");
        }
        return Optional.empty();
    }

    /** The chain header, decoded, for assertions. */
    static List<X509Certificate> chain(AwsRequest request) throws GeneralSecurityException {
        List<X509Certificate> chain = new ArrayList<>();
        String header = request.header("x-amz-x509-chain");
        if (header != null) {
            for (String der : header.split(",")) {
                chain.add(certificate(der));
            }
        }
        return chain;
    }

    private static X509Certificate certificate(String base64Der) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64Der)));
    }

    private static Optional<AwsResponse> deny(String why) {
        return Optional.of(AwsResponse.jsonError(403, "AccessDeniedException", "Untrusted signing certificate: " + why)
                .withHeader("x-amzn-ErrorType", "AccessDeniedException:http://internal.amazon.com/coral/com.amazon.rolesanywhere/"));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
