package io.jenkins.plugins.securepipeline.signing.cosign;

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
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * A deliberately separate, minimal implementation of cosign's key-based signature format, written from the spec for
 * cross-checking: its own HTTP calls (monolithic blob upload, plain GETs), Jackson for JSON, BouncyCastle's low-level
 * ECDSA. It shares no code with the production signer, verifier or registry client.
 */
final class IndependentCosign {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final X9ECParameters P256 = ECNamedCurveTable.getByName("P-256");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(P256.getCurve(), P256.getG(), P256.getN(), P256.getH());

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String authorization;

    IndependentCosign(String registry, String authorization) {
        this.base = "http://" + registry;
        this.authorization = authorization;
    }

    static String payload(String dockerReference, String digest) {
        return "{\"critical\":{\"identity\":{\"docker-reference\":\"" + dockerReference + "\"},\"image\":{\"docker-manifest-digest\":\""
                + digest + "\"},\"type\":\"cosign container image signature\"},\"optional\":null}";
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

    static byte[] sign(ECPrivateKey key, byte[] payload) throws IOException {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(key.getS(), DOMAIN));
        BigInteger[] rs = signer.generateSignature(sha256(payload));
        return new DERSequence(new ASN1Encodable[] {new ASN1Integer(rs[0]), new ASN1Integer(rs[1])}).getEncoded();
    }

    static boolean verify(ECPublicKey key, byte[] payload, byte[] der) {
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(der);
            BigInteger r = ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
            BigInteger s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, new ECPublicKeyParameters(
                    P256.getCurve().createPoint(key.getW().getAffineX(), key.getW().getAffineY()), DOMAIN));
            return verifier.verifySignature(sha256(payload), r, s);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Stores one signature layer (replacing the .sig manifest with {@code layers} plus this one). */
    void publish(String repository, String imageDigest, byte[] payload, byte[] signature, List<ObjectNode> earlierLayers)
            throws Exception {
        uploadBlob(repository, payload);
        ArrayNode layers = JSON.createArrayNode();
        earlierLayers.forEach(layers::add);
        ObjectNode layer = layers.addObject();
        layer.put("mediaType", "application/vnd.dev.cosign.simplesigning.v1+json");
        layer.put("size", payload.length);
        layer.put("digest", digestOf(payload));
        layer.putObject("annotations").put("dev.cosignproject.cosign/signature", Base64.getEncoder().encodeToString(signature));
        byte[] config = "{\"architecture\":\"\",\"os\":\"\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]},\"config\":{}}"
                .getBytes(StandardCharsets.UTF_8);
        uploadBlob(repository, config);
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        ObjectNode configNode = manifest.putObject("config");
        configNode.put("mediaType", "application/vnd.oci.image.config.v1+json");
        configNode.put("size", config.length);
        configNode.put("digest", digestOf(config));
        manifest.set("layers", layers);
        byte[] bytes = JSON.writeValueAsBytes(manifest);
        String tag = imageDigest.replace(':', '-') + ".sig";
        HttpResponse<String> put = http.send(request(base + "/v2/" + repository + "/manifests/" + tag)
                .header("Content-Type", "application/vnd.oci.image.manifest.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() != 201) {
            throw new IOException("independent publish failed: " + put.statusCode() + " " + put.body());
        }
    }

    private void uploadBlob(String repository, byte[] content) throws Exception {
        HttpResponse<String> start = http.send(request(base + "/v2/" + repository + "/blobs/uploads/")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        String location = start.headers().firstValue("Location").orElseThrow();
        URI uri = URI.create(base).resolve(location);
        String put = uri + (uri.getQuery() == null ? "?" : "&") + "digest=" + digestOf(content).replace(":", "%3A");
        HttpResponse<String> done = http.send(request(put).PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (done.statusCode() != 201) {
            throw new IOException("independent upload failed: " + done.statusCode() + " " + done.body());
        }
    }

    /** The .sig manifest's layers, or an empty list. */
    List<ObjectNode> signatureLayers(String repository, String imageDigest) throws Exception {
        String tag = imageDigest.replace(':', '-') + ".sig";
        HttpResponse<byte[]> response = http.send(request(base + "/v2/" + repository + "/manifests/" + tag)
                .header("Accept", "application/vnd.oci.image.manifest.v1+json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 404) {
            return List.of();
        }
        List<ObjectNode> layers = new ArrayList<>();
        for (JsonNode layer : JSON.readTree(response.body()).get("layers")) {
            layers.add((ObjectNode) layer);
        }
        return layers;
    }

    /** cosign verify --key: true if some layer is validly signed by the key and names this digest. */
    boolean verifyImage(String repository, String imageDigest, ECPublicKey key) throws Exception {
        for (ObjectNode layer : signatureLayers(repository, imageDigest)) {
            JsonNode annotation = layer.path("annotations").get("dev.cosignproject.cosign/signature");
            if (annotation == null) {
                continue;
            }
            HttpResponse<byte[]> blob = http.send(request(base + "/v2/" + repository + "/blobs/" + layer.get("digest").asText())
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] payload = blob.body();
            if (!digestOf(payload).equals(layer.get("digest").asText())) {
                continue;
            }
            if (!verify(key, payload, Base64.getDecoder().decode(annotation.asText()))) {
                continue;
            }
            JsonNode parsed = JSON.readTree(payload);
            if (imageDigest.equals(parsed.path("critical").path("image").path("docker-manifest-digest").asText())
                    && "cosign container image signature".equals(parsed.path("critical").path("type").asText())) {
                return true;
            }
        }
        return false;
    }

    private HttpRequest.Builder request(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Authorization", authorization);
    }

    /** cosign's encrypted private key PEM: scrypt(N=32768,r=8,p=1) + NaCl secretbox around PKCS#8 DER. */
    static String encryptedKeyPem(ECPrivateKey key, String passphrase, String label) throws Exception {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[32];
        byte[] nonce = new byte[24];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        byte[] secret = SCrypt.generate(passphrase.getBytes(StandardCharsets.UTF_8), salt, 32768, 8, 1, 32);
        byte[] plain = key.getEncoded();
        XSalsa20Engine salsa = new XSalsa20Engine();
        salsa.init(true, new ParametersWithIV(new KeyParameter(secret), nonce));
        byte[] block0 = new byte[32];
        salsa.processBytes(new byte[32], 0, 32, block0, 0);
        byte[] cipher = new byte[plain.length];
        salsa.processBytes(plain, 0, plain.length, cipher, 0);
        Poly1305 mac = new Poly1305();
        mac.init(new KeyParameter(block0));
        mac.update(cipher, 0, cipher.length);
        byte[] tag = new byte[16];
        mac.doFinal(tag, 0);
        byte[] box = new byte[16 + cipher.length];
        System.arraycopy(tag, 0, box, 0, 16);
        System.arraycopy(cipher, 0, box, 16, cipher.length);
        ObjectNode json = JSON.createObjectNode();
        ObjectNode kdf = json.putObject("kdf");
        kdf.put("name", "scrypt");
        kdf.putObject("params").put("N", 32768).put("r", 8).put("p", 1);
        kdf.put("salt", Base64.getEncoder().encodeToString(salt));
        ObjectNode cipherNode = json.putObject("cipher");
        cipherNode.put("name", "nacl/secretbox");
        cipherNode.put("nonce", Base64.getEncoder().encodeToString(nonce));
        json.put("ciphertext", Base64.getEncoder().encodeToString(box));
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(JSON.writeValueAsBytes(json));
        Arrays.fill(secret, (byte) 0);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    static boolean sameBytes(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
