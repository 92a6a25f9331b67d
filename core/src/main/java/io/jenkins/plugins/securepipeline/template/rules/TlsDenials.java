package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * Whether a resource policy (topic, queue, container) refuses requests made without TLS, for the rules that want
 * such a denial. Unknown parts count in the policy's favour: these rules report a missing denial only when the
 * document shows that none is there.
 */
final class TlsDenials {
    private TlsDenials() {}

    /**
     * True when the document is unreadable at template time, or has a statement that denies every principal the
     * given actions when {@code aws:SecureTransport} is false.
     */
    static boolean present(TemplateNode document, String... actions) {
        if (PolicyStatement.unreadable(document)) {
            return true;
        }
        for (PolicyStatement statement : PolicyStatement.of(document)) {
            if (statement.deniesInsecureTransport() && statement.principalMayBeEveryone()
                    && statement.mayCoverActions(actions)) {
                return true;
            }
        }
        return false;
    }
}
