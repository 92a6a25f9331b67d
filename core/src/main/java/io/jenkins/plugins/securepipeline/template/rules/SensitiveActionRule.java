package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import java.util.List;
import java.util.Locale;

/**
 * Identity policies that allow a sensitive kind of action (credential exposure, data exfiltration, permission
 * changes, privilege escalation, writes) on every resource ({@code Resource: "*"}). Each subclass names its actions;
 * wildcards in the policy ({@code *}, {@code iam:*}, {@code iam:Put*}) count when they cover one of them.
 */
public abstract class SensitiveActionRule extends TemplateRule {
    protected SensitiveActionRule(String id, Severity severity, String title, String remediation, List<String> types,
            References references) {
        super(id, severity, title, remediation, types, references);
    }

    /** True when the policy's action (name or wildcard) allows one of the actions this rule is about. */
    protected abstract boolean sensitive(String action);

    /** What allowing such an action on every resource means. */
    protected abstract String danger();

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        for (PolicyStatement statement : IdentityPolicies.statements(resource)) {
            if (!statement.allow() || !statement.anyResourceIsStar()) {
                continue;
            }
            for (String action : statement.actions()) {
                if (sensitive(action)) {
                    out.report(statement.action(), action + " on Resource \"*\": " + danger());
                    break;
                }
            }
        }
    }

    /** True when the policy action covers any of the listed actions. */
    protected static boolean coversAny(String action, List<String> actions) {
        return actions.stream().anyMatch(listed -> ActionPattern.covers(action, listed));
    }

    /** Lower-case service prefix and name of an action ("iam", "putrolepolicy"); null when there is no colon. */
    protected static String[] split(String action) {
        int colon = action.indexOf(':');
        return colon < 0 ? null : new String[] {action.substring(0, colon).toLowerCase(Locale.ROOT),
                action.substring(colon + 1).toLowerCase(Locale.ROOT)};
    }
}
