// Compile-only signature for offline type-checking; checked against jenkinsci/remoting src/main/java/hudson/remoting/VirtualChannel.java.
// Holds only the members the plugin uses (an interface; none of its methods are called). Never packaged or shipped.
package hudson.remoting;

public interface VirtualChannel {}
