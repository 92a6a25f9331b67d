package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** A MediaStore container that does not send its access logs to CloudWatch Logs (off by default). */
public final class MediaStoreAccessLoggingRule extends ValueRule {
    public MediaStoreAccessLoggingRule() {
        super("ASP-MS-002", Severity.LOW, "MediaStore container without access logging",
                "Set AccessLoggingEnabled: true on the container.",
                types("AWS::MediaStore::Container"), refs("AwsSolutions-MS1"),
                true, Acceptable.isTrue(), "Requests to the container are not logged", "AccessLoggingEnabled");
    }
}
