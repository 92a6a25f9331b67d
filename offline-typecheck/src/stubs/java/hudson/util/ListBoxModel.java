// Compile-only signature for offline type-checking; checked against jenkinsci/jenkins tag jenkins-2.541.3 core/src/main/java/hudson/util/ListBoxModel.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package hudson.util;

import java.util.ArrayList;

public class ListBoxModel extends ArrayList<ListBoxModel.Option> {
    public ListBoxModel() {}

    public void add(String displayName, String value) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public static final class Option {
        public String name;
        public String value;

        public Option(String name, String value) {
            throw new UnsupportedOperationException("compile-only signature");
        }
    }
}
