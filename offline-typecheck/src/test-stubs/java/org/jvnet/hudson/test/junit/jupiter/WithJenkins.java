// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins-test-harness src/main/java/org/jvnet/hudson/test/junit/jupiter/WithJenkins.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package org.jvnet.hudson.test.junit.jupiter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WithJenkins {}
