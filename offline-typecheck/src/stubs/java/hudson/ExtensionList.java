// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/ExtensionList.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package hudson;

import java.util.AbstractList;

public class ExtensionList<T> extends AbstractList<T> {
    protected ExtensionList(jenkins.model.Jenkins jenkins, Class<T> extensionType) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public static <T> ExtensionList<T> lookup(Class<T> type) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public static <U> U lookupSingleton(Class<U> type) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    @Override
    public T get(int index) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
