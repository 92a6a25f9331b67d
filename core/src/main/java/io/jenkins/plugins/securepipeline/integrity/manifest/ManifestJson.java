package io.jenkins.plugins.securepipeline.integrity.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.securepipeline.integrity.ArtifactDigest;
import io.jenkins.plugins.securepipeline.integrity.ArtifactPath;
import io.jenkins.plugins.securepipeline.integrity.ChecksumEntry;
import io.jenkins.plugins.securepipeline.integrity.ChecksumFileException;
import io.jenkins.plugins.securepipeline.integrity.ChecksumLimits;
import io.jenkins.plugins.securepipeline.integrity.DigestAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads and writes the JSON manifest, and defines its canonical bytes, the bytes a signature covers.
 *
 * <h2>Canonical bytes</h2>
 * The manifest object <em>without</em> its {@code signature} member, serialized as RFC 8785 (JCS) prescribes for
 * the values a manifest can hold: object members sorted by name (all names are ASCII, so UTF-16 and byte order
 * agree), no whitespace, arrays in their given order, integers in plain decimal, strings in UTF-8 with only
 * {@code "} and {@code \} and the control characters U+0000..U+001F escaped ({@code \b \t \n \f \r} in their short
 * forms, others as {@code \}{@code u00xx} in lower-case hex). For a manifest that means exactly:
 * <pre>{"algorithm":"sha256","files":[{"digest":"sha256:…","path":"…","size":123},…],"schema":"aws-secure-pipeline/checksums/v1"}</pre>
 * Readers recompute these bytes from the parsed values, so whitespace and member order in the file do not matter,
 * and refuse unknown members: nothing can ride along in a signed manifest without being signed.
 */
