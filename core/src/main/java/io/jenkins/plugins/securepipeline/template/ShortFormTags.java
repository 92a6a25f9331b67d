package io.jenkins.plugins.securepipeline.template;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CloudFormation's YAML short forms ({@code !Ref x}, {@code !GetAtt A.B}, ...) rewritten to the long JSON form
 * ({@code {"Ref": x}}, {@code {"Fn::GetAtt": ["A", "B"]}}), so evaluation and rules see one shape only.
 */
final class ShortFormTags {
    private static final Set<String> FUNCTIONS = Set.of("Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs",
            "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "If", "Equals", "And", "Or", "Not",
            "Length", "ToJsonString", "ForEach");

    private ShortFormTags() {}

    /** Applies a tag to an already-built value; unknown and standard tags leave the value as it is. */
    static TemplateNode apply(String tag, TemplateNode value) {
        if (tag == null || !tag.startsWith("!") || tag.startsWith("!!")) {
            return value;
        }
        String name = tag.substring(1);
        String key;
        TemplateNode argument = value;
        if (name.equals("Ref") || name.equals("Condition")) {
            key = name;
        } else if (FUNCTIONS.contains(name)) {
            key = "Fn::" + name;
            if (name.equals("GetAtt") && value.isScalar()) {
                argument = splitGetAtt(value);
            }
        } else {
            return value;
        }
        return TemplateNode.map(Map.of(key, argument), value.line(), value.column());
    }

    /** {@code !GetAtt Resource.Attribute.Part}: the resource name ends at the first dot. */
    private static TemplateNode splitGetAtt(TemplateNode value) {
        String text = value.text();
        int dot = text.indexOf('.');
        if (dot < 0) {
            return TemplateNode.list(List.of(value), value.line(), value.column());
        }
        return TemplateNode.list(List.of(
                TemplateNode.scalar(text.substring(0, dot), false, value.line(), value.column()),
                TemplateNode.scalar(text.substring(dot + 1), false, value.line(), value.column() + dot + 1)),
                value.line(), value.column());
    }
}
