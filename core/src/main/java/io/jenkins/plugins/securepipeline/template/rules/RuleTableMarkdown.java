package io.jenkins.plugins.securepipeline.template.rules;

import java.util.List;

/**
 * The rules table of docs/steps/scanTemplate.md, generated from the catalogue so the documentation cannot drift
 * from the code (a test compares the two; {@code -DregenerateDocs=true} on that test rewrites the file).
 */
public final class RuleTableMarkdown {
    public static final String START = "<!-- rules table: generated from RuleCatalogue, do not edit by hand -->";
    public static final String END = "<!-- end of rules table -->";

    private RuleTableMarkdown() {}

    public static String render() {
        StringBuilder out = new StringBuilder(START).append('\n');
        out.append("| ID | severity | title | resource types | cfn_nag | checkov | cdk-nag |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (TemplateRule rule : RuleCatalogue.all()) {
            RuleInfo info = rule.info();
            out.append("| ").append(info.id())
                    .append(" | ").append(info.severity().label())
                    .append(" | ").append(cell(info.title()))
                    .append(" | ").append(String.join(", ", info.resourceTypes().stream()
                            .map(t -> t.equals("*") ? "any" : "`" + t + "`").toList()))
                    .append(" | ").append(ids(info.references().cfnNag()))
                    .append(" | ").append(ids(info.references().checkov()))
                    .append(" | ").append(ids(info.references().cdkNag().stream()
                            .map(id -> id.replace("AwsSolutions-", "")).toList()))
                    .append(" |\n");
        }
        return out.append(END).append('\n').toString();
    }

    private static String ids(List<String> ids) {
        return ids.isEmpty() ? "" : String.join(", ", ids);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
