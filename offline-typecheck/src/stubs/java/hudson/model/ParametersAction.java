// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3
// core/src/main/java/hudson/model/ParametersAction.java. Holds only the members the plugin uses. Never packaged or shipped.
package hudson.model;

import java.util.List;

public class ParametersAction implements Action {
    public ParametersAction(List<ParameterValue> parameters) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public List<ParameterValue> getParameters() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
