package io.jenkins.plugins.securepipeline.signing.attest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a verification requires of an image's attestations. A builder id or source repository pattern implies a
 * provenance is required; {@code requireSbom} is satisfied by a CycloneDX or an SPDX attestation.
 */
public record AttestationPolicy(Set<String> requiredPredicateTypes, boolean requireProvenance,
        GlobPattern builderId, GlobPattern sourceRepository, boolean requireSbom) {

    public AttestationPolicy {
        requiredPredicateTypes = Set.copyOf(requiredPredicateTypes);
        requireProvenance = requireProvenance || builderId != null || sourceRepository != null;
    }

    public static AttestationPolicy none() {
        return new AttestationPolicy(Set.of(), false, null, null, false);
    }

    /**
     * What both require: every type either requires, provenance or an SBOM if either does, and builder id and source
     * repository matching both patterns. An administrator's policy combined with a pipeline's can only get stricter.
     */
    public AttestationPolicy and(AttestationPolicy other) {
        Set<String> types = new LinkedHashSet<>(requiredPredicateTypes);
        types.addAll(other.requiredPredicateTypes);
        return new AttestationPolicy(types, requireProvenance || other.requireProvenance,
                GlobPattern.both(builderId, other.builderId), GlobPattern.both(sourceRepository, other.sourceRepository),
                requireSbom || other.requireSbom);
    }

    /** True when nothing is required, so attestations need not be fetched at all. */
    public boolean isEmpty() {
        return requiredPredicateTypes.isEmpty() && !requireProvenance && !requireSbom;
    }

    /** The policy in words, for logs and results. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        Set<String> types = new LinkedHashSet<>(requiredPredicateTypes);
        if (requireProvenance) {
            lines.add("a SLSA provenance v1"
                    + (builderId == null ? "" : " with builder id matching " + builderId)
                    + (sourceRepository == null ? "" : (builderId == null ? " with" : " and") + " source repository matching "
                            + sourceRepository));
            types.remove(PredicateTypes.SLSA_PROVENANCE_V1);
        }
        if (requireSbom) {
            lines.add("an SBOM (CycloneDX or SPDX)");
        }
        types.forEach(type -> lines.add("an attestation of type " + type));
        return lines;
    }
}
