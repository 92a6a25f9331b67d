package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.ArrayList;
import java.util.List;

/** Collects what one rule reports for one resource: a message and the node it points at. */
public final class RuleFindings {
    /** One report before it becomes a {@link io.jenkins.plugins.securepipeline.template.Finding}. */
    public record Report(String message, int line, int column) {}

    private final int resourceLine;
    private final int resourceColumn;
    private final List<Report> reports = new ArrayList<>();

    public RuleFindings(int resourceLine, int resourceColumn) {
        this.resourceLine = resourceLine;
        this.resourceColumn = resourceColumn;
    }

    /** Reports at the node that shows the problem, or at the resource when the problem is a missing property. */
    public void report(TemplateNode at, String message) {
        if (at != null && at.line() > 0) {
            reports.add(new Report(message, at.line(), at.column()));
        } else {
            reports.add(new Report(message, resourceLine, resourceColumn));
        }
    }

    public List<Report> reports() {
        return reports;
    }
}
