package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The option settings an Elastic Beanstalk environment is created with: its own OptionSettings, and those of the
 * AWS::ElasticBeanstalk::ConfigurationTemplate it names by TemplateName when that template is in the same
 * CloudFormation template (the environment's own settings come last, as they override the saved configuration).
 * Settings in the application's source bundle (.ebextensions) are not visible to a template scan.
 */
final class BeanstalkOptionSettings {
    private BeanstalkOptionSettings() {}

    /** The settings, or null when they cannot be known (a template outside this one, unknown values). */
    static List<TemplateNode> of(Resource environment, TemplateContext template) {
        if (environment.properties().isUnknown()) {
            return null;
        }
        List<TemplateNode> settings = new ArrayList<>();
        TemplateNode templateName = environment.property("TemplateName");
        if (templateName != null) {
            Resource saved = ResourceLinks.resolve(templateName, template);
            if (saved == null || !saved.type().equals("AWS::ElasticBeanstalk::ConfigurationTemplate")
                    || saved.properties().isUnknown() || saved.property("SourceConfiguration") != null
                    || !addAll(saved.property("OptionSettings"), settings)) {
                return null;
            }
        }
        return addAll(environment.property("OptionSettings"), settings) ? settings : null;
    }

    private static boolean addAll(TemplateNode optionSettings, List<TemplateNode> into) {
        if (optionSettings == null) {
            return true;
        }
        if (!optionSettings.isList()) {
            return false;
        }
        for (TemplateNode setting : optionSettings.items()) {
            if (!setting.isMap() || !known(setting.get("Namespace")) || !known(setting.get("OptionName"))) {
                return false; // an unknown setting could be the one a rule looks for
            }
            into.add(setting);
        }
        return true;
    }

    private static boolean known(TemplateNode value) {
        return value != null && value.isScalar();
    }

    /** The last setting of this namespace and option name (later settings override earlier ones), or null. */
    static TemplateNode find(List<TemplateNode> settings, String namespace, String optionName) {
        TemplateNode found = null;
        for (TemplateNode setting : settings) {
            if (setting.get("Namespace").text().trim().equals(namespace)
                    && setting.get("OptionName").text().trim().equals(optionName)) {
                found = setting;
            }
        }
        return found;
    }
}
