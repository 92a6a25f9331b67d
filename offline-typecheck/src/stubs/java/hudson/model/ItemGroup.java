// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/model/ItemGroup.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package hudson.model;

public interface ItemGroup<T extends Item> {
    String getFullName();
}
