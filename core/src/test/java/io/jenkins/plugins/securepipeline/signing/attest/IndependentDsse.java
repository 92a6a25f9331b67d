package io.jenkins.plugins.securepipeline.signing.attest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * A separate, minimal implementation of what {@code cosign attest --key} stores and {@code cosign verify-attestation
 * --key} checks, written from the DSSE, in-toto and cosign sources for cross-checking: PAE built as a string, Jackson
 * for JSON, BouncyCastle's low-level ECDSA, its own plain HTTP calls. It shares no code with production classes.
 */
final class IndependentDsse {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final X9ECParameters P256 = ECNamedCurveTable.getByName("P-256");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(P256.getCurve(), P256.getG(), P256.getN(), P256.getH());

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String authorization;

    IndependentDsse(String registry, String authorization) {
        this.base = "http://" + registry;
        this.authorization = authorization;
    }

    /** PAE as the DSSE protocol text states it, assembled from a formatted header. */
    static byte[] pae(String type, byte[] body) {
        byte[] typeBytes = type.getBytes(StandardCharsets.UTF_8);
        byte[] header = String.format("DSSEv1 %d %s %d ", typeBytes.length, type, body.length).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[header.length + body.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(body, 0, out, header.length, body.length);
        return out;
    }

    static byte[] sha256(byte[] data) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    static String digestOf(byte[] data) {
        return "sha256:" + HexFormat.of().formatHex(sha256(data));
    }

    static byte[] sign(ECPrivateKey key, byte[] message) throws IOException {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(key.getS(), DOMAIN));
        BigInteger[] rs = signer.generateSignature(sha256(message));
        return new DERSequence(new ASN1Encodable[] {new ASN1Integer(rs[0]), new ASN1Integer(rs[1])}).getEncoded();
    }

    static boolean verify(ECPublicKey key, byte[] message, byte[] der) {
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(der);
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, new ECPublicKeyParameters(
                    P256.getCurve().createPoint(key.getW().getAffineX(), key.getW().getAffineY()), DOMAIN));
            return verifier.verifySignature(sha256(message), ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue(),
                    ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A statement in cosign's own v0.1 form. */
    static byte[] statement(String type, String name, String digest, String predicateType, String predicate) {
        return ("{\"_type\":\"" + type + "\",\"predicateType\":\"" + predicateType + "\",\"subject\":[{\"name\":\"" + name
                + "\",\"digest\":{\"sha256\":\"" + digest.substring(7) + "\"}}],\"predicate\":" + predicate + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] envelope(String payloadType, byte[] payload, byte[] signature) throws IOException {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("payloadType", payloadType);
        envelope.put("payload", Base64.getEncoder().encodeToString(payload));
        envelope.putArray("signatures").addObject().put("keyid", "").put("sig", Base64.getEncoder().encodeToString(signature));
        return JSON.writeValueAsBytes(envelope);
    }

    /** Replaces the .att manifest with these envelopes as layers. */
    void publish(String repository, String imageDigest, List<byte[]> envelopes, String predicateType) throws Exception {
        ArrayNode layers = JSON.createArrayNode();
        for (byte[] envelope : envelopes) {
            uploadBlob(repository, envelope);
            ObjectNode layer = layers.addObject();
            layer.put("mediaType", "application/vnd.dsse.envelope.v1+json");
            layer.put("size", envelope.length);
            layer.put("digest", digestOf(envelope));
            layer.putObject("annotations").put("dev.cosignproject.cosign/signature", "").put("predicateType", predicateType);
        }
        byte[] config = "{\"architecture\":\"\",\"os\":\"\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]},\"config\":{}}"
                .getBytes(StandardCharsets.UTF_8);
        uploadBlob(repository, config);
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        manifest.putObject("config").put("mediaType", "application/vnd.oci.image.config.v1+json")
                .put("size", config.length).put("digest", digestOf(config));
        manifest.set("layers", layers);
        HttpResponse<String> put = http.send(request(base + "/v2/" + repository + "/manifests/" + attTag(imageDigest))
                .header("Content-Type", "application/vnd.oci.image.manifest.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(manifest))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() != 201) {
            throw new IOException("independent publish failed: " + put.statusCode() + " " + put.body());
        }
    }

    private HttpRequest.Builder request(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Authorization", authorization);
    }

    static String attTag(String imageDigest) {
        return imageDigest.replace(':', '-') + ".att";
    }

    private void uploadBlob(String repository, byte[] content) throws Exception {
        HttpResponse<String> start = http.send(request(base + "/v2/" + repository + "/blobs/uploads/")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        URI uri = URI.create(base).resolve(start.headers().firstValue("Location").orElseThrow());
        String put = uri + (uri.getQuery() == null ? "?" : "&") + "digest=" + digestOf(content).replace(":", "%3A");
        HttpResponse<String> done = http.send(request(put).PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (done.statusCode() != 201) {
            throw new IOException("independent upload failed: " + done.statusCode() + " " + done.body());
        }
    }

    /** The manifest under a tag, or null. */
    JsonNode manifest(String repository, String tag) throws Exception {
        HttpResponse<byte[]> response = http.send(request(base + "/v2/" + repository + "/manifests/" + tag)
                .header("Accept", "application/vnd.oci.image.manifest.v1+json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        return response.statusCode() == 404 ? null : JSON.readTree(response.body());
    }

    byte[] blob(String repository, String digest) throws Exception {
        byte[] body = http.send(request(base + "/v2/" + repository + "/blobs/" + digest).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        if (!digestOf(body).equals(digest)) {
            throw new IOException("blob " + digest + " does not match its digest");
        }
        return body;
    }

    /** The .att layers, or an empty list. */
    List<JsonNode> attestationLayers(String repository, String imageDigest) throws Exception {
        JsonNode manifest = manifest(repository, attTag(imageDigest));
        List<JsonNode> layers = new ArrayList<>();
        if (manifest != null) {
            manifest.get("layers").forEach(layers::add);
        }
        return layers;
    }

    /**
     * cosign verify-attestation --key --type URI: the statements (parsed) of DSSE layers whose envelope has the
     * in-toto payload type, a signature by the key over the PAE, the wanted predicate type and this digest as subject.
     */
    List<JsonNode> verifiedStatements(String repository, String imageDigest, ECPublicKey key, String predicateType)
            throws Exception {
        List<JsonNode> statements = new ArrayList<>();
        for (JsonNode layer : attestationLayers(repository, imageDigest)) {
            if (!"application/vnd.dsse.envelope.v1+json".equals(layer.get("mediaType").asText())) {
                continue;
            }
            JsonNode envelope = JSON.readTree(blob(repository, layer.get("digest").asText()));
            if (!"application/vnd.in-toto+json".equals(envelope.get("payloadType").asText())) {
                continue;
            }
            byte[] payload = Base64.getDecoder().decode(envelope.get("payload").asText());
            byte[] pae = pae("application/vnd.in-toto+json", payload);
            boolean signed = false;
            for (JsonNode signature : envelope.get("signatures")) {
                signed |= verify(key, pae, Base64.getDecoder().decode(signature.get("sig").asText()));
            }
            JsonNode statement = JSON.readTree(payload);
            if (signed && predicateType.equals(statement.get("predicateType").asText())
                    && imageDigest.substring(7).equals(statement.get("subject").get(0).get("digest").get("sha256").asText())) {
                statements.add(statement);
            }
        }
        return statements;
    }
}
