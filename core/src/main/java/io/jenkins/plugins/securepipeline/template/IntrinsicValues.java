package io.jenkins.plugins.securepipeline.template;

/** Helpers for the canonical descriptions that {@link TemplateEvaluator} gives unknown values. */
public final class IntrinsicValues {
    private IntrinsicValues() {}

    /** True if the value is (an unknown standing for) a Ref to, or an attribute of, the given resource. */
    public static boolean refersTo(TemplateNode value, String logicalId) {
        if (value == null || !value.isUnknown()) {
            return false;
        }
        String why = value.text();
        return why.equals("Ref " + logicalId) || why.startsWith("GetAtt " + logicalId + ".");
    }
}
