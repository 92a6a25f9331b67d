package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/**
 * A MediaStore container that does not send container-level metrics to CloudWatch ({@code MetricPolicy} missing, or
 * its {@code ContainerLevelMetrics} not ENABLED), so no alarm can watch its request and error rates.
 */
public final class MediaStoreMetricPolicyRule extends ValueRule {
    public MediaStoreMetricPolicyRule() {
        super("ASP-MS-004", Severity.LOW, "MediaStore container without CloudWatch metrics",
                "Set MetricPolicy with ContainerLevelMetrics: ENABLED.",
                types("AWS::MediaStore::Container"), refs("AwsSolutions-MS4"),
                true, Acceptable.oneOf("ENABLED"), "The container sends no metrics to CloudWatch",
                "MetricPolicy", "ContainerLevelMetrics");
    }
}
