// Compile-only signature for offline type-checking; checked against jenkinsci/configuration-as-code-plugin plugin/src/main/java/io/jenkins/plugins/casc/model/Mapping.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package io.jenkins.plugins.casc.model;

import java.util.HashMap;

public final class Mapping extends HashMap<String, CNode> implements CNode {
    private static final long serialVersionUID = 1L;

    @Override
    public Mapping clone() {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
