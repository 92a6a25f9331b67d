package io.jenkins.plugins.securepipeline.signing.cosign;

import io.jenkins.plugins.securepipeline.image.Digest;
import io.jenkins.plugins.securepipeline.image.InvalidImageException;
import io.jenkins.plugins.securepipeline.image.JsonFields;
import io.jenkins.plugins.securepipeline.image.StrictJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * cosign's "simple signing" payload, the bytes that are signed:
 * {@code {"critical":{"identity":{"docker-reference":R},"image":{"docker-manifest-digest":D},"type":T},"optional":O}}.
 * Reading is strict (exact key sets, the exact type string) because a verifier that tolerates extra or missing
 * fields can be made to accept a payload about something else.
 */
public record SimpleSigningPayload(String dockerReference, Digest imageDigest, Map<String, Object> optional) {
    public static final String TYPE = "cosign container image signature";
    public static final int MAX_BYTES = 1024 * 1024;

    public SimpleSigningPayload {
        optional = optional == null ? null : Map.copyOf(optional);
    }

    /** The payload bytes as cosign writes them: compact JSON, {@code optional} null when empty. */
    public byte[] toBytes() {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("docker-reference", dockerReference);
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("docker-manifest-digest", imageDigest.toString());
        Map<String, Object> critical = new LinkedHashMap<>();
        critical.put("identity", identity);
        critical.put("image", image);
        critical.put("type", TYPE);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("critical", critical);
        json.put("optional", optional == null || optional.isEmpty() ? null : new java.util.TreeMap<>(optional));
        return StrictJson.write(json);
    }

    public static SimpleSigningPayload parse(byte[] bytes, String source) throws InvalidImageException {
        if (bytes.length > MAX_BYTES) {
            throw new InvalidImageException(source + ": signature payload over " + MAX_BYTES + " bytes");
        }
        JsonFields json = StrictJson.parseObject(bytes, source);
        json.requireOnlyKeys(Set.of("critical", "optional"));
        JsonFields critical = json.object("critical");
        requireExactKeys(critical, Set.of("identity", "image", "type"));
        if (!TYPE.equals(critical.string("type"))) {
            throw critical.error("type", "must be \"" + TYPE + "\"");
        }
        JsonFields identity = critical.object("identity");
        requireExactKeys(identity, Set.of("docker-reference"));
        JsonFields image = critical.object("image");
        requireExactKeys(image, Set.of("docker-manifest-digest"));
        Digest digest = Digest.parse(image.string("docker-manifest-digest"),
                source + ": critical.image.docker-manifest-digest");
        Object optional = json.asMap().get("optional");
        if (optional != null && !(optional instanceof Map)) {
            throw json.error("optional", "must be an object or null");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> optionalMap = (Map<String, Object>) optional;
        return new SimpleSigningPayload(identity.string("docker-reference"), digest, optionalMap);
    }

    private static void requireExactKeys(JsonFields json, Set<String> keys) throws InvalidImageException {
        json.requireOnlyKeys(keys);
        for (String key : keys) {
            if (!json.keys().contains(key)) {
                throw json.error(key, "missing");
            }
        }
    }
}
