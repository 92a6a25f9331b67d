package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An Elastic Beanstalk environment without managed platform updates: both aws:elasticbeanstalk:managedactions
 * ManagedActionsEnabled true and aws:elasticbeanstalk:managedactions:platformupdate UpdateLevel minor or patch
 * are needed for the platform's security patches to be applied without someone doing it. Low, like other
 * maintenance settings.
 *
 * <p>Same condition as cdk-nag's AwsSolutions-EB3 (which, like this rule, counts ManagedActionsEnabled without a
 * Value as enabled). Deliberate differences: the settings of a configuration template named by TemplateName count
 * too (see {@link BeanstalkOptionSettings}); values that cannot be known before deployment pass; true and the
 * update levels are compared ignoring case.
 */
public final class BeanstalkManagedUpdatesRule extends TemplateRule {
    public BeanstalkManagedUpdatesRule() {
        super("ASP-BEAN-002", Severity.LOW, "Elastic Beanstalk environment without managed platform updates",
                "Set aws:elasticbeanstalk:managedactions ManagedActionsEnabled to true and"
                        + " aws:elasticbeanstalk:managedactions:platformupdate UpdateLevel to minor or patch.",
                types("AWS::ElasticBeanstalk::Environment"), refs("AwsSolutions-EB3"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        List<TemplateNode> settings = BeanstalkOptionSettings.of(resource, template);
        if (settings == null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        TemplateNode enabled = BeanstalkOptionSettings.find(settings, "aws:elasticbeanstalk:managedactions",
                "ManagedActionsEnabled");
        TemplateNode enabledValue = enabled == null ? null : enabled.get("Value");
        if (enabled == null) {
            problems.add("ManagedActionsEnabled is not set");
        } else if (enabledValue != null && enabledValue.isScalar() && !enabledValue.isTrue()) {
            problems.add("ManagedActionsEnabled is " + enabledValue.text().trim());
        }
        TemplateNode level = BeanstalkOptionSettings.find(settings,
                "aws:elasticbeanstalk:managedactions:platformupdate", "UpdateLevel");
        TemplateNode levelValue = level == null ? null : level.get("Value");
        if (level == null || levelValue == null) {
            problems.add("UpdateLevel is not set");
        } else if (levelValue.isScalar() && !levelValue.is("minor", "patch")) {
            problems.add("UpdateLevel is " + levelValue.text().trim());
        }
        if (!problems.isEmpty()) {
            out.report(enabled != null ? enabled : level,
                    "Platform updates are not applied automatically: " + String.join(", ", problems));
        }
    }
}
