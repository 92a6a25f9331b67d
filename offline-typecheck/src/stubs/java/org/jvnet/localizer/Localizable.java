// Compile-only signature for offline type-checking; checked against jenkinsci/localizer org.jvnet.localizer.Localizable (as used by Permission's constructors).
// Holds only the members the plugin uses. Never packaged or shipped.
package org.jvnet.localizer;

public class Localizable {
    private Localizable() {}
}
