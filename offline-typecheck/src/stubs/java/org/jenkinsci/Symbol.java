// Compile-only signature for offline type-checking; checked against jenkinsci/lib-symbol-annotation src/main/java/org/jenkinsci/Symbol.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package org.jenkinsci;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Documented
public @interface Symbol {
    String[] value();
}
