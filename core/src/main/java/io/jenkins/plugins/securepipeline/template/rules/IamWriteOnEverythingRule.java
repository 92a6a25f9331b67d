package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** IAM policy allows write actions on every resource. */
public final class IamWriteOnEverythingRule extends SensitiveActionRule {
    public IamWriteOnEverythingRule() {
        super("ASP-IAM-020", Severity.MEDIUM, "IAM policy allows write actions on every resource",
                "Name the resources the write actions apply to.",
                IdentityPolicies.TYPES,
                refs("CKV_AWS_111"));
    }

    /** The verbs that start the names of write actions across AWS services (lower case). */
    private static final java.util.List<String> WRITE_VERBS = java.util.List.of("create", "put", "update", "delete", "modify",
            "attach", "detach", "set", "add", "remove", "start", "stop", "run", "terminate", "reboot", "invoke", "publish",
            "send", "upload", "write", "import", "restore", "copy", "enable", "disable", "register", "deregister", "associate",
            "disassociate", "replace", "reset", "revoke", "authorize", "execute", "batchwrite", "batchdelete", "rotate",
            "cancel", "change", "tag", "untag");

    @Override
    protected boolean sensitive(String action) {
        if (action.equals("*") || ActionPattern.acceptsOnlyResourceStar(action)) {
            return action.equals("*");
        }
        String[] parts = split(action);
        if (parts == null) {
            return false;
        }
        String name = parts[1];
        int star = name.indexOf('*');
        String prefix = star < 0 ? name : name.substring(0, star);
        for (String verb : WRITE_VERBS) {
            if (star < 0 ? name.startsWith(verb) : verb.startsWith(prefix) || prefix.startsWith(verb)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected String danger() {
        return "it can change or delete any resource of that kind";
    }
}
