// Compile-only signature for offline type-checking; checked against jenkinsci/configuration-as-code-plugin test-harness/src/main/java/io/jenkins/plugins/casc/misc/ConfiguredWithCode.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package io.jenkins.plugins.casc.misc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Target({ElementType.METHOD, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ConfiguredWithCode {
    String[] value();

    String message() default "";
}
