package io.jenkins.plugins.securepipeline.signing.attest;

import io.jenkins.plugins.securepipeline.image.InvalidImageException;
import io.jenkins.plugins.securepipeline.image.JsonFields;
import io.jenkins.plugins.securepipeline.image.StrictJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A DSSE envelope (Dead Simple Signing Envelope, secure-systems-lab/dsse, protocol v1): the payload and its type, and
 * signatures over the pre-authentication encoding (PAE) of both, never over the payload alone, so a signature cannot
 * be replayed for the same bytes under another type. The JSON form is
 * {@code {"payloadType":T,"payload":base64(body),"signatures":[{"keyid":K,"sig":base64(sig)}]}}.
 */
public record DsseEnvelope(String payloadType, byte[] payload, List<Signature> signatures) {
    /** The layer media type cosign stores attestations with. */
    public static final String MEDIA_TYPE = "application/vnd.dsse.envelope.v1+json";
    /** The payload type of an in-toto statement, the only one cosign accepts in an attestation. */
    public static final String IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
    /** Envelopes above this size are refused when read (SBOMs are large, but not this large). */
    public static final int MAX_BYTES = 32 * 1024 * 1024;

    /** One signature; {@code keyid} is an unauthenticated hint and never trusted. */
    public record Signature(String keyid, byte[] sig) {
        public Signature {
            keyid = keyid == null ? "" : keyid;
            sig = sig.clone();
        }

        @Override
        public byte[] sig() {
            return sig.clone();
        }
    }

    public DsseEnvelope {
        payload = payload.clone();
        signatures = List.copyOf(signatures);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /**
     * {@code PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}, LEN being the byte length in ASCII
     * decimal without leading zeros and SP one space (0x20); the type counted in its UTF-8 bytes.
     */
    public static byte[] pae(String payloadType, byte[] body) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(type.length + body.length + 32);
        out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(type);
        out.writeBytes((" " + body.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** The bytes a signer signs for this envelope. */
    public byte[] signedBytes() {
        return pae(payloadType, payload);
    }

    /** Compact JSON in the field order cosign's DSSE library writes; standard base64 with padding. */
    public byte[] toBytes() {
        Base64.Encoder base64 = Base64.getEncoder();
        List<Object> list = new ArrayList<>();
        for (Signature signature : signatures) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("keyid", signature.keyid());
            json.put("sig", base64.encodeToString(signature.sig));
            list.add(json);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("payloadType", payloadType);
        json.put("payload", base64.encodeToString(payload));
        json.put("signatures", list);
        return StrictJson.write(json);
    }

    /**
     * Reads an envelope strictly: the three fields and nothing else, base64 (standard or URL-safe, as the DSSE spec
     * allows) that decodes, at least one signature.
     */
    public static DsseEnvelope parse(byte[] bytes, String source) throws InvalidImageException {
        if (bytes.length > MAX_BYTES) {
            throw new InvalidImageException(source + ": DSSE envelope over " + MAX_BYTES + " bytes");
        }
        JsonFields json = StrictJson.parseObject(bytes, source);
        json.requireOnlyKeys(Set.of("payloadType", "payload", "signatures"));
        String payloadType = json.string("payloadType");
        byte[] payload = decode(json, "payload");
        List<Signature> signatures = new ArrayList<>();
        for (JsonFields signature : json.objects("signatures")) {
            signature.requireOnlyKeys(Set.of("keyid", "sig"));
            signatures.add(new Signature(signature.optionalString("keyid"), decode(signature, "sig")));
        }
        if (signatures.isEmpty()) {
            throw json.error("signatures", "empty: an envelope needs at least one signature");
        }
        return new DsseEnvelope(payloadType, payload, signatures);
    }

    private static byte[] decode(JsonFields json, String field) throws InvalidImageException {
        String text = json.string(field);
        try {
            return text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(text) : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw json.error(field, "not valid base64");
        }
    }

    @Override
    public String toString() {
        return "DsseEnvelope[" + payloadType + ", " + payload.length + " bytes, " + signatures.size() + " signature(s)]";
    }
}
