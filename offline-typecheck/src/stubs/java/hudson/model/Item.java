// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/model/Item.java.
// Holds only the members the plugin uses (its many super-interfaces reduced to AccessControlled). Never packaged or shipped.
package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

public interface Item extends AccessControlled {
    String getFullName();

    Permission READ = null;

    Permission CONFIGURE = null;

    Permission EXTENDED_READ = null;
}
