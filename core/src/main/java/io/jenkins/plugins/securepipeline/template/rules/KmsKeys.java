package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** What a KMS key reference says about the key. */
final class KmsKeys {
    private KmsKeys() {}

    /**
     * True for a known key ID naming an AWS managed key ({@code alias/aws/secretsmanager}, or an alias ARN ending in
     * {@code :alias/aws/...}): its key policy is AWS's, so it cannot be used to limit or audit who decrypts.
     */
    static boolean awsManaged(TemplateNode keyId) {
        String text = keyId == null ? null : keyId.asText();
        return text != null && (text.trim().startsWith("alias/aws/") || text.contains(":alias/aws/"));
    }
}
