package io.jenkins.plugins.securepipeline.signing.attest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Predicate type URIs and the short names cosign's {@code --type} accepts for them (cosign
 * {@code cmd/cosign/cli/options/predicate.go}), so that {@code cosign verify-attestation --type cyclonedx} finds what
 * we attach with {@code cyclonedx}.
 */
public final class PredicateTypes {
    public static final String SLSA_PROVENANCE_V1 = "https://slsa.dev/provenance/v1";
    public static final String CYCLONEDX = "https://cyclonedx.org/bom";
    public static final String SPDX = "https://spdx.dev/Document";

    private static final Map<String, String> SHORT_NAMES = Map.of(
            "slsaprovenance1", SLSA_PROVENANCE_V1,
            "cyclonedx", CYCLONEDX,
            "spdx", SPDX,
            "spdxjson", SPDX);

    private PredicateTypes() {}

    /**
     * A short name (slsaprovenance1, cyclonedx, spdx, spdxjson) or an absolute URI; anything else is refused, naming
     * {@code what} (the option or field).
     */
    public static String resolve(String nameOrUri, String what) {
        if (nameOrUri == null || nameOrUri.isBlank()) {
            throw new IllegalArgumentException(what + ": a predicate type is required");
        }
        String known = SHORT_NAMES.get(nameOrUri);
        if (known != null) {
            return known;
        }
        try {
            URI uri = new URI(nameOrUri);
            if (uri.isAbsolute() && uri.getScheme() != null && !uri.isOpaque() && uri.getHost() != null) {
                return nameOrUri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + ": '" + nameOrUri + "' is neither one of " + SHORT_NAMES.keySet()
                + " nor an absolute URI such as https://example.com/predicate/v1");
    }

    /** True for the SBOM predicate types (CycloneDX, SPDX). */
    public static boolean isSbom(String predicateType) {
        return CYCLONEDX.equals(predicateType) || SPDX.equals(predicateType);
    }
}
