package io.jenkins.plugins.securepipeline.role;

import java.util.Locale;

/**
 * What a step wants AWS credentials for, outside an {@code assumeCrossAccountRole} block. Administrators grant the
 * controller's own identity per purpose, so a rule that lets a job read images does not also let it sign with KMS.
 */
public enum AwsPurpose {
    /** ECR: registry tokens and repository checks, for pushing, promoting and verifying images. */
    ECR("ECR (registry tokens, repository checks)"),
    /** KMS: signing with and reading the public half of KMS keys. */
    KMS("KMS (signing, public keys)");

    private final String description;

    AwsPurpose(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** {@code ecr} or {@code KMS}; anything else is an error naming the field. */
    public static AwsPurpose parse(String field, String text) {
        String wanted = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (AwsPurpose purpose : values()) {
            if (purpose.name().equals(wanted)) {
                return purpose;
            }
        }
        throw new InvalidRoleRequestException(field, "'" + text + "' is not a purpose (ECR or KMS)");
    }
}
