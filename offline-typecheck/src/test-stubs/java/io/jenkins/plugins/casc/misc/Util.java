// Compile-only signature for offline type-checking; checked against jenkinsci/configuration-as-code-plugin test-harness/src/main/java/io/jenkins/plugins/casc/misc/Util.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package io.jenkins.plugins.casc.misc;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.model.CNode;
import io.jenkins.plugins.casc.model.Mapping;
import java.io.IOException;

public class Util {
    public static Mapping getUnclassifiedRoot(ConfigurationContext context) throws Exception {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public static String toYamlString(CNode rootNode) throws IOException {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
