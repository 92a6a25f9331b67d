package io.jenkins.plugins.securepipeline.window.ical;

import java.util.ArrayList;
import java.util.List;

/** A {@code BEGIN:X ... END:X} block with its properties and nested blocks. */
final class IcsComponent {
    final String name;
    final int line;
    final List<ContentLine> properties = new ArrayList<>();
    final List<IcsComponent> children = new ArrayList<>();

    IcsComponent(String name, int line) {
        this.name = name;
        this.line = line;
    }

    ContentLine first(String property) {
        for (ContentLine contentLine : properties) {
            if (contentLine.name().equals(property)) {
                return contentLine;
            }
        }
        return null;
    }

    List<ContentLine> all(String property) {
        return properties.stream().filter(contentLine -> contentLine.name().equals(property)).toList();
    }

    List<IcsComponent> children(String childName) {
        return children.stream().filter(child -> child.name.equals(childName)).toList();
    }
}
