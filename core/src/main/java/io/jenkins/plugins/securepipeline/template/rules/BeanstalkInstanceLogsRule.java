package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.List;

/**
 * An Elastic Beanstalk environment that does not copy its instances' rotated logs to S3
 * (aws:elasticbeanstalk:hostmanager LogPublicationControl not true): the logs disappear with the instances that
 * Beanstalk replaces. Low, like the other logging rules; off by default.
 *
 * <p>Same condition as cdk-nag's AwsSolutions-EB4. Deliberate differences: the settings of a configuration template
 * named by TemplateName count too (see {@link BeanstalkOptionSettings}); true is compared ignoring case; settings or
 * values that cannot be known before deployment pass.
 */
public final class BeanstalkInstanceLogsRule extends TemplateRule {
    public BeanstalkInstanceLogsRule() {
        super("ASP-BEAN-003", Severity.LOW, "Elastic Beanstalk environment does not keep instance logs in S3",
                "Set aws:elasticbeanstalk:hostmanager LogPublicationControl to true.",
                types("AWS::ElasticBeanstalk::Environment"), refs("AwsSolutions-EB4"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        List<TemplateNode> settings = BeanstalkOptionSettings.of(resource, template);
        if (settings == null) {
            return;
        }
        TemplateNode setting = BeanstalkOptionSettings.find(settings, "aws:elasticbeanstalk:hostmanager",
                "LogPublicationControl");
        TemplateNode value = setting == null ? null : setting.get("Value");
        if (value == null || value.isScalar() && !value.isTrue()) {
            out.report(setting, "Instance logs are not copied to S3, so they are lost when Beanstalk replaces an"
                    + " instance" + (setting == null ? " (LogPublicationControl is not set)" : ""));
        }
    }
}
