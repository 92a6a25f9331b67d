package io.jenkins.plugins.securepipeline.image;

import java.util.LinkedHashMap;
import java.util.Map;

/** An OCI content descriptor: what a manifest or index says about one blob or child manifest. */
public record Descriptor(String mediaType, Digest digest, long size, Map<String, String> annotations,
        Map<String, Object> platform) {

    public Descriptor {
        annotations = Map.copyOf(annotations);
        platform = platform == null ? null : Map.copyOf(platform);
    }

    public Descriptor(String mediaType, Digest digest, long size) {
        this(mediaType, digest, size, Map.of(), null);
    }

    /** Strictly parses a descriptor; errors name the file and field. */
    public static Descriptor parse(JsonFields json, String where) throws InvalidImageException {
        String mediaType = json.string("mediaType");
        Digest digest = Digest.parse(json.string("digest"), json.source() + ": " + where + ".digest");
        long size = json.nonNegativeLong("size");
        Map<String, String> annotations = json.stringMap("annotations");
        JsonFields platform = json.optionalObject("platform");
        return new Descriptor(mediaType, digest, size, annotations, platform == null ? null : platform.asMap());
    }

    /** The JSON form; fields in the order the OCI spec lists them. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mediaType", mediaType);
        json.put("digest", digest.toString());
        json.put("size", size);
        if (!annotations.isEmpty()) {
            json.put("annotations", new java.util.TreeMap<>(annotations)); // sorted, as Go writes maps
        }
        if (platform != null) {
            json.put("platform", platform);
        }
        return json;
    }
}
