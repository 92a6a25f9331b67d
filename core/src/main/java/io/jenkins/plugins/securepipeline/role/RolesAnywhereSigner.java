package io.jenkins.plugins.securepipeline.role;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Signs an IAM Roles Anywhere request with an X.509 certificate's private key: the SigV4 canonical request and
 * string to sign, with algorithm {@code AWS4-X509-RSA-SHA256} or {@code AWS4-X509-ECDSA-SHA256}, the credential
 * scope starting with the certificate's serial number in decimal, and the signature made with the private key
 * (RSA PKCS#1 v1.5 or ECDSA in ASN.1 DER, over SHA-256) instead of an HMAC. The certificate travels in
 * {@code X-Amz-X509} and its issuers in {@code X-Amz-X509-Chain}, both base64 DER and both signed.
 */
final class RolesAnywhereSigner {
    static final String SERVICE = "rolesanywhere";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final X509Certificate certificate;
    private final List<X509Certificate> chain;
    private final PrivateKey privateKey;

    RolesAnywhereSigner(X509Certificate certificate, List<X509Certificate> chain, PrivateKey privateKey) {
        this.certificate = certificate;
        this.chain = List.copyOf(chain);
        this.privateKey = privateKey;
        algorithm(); // refuse unsupported key types before any network call
    }

    String algorithm() {
        return switch (privateKey.getAlgorithm()) {
            case "RSA" -> "AWS4-X509-RSA-SHA256";
            case "EC" -> "AWS4-X509-ECDSA-SHA256";
            default -> throw new InvalidRoleRequestException("privateKey",
                    privateKey.getAlgorithm() + " keys are not supported by IAM Roles Anywhere (RSA or EC only)");
        };
    }

    /**
     * The headers to send, Authorization included, for a request with this host (as sent in the Host header),
     * path and body, signed at {@code now} for {@code region}.
     */
    Map<String, String> sign(String host, String path, byte[] body, String region, Instant now) {
        String amzDate = AMZ_DATE.format(now);
        TreeMap<String, String> signed = new TreeMap<>();
        signed.put("content-type", "application/json");
        signed.put("host", host);
        signed.put("x-amz-date", amzDate);
        signed.put("x-amz-x509", der(certificate));
        if (!chain.isEmpty()) {
            signed.put("x-amz-x509-chain", chain.stream().map(RolesAnywhereSigner::der).collect(Collectors.joining(",")));
        }
        String signedHeaders = String.join(";", signed.keySet());
        String canonicalHeaders = signed.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue().strip() + "\n")
                .collect(Collectors.joining());
        String canonicalRequest = "POST\n" + path + "\n\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + hexSha256(body);
        String scope = amzDate.substring(0, 8) + "/" + region + "/" + SERVICE + "/aws4_request";
        String stringToSign = algorithm() + "\n" + amzDate + "\n" + scope + "\n"
                + hexSha256(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        String signature = HexFormat.of().formatHex(signatureOf(stringToSign));
        Map<String, String> headers = new LinkedHashMap<>(signed);
        headers.remove("host"); // the HTTP client sets it from the URI; it was signed with the same value
        headers.put("authorization", algorithm() + " Credential=" + certificate.getSerialNumber() + "/" + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
        return headers;
    }

    private byte[] signatureOf(String stringToSign) {
        try {
            Signature signer = Signature.getInstance(privateKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA");
            signer.initSign(privateKey);
            signer.update(stringToSign.getBytes(StandardCharsets.UTF_8));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            // The key is not described: only that signing failed and the type.
            throw new InvalidRoleRequestException("privateKey", "cannot sign with this " + privateKey.getAlgorithm()
                    + " key (" + e.getClass().getSimpleName() + ")");
        }
    }

    static String der(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new InvalidRoleRequestException("certificate", "cannot be DER-encoded");
        }
    }

    static String hexSha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
