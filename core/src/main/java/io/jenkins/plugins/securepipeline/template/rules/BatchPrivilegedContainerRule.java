package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** Batch job runs a privileged container. */
public final class BatchPrivilegedContainerRule extends ValueRule {
    public BatchPrivilegedContainerRule() {
        super("ASP-BAT-001", Severity.MEDIUM, "Batch job runs a privileged container",
                "Remove ContainerProperties.Privileged or set it to false.",
                types("AWS::Batch::JobDefinition"),
                refs("W34"),
                false, Acceptable.notTrue(), "The container runs privileged, with root access to the host", "ContainerProperties", "Privileged");
    }
}
