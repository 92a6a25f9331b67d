// Compile-only signature for offline type-checking; checked against jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/HttpResponse.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package org.kohsuke.stapler;

public interface HttpResponse {}
