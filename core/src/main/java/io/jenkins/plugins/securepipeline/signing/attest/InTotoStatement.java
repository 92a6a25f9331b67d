package io.jenkins.plugins.securepipeline.signing.attest;

import io.jenkins.plugins.securepipeline.image.Digest;
import io.jenkins.plugins.securepipeline.image.InvalidImageException;
import io.jenkins.plugins.securepipeline.image.JsonFields;
import io.jenkins.plugins.securepipeline.image.StrictJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An in-toto attestation Statement (in-toto/attestation spec v1): {@code _type}, the subjects (name and digests), the
 * predicate type and the predicate. Written as v1; read as v1 or v0.1 (what cosign itself writes), because the two
 * have the same layout for what is checked here.
 */
public final class InTotoStatement {
    public static final String TYPE_V1 = "https://in-toto.io/Statement/v1";
    public static final String TYPE_V01 = "https://in-toto.io/Statement/v0.1";

    /** One subject: a name and its digests by algorithm (lower-case hex). */
    public record Subject(String name, Map<String, String> digest) {
        public Subject {
            digest = Map.copyOf(digest);
        }
    }

    private final String type;
    private final List<Subject> subjects;
    private final String predicateType;
    private final byte[] predicateJson;

    private InTotoStatement(String type, List<Subject> subjects, String predicateType, byte[] predicateJson) {
        this.type = type;
        this.subjects = List.copyOf(subjects);
        this.predicateType = predicateType;
        this.predicateJson = predicateJson.clone();
    }

    /**
     * A v1 statement about one image: subject name the repository (as cosign names it), digest its sha256.
     *
     * @param predicateJson a JSON object, embedded as given (only surrounding whitespace removed); refused, naming
     *     {@code source}, when it is not strict JSON or not an object
     */
    public static InTotoStatement forImage(String repositoryReference, Digest imageDigest, String predicateType,
            byte[] predicateJson, String source) throws InvalidImageException {
        if (!(StrictJson.parse(predicateJson, source) instanceof Map)) {
            throw new InvalidImageException(source + ": a predicate must be a JSON object");
        }
        return new InTotoStatement(TYPE_V1, List.of(new Subject(repositoryReference, Map.of("sha256", imageDigest.hex()))),
                predicateType, trim(predicateJson));
    }

    public String type() {
        return type;
    }

    public List<Subject> subjects() {
        return subjects;
    }

    public String predicateType() {
        return predicateType;
    }

    public byte[] predicateJson() {
        return predicateJson.clone();
    }

    /** True when some subject's sha256 is this digest. */
    public boolean hasSubject(Digest digest) {
        return subjects.stream().anyMatch(subject -> digest.hex().equals(subject.digest().get("sha256")));
    }

    /**
     * The statement bytes: compact JSON {@code {"_type":..,"subject":[{"name":..,"digest":{"sha256":..}}],
     * "predicateType":..,"predicate":<the predicate as given>}}.
     */
    public byte[] toBytes() {
        List<Object> subjectList = new ArrayList<>();
        for (Subject subject : subjects) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", subject.name());
            json.put("digest", new java.util.TreeMap<>(subject.digest()));
            subjectList.add(json);
        }
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("_type", type);
        head.put("subject", subjectList);
        head.put("predicateType", predicateType);
        byte[] headBytes = StrictJson.write(head);
        ByteArrayOutputStream out = new ByteArrayOutputStream(headBytes.length + predicateJson.length + 16);
        out.write(headBytes, 0, headBytes.length - 1); // without the closing brace
        out.writeBytes(",\"predicate\":".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(predicateJson);
        out.write('}');
        return out.toByteArray();
    }

    /** Reads a statement strictly: the four fields only, at least one subject, an object predicate. */
    public static InTotoStatement parse(byte[] bytes, String source) throws InvalidImageException {
        JsonFields json = StrictJson.parseObject(bytes, source);
        json.requireOnlyKeys(Set.of("_type", "subject", "predicateType", "predicate"));
        String type = json.string("_type");
        if (!TYPE_V1.equals(type) && !TYPE_V01.equals(type)) {
            throw json.error("_type", "must be " + TYPE_V1 + " (or " + TYPE_V01 + "), not " + type);
        }
        List<Subject> subjects = new ArrayList<>();
        for (JsonFields subject : json.objects("subject")) {
            Map<String, String> digests = subject.stringMap("digest");
            if (digests.isEmpty()) {
                throw subject.error("digest", "missing or empty");
            }
            subjects.add(new Subject(subject.optionalString("name"), digests));
        }
        if (subjects.isEmpty()) {
            throw json.error("subject", "empty: a statement needs at least one subject");
        }
        Object predicate = json.asMap().get("predicate");
        if (!(predicate instanceof Map)) {
            throw json.error("predicate", "missing or not an object");
        }
        return new InTotoStatement(type, subjects, json.string("predicateType"), StrictJson.write(predicate));
    }

    /** The predicate as parsed JSON fields, for checks on its content. */
    public JsonFields predicate(String source) throws InvalidImageException {
        return StrictJson.parseObject(predicateJson, source);
    }

    private static byte[] trim(byte[] json) {
        int start = 0;
        int end = json.length;
        while (start < end && isJsonWhitespace(json[start])) {
            start++;
        }
        while (end > start && isJsonWhitespace(json[end - 1])) {
            end--;
        }
        return java.util.Arrays.copyOfRange(json, start, end);
    }

    private static boolean isJsonWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
