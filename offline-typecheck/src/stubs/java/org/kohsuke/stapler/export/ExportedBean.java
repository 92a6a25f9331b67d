// Compile-only signature for offline type-checking; checked against jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/export/ExportedBean.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package org.kohsuke.stapler.export;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Target(ElementType.TYPE)
public @interface ExportedBean {
    int defaultVisibility() default 1;
}
