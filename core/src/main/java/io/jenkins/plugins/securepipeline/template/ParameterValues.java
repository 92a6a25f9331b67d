package io.jenkins.plugins.securepipeline.template;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameter values supplied for a scan, read from a file in either common shape: cfn_nag's
 * {@code {"Parameters": {"Name": "value"}}} or the CloudFormation CLI's
 * {@code [{"ParameterKey": "Name", "ParameterValue": "value"}]}. Pseudo parameters such as {@code AWS::Region}
 * may be given the same way.
 */
public final class ParameterValues {
    public static final ParameterValues NONE = new ParameterValues(Map.of());

    private final Map<String, String> values;

    public ParameterValues(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static ParameterValues read(Path file) throws TemplateParseException {
        TemplateNode root = new TemplateReader().read(file);
        String source = file.toString();
        Map<String, String> values = new LinkedHashMap<>();
        if (root.isMap() && root.get("Parameters") != null && root.get("Parameters").isMap()) {
            for (Map.Entry<String, TemplateNode> entry : root.get("Parameters").entries().entrySet()) {
                values.put(entry.getKey(), valueText(source, entry.getValue()));
            }
        } else if (root.isList()) {
            for (TemplateNode item : root.items()) {
                TemplateNode key = item.get("ParameterKey");
                TemplateNode value = item.get("ParameterValue");
                if (key == null || !key.isScalar() || value == null) {
                    throw new TemplateParseException(source, item.line(), item.column(),
                            "each entry needs \"ParameterKey\" and \"ParameterValue\"");
                }
                values.put(key.text(), valueText(source, value));
            }
        } else {
            throw new TemplateParseException(source, root.line(), root.column(),
                    "expected {\"Parameters\": {...}} or [{\"ParameterKey\": .., \"ParameterValue\": ..}]");
        }
        return new ParameterValues(values);
    }

    private static String valueText(String source, TemplateNode value) throws TemplateParseException {
        if (value.isScalar()) {
            return value.text();
        }
        if (value.isList()) {
            StringBuilder joined = new StringBuilder();
            for (TemplateNode item : value.items()) {
                if (!item.isScalar()) {
                    throw new TemplateParseException(source, item.line(), item.column(), "a parameter value must be text");
                }
                joined.append(joined.length() == 0 ? "" : ",").append(item.text());
            }
            return joined.toString();
        }
        throw new TemplateParseException(source, value.line(), value.column(), "a parameter value must be text");
    }

    public String get(String name) {
        return values.get(name);
    }

    public Map<String, String> asMap() {
        return values;
    }
}
