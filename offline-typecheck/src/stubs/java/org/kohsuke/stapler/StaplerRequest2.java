// Compile-only signature for offline type-checking; checked against jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/StaplerRequest2.java.
// Holds only the members the plugin uses (the HttpServletRequest super-interface is left out). Never packaged or shipped.
package org.kohsuke.stapler;

import net.sf.json.JSONObject;

public interface StaplerRequest2 {
    void bindJSON(Object bean, JSONObject src);
}
