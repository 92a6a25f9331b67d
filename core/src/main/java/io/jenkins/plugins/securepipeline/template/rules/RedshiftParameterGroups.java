package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** Reads the Parameters list (ParameterName/ParameterValue pairs) of an AWS::Redshift::ClusterParameterGroup. */
final class RedshiftParameterGroups {
    private RedshiftParameterGroups() {}

    /** What the list says about one parameter. */
    enum State {
        /** The parameter is in the list; {@link Setting#value} is its ParameterValue (null when missing). */
        SET,
        /** The list is known and the parameter is not in it, so it keeps the Redshift default. */
        NOT_SET,
        /** The list, or an entry's name, is unknown: the parameter may be anywhere. */
        CANNOT_TELL
    }

    /** {@code list} is the Parameters node (null when absent), where a finding about a missing parameter goes. */
    record Setting(State state, TemplateNode value, TemplateNode list) {}

    /** The setting of parameter {@code name} (compared ignoring case and blanks) in {@code group}. */
    static Setting parameter(Resource group, String name) {
        TemplateNode parameters = group.property("Parameters");
        if (group.properties().reachesUnknown("Parameters")) {
            return new Setting(State.CANNOT_TELL, null, parameters);
        }
        if (parameters != null) {
            for (TemplateNode parameter : parameters.asList()) {
                TemplateNode parameterName = parameter.get("ParameterName");
                if (parameterName == null || !parameterName.isScalar()) {
                    if (parameter.isUnknown() || parameterName != null) {
                        return new Setting(State.CANNOT_TELL, null, parameters);
                    }
                    continue;
                }
                if (parameterName.text().trim().equalsIgnoreCase(name)) {
                    return new Setting(State.SET, parameter.get("ParameterValue"), parameters);
                }
            }
        }
        return new Setting(State.NOT_SET, null, parameters);
    }
}
