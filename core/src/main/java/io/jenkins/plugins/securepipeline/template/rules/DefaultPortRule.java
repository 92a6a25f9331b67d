package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.List;

/**
 * A database or cache endpoint on its engine's well-known default port (Port absent or equal to it). Always low:
 * another port only hides the endpoint from scans that try the usual ports; it stops no one who can reach the
 * endpoint, and the security group and authentication are what protect it. cdk-nag reports these as errors; here
 * they are findings for a recorded decision, never a reason to block a pipeline by default.
 * A port or engine that cannot be known before deployment passes.
 */
abstract class DefaultPortRule extends TemplateRule {
    DefaultPortRule(String id, String title, List<String> types, References references) {
        super(id, Severity.LOW, title,
                "Set Port to a port other than the engine's default, or suppress this finding with the reason the"
                        + " default is kept (a non-default port only hides the endpoint from untargeted scans).",
                types, references);
    }

    /** The engine's default port for this resource, or null when it cannot be told or the rule does not concern it. */
    protected abstract Integer defaultPort(Resource resource);

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        if (resource.properties().isUnknown() || resource.properties().reachesUnknown("Port")) {
            return;
        }
        Integer expected = defaultPort(resource);
        if (expected == null) {
            return;
        }
        TemplateNode port = resource.property("Port");
        Long number = ValueRule.number(port);
        if (port == null || number != null && number == expected.longValue()) {
            out.report(port, "The endpoint listens on the default port " + expected
                    + ", the one untargeted scans try first" + (port == null ? " (Port is not set)" : ""));
        }
    }

    /** The Engine property in lower case, or null when absent or unknown. */
    static String engine(Resource resource) {
        return ValueRule.lowerText(resource.property("Engine"));
    }
}
