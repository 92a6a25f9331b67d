package io.jenkins.plugins.securepipeline.template.report;

import io.jenkins.plugins.securepipeline.template.Finding;
import io.jenkins.plugins.securepipeline.template.ScanResult;
import io.jenkins.plugins.securepipeline.template.TemplateReport;

/**
 * JUnit XML, one test suite per template and one test case per finding: blocking findings are failures,
 * suppressed and baselined ones skipped (the message says which: "suppressed by ..." or "baseline: recorded in
 * FILE"), others pass (they are listed but below the threshold). An unreadable template is an
 * error. A clean template gets one passing case so it still shows up in test trends.
 */
public final class JunitReport {
    private JunitReport() {}

    public static String render(ScanResult result) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuites name=\"scan-template\" tests=\"").append(total(result)).append("\" failures=\"")
                .append(result.blockingCount()).append("\" errors=\"").append(result.errorCount()).append("\">\n");
        for (TemplateReport template : result.templates()) {
            String suite = escape(template.path());
            if (template.error() != null) {
                out.append("  <testsuite name=\"").append(suite).append("\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n")
                        .append("    <testcase classname=\"").append(suite).append("\" name=\"read template\">\n")
                        .append("      <error message=\"").append(escape(template.error())).append("\"/>\n")
                        .append("    </testcase>\n  </testsuite>\n");
                continue;
            }
            long failures = template.findings().stream().filter(result::blocks).count();
            long skipped = template.findings().stream().filter(f -> f.suppressed() || f.baselined()).count();
            int tests = Math.max(1, template.findings().size());
            out.append("  <testsuite name=\"").append(suite).append("\" tests=\"").append(tests).append("\" failures=\"")
                    .append(failures).append("\" errors=\"0\" skipped=\"").append(skipped).append("\">\n");
            if (template.findings().isEmpty()) {
                out.append("    <testcase classname=\"").append(suite).append("\" name=\"no findings\"/>\n");
            }
            for (Finding f : template.findings()) {
                String name = escape(f.ruleId() + " " + f.resource() + " line " + f.line());
                out.append("    <testcase classname=\"").append(suite).append("\" name=\"").append(name).append('"');
                String detail = escape(f.severity() + " " + f.message());
                if (f.suppressed() || f.baselined()) {
                    String why = f.suppressed() ? "suppressed by " + f.suppression() : "baseline: recorded in " + f.baseline();
                    out.append(">\n      <skipped message=\"").append(escape(why)).append("\"/>\n    </testcase>\n");
                } else if (result.blocks(f)) {
                    out.append(">\n      <failure type=\"").append(f.severity()).append("\" message=\"").append(detail)
                            .append("\">").append(escape(template.path() + ":" + f.line() + ":" + f.column() + " "
                                    + f.message() + "\nfix: " + f.remediation())).append("</failure>\n    </testcase>\n");
                } else {
                    out.append("/>\n");
                }
            }
            out.append("  </testsuite>\n");
        }
        return out.append("</testsuites>\n").toString();
    }

    private static long total(ScanResult result) {
        return result.templates().stream().mapToLong(t -> t.error() != null ? 1 : Math.max(1, t.findings().size())).sum();
    }

    /** XML attribute/text escaping; characters XML 1.0 cannot carry at all are replaced. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '&': out.append("&amp;"); break;
                case '"': out.append("&quot;"); break;
                case '\'': out.append("&apos;"); break;
                default:
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                        out.append('?');
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.toString();
    }
}
