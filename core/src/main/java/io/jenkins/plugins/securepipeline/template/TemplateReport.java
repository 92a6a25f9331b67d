package io.jenkins.plugins.securepipeline.template;

import java.util.List;

/** The result for one template file: its findings, or why it could not be scanned ({@code error} not null). */
public record TemplateReport(String path, String error, List<Finding> findings) {
    public TemplateReport {
        findings = List.copyOf(findings);
    }

    public static TemplateReport failed(String path, String error) {
        return new TemplateReport(path, error, List.of());
    }
}