public final class ManifestJson {
    /** JSON is parsed into memory, so it gets a tighter cap than streamed coreutils files. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final Set<String> TOP_LEVEL = Set.of("schema", "algorithm", "files", "signature");
    private static final Set<String> FILE_FIELDS = Set.of("path", "size", "digest");
    private static final Set<String> SIGNATURE_FIELDS = Set.of("algorithm", "keyId", "value");

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(8)
                    .maxNumberLength(32)
                    .maxStringLength(1 << 20)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ManifestJson() {}

    /** The bytes a signature covers; see the class description. */
    public static byte[] canonicalBytes(ChecksumManifest manifest) {
        StringBuilder json = new StringBuilder(128 + manifest.files().size() * 128);
        json.append("{\"algorithm\":");
        string(json, manifest.algorithm().id());
        json.append(",\"files\":[");
        String separator = "";
        for (ChecksumEntry file : manifest.files()) {
            json.append(separator).append("{\"digest\":");
            string(json, file.digest().toString());
            json.append(",\"path\":");
            string(json, file.name());
            json.append(",\"size\":").append(file.size().getAsLong()).append('}');
            separator = ",";
        }
        json.append("],\"schema\":");
        string(json, ChecksumManifest.SCHEMA);
        json.append('}');
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The manifest as a file: same members and escaping as the canonical form, laid out one file per line. */
    public static byte[] write(ChecksumManifest manifest) {
        StringBuilder json = new StringBuilder(256 + manifest.files().size() * 140);
        json.append("{\n  \"algorithm\": ");
        string(json, manifest.algorithm().id());
        json.append(",\n  \"files\": [");
        String separator = "\n";
        for (ChecksumEntry file : manifest.files()) {
            json.append(separator).append("    {\"digest\": ");
            string(json, file.digest().toString());
            json.append(", \"path\": ");
            string(json, file.name());
            json.append(", \"size\": ").append(file.size().getAsLong()).append('}');
            separator = ",\n";
        }
        json.append(manifest.files().isEmpty() ? "]" : "\n  ]");
        json.append(",\n  \"schema\": ");
        string(json, ChecksumManifest.SCHEMA);
        if (manifest.signature().isPresent()) {
            ManifestSignature signature = manifest.signature().get();
            json.append(",\n  \"signature\": {\"algorithm\": ");
            string(json, signature.algorithm());
            json.append(", \"keyId\": ");
            string(json, signature.keyId());
            json.append(", \"value\": ");
            string(json, signature.valueBase64());
            json.append('}');
        }
        json.append("\n}\n");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\t' -> json.append("\\t");
                case '\n' -> json.append("\\n");
                case '\f' -> json.append("\\f");
                case '\r' -> json.append("\\r");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    /** Reads a manifest, checking every member; errors name the member (and the line for JSON syntax errors). */
    public static ChecksumManifest read(InputStream in, String source, ChecksumLimits limits)
            throws IOException, ChecksumFileException {
        long cap = Math.min(limits.maxBytes(), MAX_BYTES);
        byte[] bytes = in.readNBytes((int) cap + 1);
        if (bytes.length > cap) {
            throw new ChecksumFileException(source, 0, "manifest is larger than " + cap + " bytes");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            throw new ChecksumFileException(source, location == null ? 0 : location.getLineNr(),
                    "invalid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ChecksumFileException(source, 0, "a manifest must be a JSON object");
        }
        try {
            return fromTree(root, limits);
        } catch (IllegalArgumentException e) {
            throw new ChecksumFileException(source, 0, e.getMessage());
        }
    }

    private static ChecksumManifest fromTree(JsonNode root, ChecksumLimits limits) {
        onlyKnownMembers(root, TOP_LEVEL, "");
        String schema = text(root, "schema", "");
        if (!schema.equals(ChecksumManifest.SCHEMA)) {
            throw new IllegalArgumentException("schema: expected \"" + ChecksumManifest.SCHEMA + "\"");
        }
        DigestAlgorithm algorithm = DigestAlgorithm.find(text(root, "algorithm", "")).filter(a -> a.id().equals(root.get("algorithm").asText()))
                .orElseThrow(() -> new IllegalArgumentException("algorithm: expected one of sha256, sha384, sha512"));
        JsonNode files = root.get("files");
        if (files == null || !files.isArray()) {
            throw new IllegalArgumentException("files: expected an array");
        }
        if (files.size() > limits.maxEntries()) {
            throw new IllegalArgumentException("files: more than " + limits.maxEntries() + " entries");
        }
        List<ChecksumEntry> entries = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            entries.add(file(files.get(i), "files[" + i + "]", algorithm));
        }
        Optional<ManifestSignature> signature = Optional.empty();
        if (root.has("signature")) {
            signature = Optional.of(signature(root.get("signature")));
        }
        return new ChecksumManifest(algorithm, entries, signature);
    }

    private static ChecksumEntry file(JsonNode node, String where, DigestAlgorithm algorithm) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": expected an object");
        }
        onlyKnownMembers(node, FILE_FIELDS, where + ".");
        String path = text(node, "path", where + ".");
        String normalized;
        try {
            normalized = ArtifactPath.normalize(path);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".path: " + e.getMessage());
        }
        if (!normalized.equals(path)) {
            throw new IllegalArgumentException(where + ".path: must be written normalized, as '" + ArtifactPath.printable(normalized) + "'");
        }
        if (!StandardCharsets.UTF_8.newEncoder().canEncode(path)) {
            throw new IllegalArgumentException(where + ".path: contains an unpaired surrogate");
        }
        JsonNode size = node.get("size");
        if (size == null || !size.isIntegralNumber() || !size.canConvertToLong() || size.asLong() < 0) {
            throw new IllegalArgumentException(where + ".size: expected a non-negative integer");
        }
        ArtifactDigest digest;
        try {
            digest = ArtifactDigest.parse(text(node, "digest", where + "."));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".digest: " + e.getMessage());
        }
        if (digest.algorithm() != algorithm) {
            throw new IllegalArgumentException(where + ".digest: " + digest.algorithm() + " digest in a " + algorithm + " manifest");
        }
        if (!digest.toString().equals(node.get("digest").asText())) {
            throw new IllegalArgumentException(where + ".digest: must be written in lower-case hex");
        }
        return new ChecksumEntry(path, digest, OptionalLong.of(size.asLong()));
    }

    private static ManifestSignature signature(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("signature: expected an object");
        }
        onlyKnownMembers(node, SIGNATURE_FIELDS, "signature.");
        byte[] value;
        try {
            value = Base64.getDecoder().decode(text(node, "value", "signature."));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signature.value: not valid base64");
        }
        return new ManifestSignature(text(node, "algorithm", "signature."),
                node.has("keyId") ? text(node, "keyId", "signature.") : "", value);
    }

    private static void onlyKnownMembers(JsonNode node, Set<String> known, String where) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new IllegalArgumentException(where + ArtifactPath.printable(name) + ": unknown member (refused, it would not be signed)");
            }
        }
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(where + field + ": expected a string");
        }
        return value.asText();
    }
}
