package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A Redshift cluster whose parameter group leaves enable_user_activity_logging off, so the queries run are not
 * logged (the parameter takes effect once audit logging is on, which ASP-RS-003 checks). The group is found as
 * cdk-nag's AwsSolutions-RS11 finds it, through a Ref to an AWS::Redshift::ClusterParameterGroup of the template,
 * and also through a literal name equal to such a group's ParameterGroupName. No ClusterParameterGroupName, or a
 * {@code default.} group, is the default group, in which the parameter is false: reported, as by cdk-nag.
 *
 * <p>Narrower than cdk-nag: a group named by a literal that no group of the template carries (created elsewhere),
 * and unknown values (parameters without Default, imports), are not judged, since the group's settings cannot be
 * read here; cdk-nag reports every group it cannot find in the stack.
 */
public final class RedshiftUserActivityLoggingRule extends TemplateRule {
    private static final String PARAMETER = "enable_user_activity_logging";
    private static final String GROUP_TYPE = "AWS::Redshift::ClusterParameterGroup";

    public RedshiftUserActivityLoggingRule() {
        super("ASP-RS-006", Severity.LOW, "Redshift cluster without user activity logging",
                "Give the cluster a ClusterParameterGroupName whose group sets enable_user_activity_logging to true,"
                        + " and turn audit logging on (LoggingProperties).",
                types("AWS::Redshift::Cluster"),
                refs("AwsSolutions-RS11"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        if (resource.properties().isUnknown()) {
            return;
        }
        TemplateNode name = resource.property("ClusterParameterGroupName");
        if (name == null) {
            out.report(null, "The cluster uses the default parameter group, in which " + PARAMETER + " is false"
                    + " (ClusterParameterGroupName is not set)");
            return;
        }
        Resource group = ResourceLinks.resolve(name, template);
        if (group == null && name.isScalar()) {
            if (name.startsWith("default.")) {
                out.report(name, "The cluster uses the default parameter group " + name.text().trim() + ", in which "
                        + PARAMETER + " is false");
                return;
            }
            group = groupsByName(template).get(name.text().trim().toLowerCase(Locale.ROOT));
        }
        if (group == null || !group.type().equals(GROUP_TYPE)) {
            return; // a group created elsewhere, or a value known only at deploy time
        }
        RedshiftParameterGroups.Setting setting = RedshiftParameterGroups.parameter(group, PARAMETER);
        if (setting.state() == RedshiftParameterGroups.State.NOT_SET) {
            out.report(name, "Parameter group " + group.logicalId() + " does not set " + PARAMETER
                    + ", which is false by default");
        } else if (setting.state() == RedshiftParameterGroups.State.SET && setting.value() != null
                && setting.value().isScalar() && !setting.value().isTrue()) {
            out.report(name, "Parameter group " + group.logicalId() + " sets " + PARAMETER + " to "
                    + setting.value().text().trim());
        }
    }

    /** The template's cluster parameter groups by their literal ParameterGroupName, in lower case. */
    private static Map<String, Resource> groupsByName(TemplateContext template) {
        return template.derived("Redshift cluster parameter groups by name", context -> {
            Map<String, Resource> byName = new HashMap<>();
            for (Resource group : context.resourcesOfType(GROUP_TYPE)) {
                TemplateNode groupName = group.property("ParameterGroupName");
                if (groupName != null && groupName.isScalar()) {
                    byName.putIfAbsent(groupName.text().trim().toLowerCase(Locale.ROOT), group);
                }
            }
            return byName;
        });
    }
}
