package io.jenkins.plugins.securepipeline.signing.attest;

import io.jenkins.plugins.securepipeline.image.InvalidImageException;
import io.jenkins.plugins.securepipeline.image.JsonFields;
import io.jenkins.plugins.securepipeline.image.StrictJson;

/**
 * A predicate to attest: its type URI and its JSON object, as given. {@code source} names where it came from (a file,
 * "provenance") for messages.
 */
public record Predicate(String predicateType, byte[] json, String source) {
    public Predicate {
        json = json.clone();
    }

    @Override
    public byte[] json() {
        return json.clone();
    }

    public static Predicate provenance(SlsaProvenance provenance) {
        return new Predicate(PredicateTypes.SLSA_PROVENANCE_V1, provenance.toPredicateJson(), "provenance");
    }

    /** A predicate of a named type (short name or URI, see {@link PredicateTypes#resolve}); must be a JSON object. */
    public static Predicate of(String typeNameOrUri, byte[] json, String source) throws InvalidImageException {
        String type;
        try {
            type = PredicateTypes.resolve(typeNameOrUri, source);
        } catch (IllegalArgumentException e) {
            throw new InvalidImageException(e.getMessage());
        }
        StrictJson.parseObject(json, source);
        return new Predicate(type, json, source);
    }

    /**
     * An SBOM file, its type recognised from its content: CycloneDX JSON has {@code "bomFormat": "CycloneDX"}, SPDX
     * JSON has {@code spdxVersion} starting with {@code SPDX-}. Anything else is refused (name the type with an
     * explicit predicate instead).
     */
    public static Predicate sbom(byte[] json, String source) throws InvalidImageException {
        JsonFields document = StrictJson.parseObject(json, source);
        Object bomFormat = document.asMap().get("bomFormat");
        Object spdxVersion = document.asMap().get("spdxVersion");
        if ("CycloneDX".equals(bomFormat)) {
            return new Predicate(PredicateTypes.CYCLONEDX, json, source);
        }
        if (spdxVersion instanceof String version && version.startsWith("SPDX-")) {
            return new Predicate(PredicateTypes.SPDX, json, source);
        }
        throw new InvalidImageException(source + ": not a CycloneDX JSON (\"bomFormat\": \"CycloneDX\") or SPDX JSON"
                + " (\"spdxVersion\": \"SPDX-...\") document");
    }
}
