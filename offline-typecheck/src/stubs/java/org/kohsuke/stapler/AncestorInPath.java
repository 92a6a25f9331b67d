// Compile-only signature for offline type-checking; checked against jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/AncestorInPath.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package org.kohsuke.stapler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Documented
public @interface AncestorInPath {}
