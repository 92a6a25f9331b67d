// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/model/Node.java.
// Only named by Computer's constructor; the plugin uses none of its members (supertypes left out). Never packaged or shipped.
package hudson.model;

public abstract class Node {}
