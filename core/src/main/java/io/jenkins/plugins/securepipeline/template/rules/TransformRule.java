package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Parts of a template that only exist after a transform runs in CloudFormation (a macro, {@code AWS::Include},
 * {@code Fn::ForEach}) cannot be checked here: what they produce is unknown, and unknown is not a pass. SAM's
 * {@code AWS::Serverless-2016-10-31} is understood and not reported; {@code AWS::LanguageExtensions} only where it
 * produces resources through {@code Fn::ForEach}.
 *
 * <p>To accept such a template after checking the transform's output another way (for example scanning the
 * processed template from {@code aws cloudformation get-template --template-stage Processed}), suppress this rule
 * in the resource's Metadata, in the template's top-level Metadata for a template-wide Transform, or disable it in
 * the scan policy.
 */
public final class TransformRule extends TemplateRule {
    private static final String SAM = "AWS::Serverless-2016-10-31";
    private static final String LANGUAGE_EXTENSIONS = "AWS::LanguageExtensions";

    public TransformRule() {
        super("ASP-CFN-001", Severity.HIGH, "Template part cannot be analysed before the transform",
                "Scan the processed template (aws cloudformation get-template --template-stage Processed), or inline"
                        + " the included snippet; then suppress this finding with the reason.",
                types("*"), References.NONE);
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        String id = resource.logicalId();
        if (id.equals("Fn::Transform")) {
            out.report(resource.raw(), "The resources that " + id + " produces cannot be analysed before the transform");
            return;
        }
        TemplateNode transform = find(resource.raw(), 0);
        if (transform != null) {
            out.report(transform, "Part of the resource is produced by Fn::Transform and cannot be analysed before"
                    + " the transform");
        }
    }

    /** A report that belongs to the template rather than to one resource: {@code where} names the section or key. */
    public record TemplateReport(String where, RuleFindings.Report report) {}

    /**
     * Template-wide transforms named in the top-level {@code Transform} section (one report per macro that can change
     * what the template deploys), and {@code Fn::ForEach} loops in Resources, which produce resources only when
     * AWS::LanguageExtensions runs.
     */
    public static List<TemplateReport> templateReports(TemplateNode root) {
        List<TemplateReport> reports = new ArrayList<>();
        TemplateNode transform = root.get("Transform");
        if (transform != null) {
            for (TemplateNode name : transform.asList()) {
                if (name.is(SAM) || name.is(LANGUAGE_EXTENSIONS)) {
                    continue; // SAM is understood; LanguageExtensions is reported where it produces resources
                }
                String what = name.isScalar() ? name.text() : "a macro";
                reports.add(new TemplateReport("Transform", report(name, "The template is processed by " + what
                        + " before deployment; what it deploys cannot be analysed before the transform")));
            }
        }
        TemplateNode resources = root.get("Resources");
        if (resources != null && resources.isMap()) {
            resources.entries().forEach((key, value) -> {
                if (key.startsWith("Fn::ForEach::")) {
                    reports.add(new TemplateReport(key, report(value, "The resources that " + key
                            + " produces cannot be analysed before the transform")));
                }
            });
        }
        return reports;
    }

    private static RuleFindings.Report report(TemplateNode at, String message) {
        return new RuleFindings.Report(message, Math.max(1, at.line()), Math.max(1, at.column()));
    }

    private static TemplateNode find(TemplateNode node, int depth) {
        if (node == null || depth > 64) {
            return null;
        }
        if (node.isMap()) {
            if (node.get("Fn::Transform") != null) {
                return node;
            }
            for (TemplateNode child : node.entries().values()) {
                TemplateNode found = find(child, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isList()) {
            for (TemplateNode child : node.items()) {
                TemplateNode found = find(child, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
