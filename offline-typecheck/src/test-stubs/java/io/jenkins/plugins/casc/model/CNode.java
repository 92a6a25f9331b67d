// Compile-only signature for offline type-checking; checked against jenkinsci/configuration-as-code-plugin plugin/src/main/java/io/jenkins/plugins/casc/model/CNode.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package io.jenkins.plugins.casc.model;

public interface CNode extends Cloneable {}
