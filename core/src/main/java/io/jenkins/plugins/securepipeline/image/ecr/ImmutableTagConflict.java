package io.jenkins.plugins.securepipeline.image.ecr;

import io.jenkins.plugins.securepipeline.image.registry.RegistryException;
import java.util.Locale;

/**
 * Turns a registry's refusal to overwrite an immutable tag into a plain explanation. ECR answers a manifest PUT to an
 * existing immutable tag with {@code TAG_INVALID} (older answers: {@code MANIFEST_INVALID}) and text about
 * immutability. For cosign's {@code sha256-<hex>.sig} and {@code .att} tags this happens on the second signature or
 * attestation of a digest, and the fix is an exclusion filter, which is spelled out.
 */
public final class ImmutableTagConflict {
    private ImmutableTagConflict() {}

    public static boolean matches(RegistryException e) {
        boolean code = e.errorCodes().contains("TAG_INVALID") || e.errorCodes().contains("MANIFEST_INVALID");
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return code && message.contains("immutable");
    }

    /** The explanation for a conflict on {@code tag} in {@code repository}, or the original exception unchanged. */
    public static RegistryException explain(RegistryException e, String repository, String tag) {
        if (!matches(e)) {
            return e;
        }
        StringBuilder message = new StringBuilder("tag '").append(tag).append("' already exists in repository '")
                .append(repository).append("' and the repository's tags are immutable, so it cannot be moved.");
        if (tag.startsWith("sha256-") && (tag.endsWith(".sig") || tag.endsWith(".att"))) {
            String what = tag.endsWith(".sig") ? "signature" : "attestation";
            message.append(" This is cosign's ").append(what).append(" tag: the image already has ").append(what)
                    .append("s, and adding one rewrites this tag. Keep tags immutable but exclude cosign's tags:")
                    .append(" aws ecr put-image-tag-mutability --repository-name ").append(repository)
                    .append(" --image-tag-mutability IMMUTABLE_WITH_EXCLUSION")
                    .append(" --image-tag-mutability-exclusion-filters filterType=WILDCARD,filter='sha256-*'");
        } else {
            message.append(" Push under a new tag (e.g. the build number or commit), or push by digest only.");
        }
        return new RegistryException(message.toString(), e.status(), e.errorCodes());
    }
}
