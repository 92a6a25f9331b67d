package io.jenkins.plugins.securepipeline.template.guard;

import io.jenkins.plugins.securepipeline.template.Finding;
import io.jenkins.plugins.securepipeline.template.GuardSeverities;
import io.jenkins.plugins.securepipeline.template.ReaderLimits;
import io.jenkins.plugins.securepipeline.template.ScanResult;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import io.jenkins.plugins.securepipeline.template.TemplateParseException;
import io.jenkins.plugins.securepipeline.template.TemplateReader;
import io.jenkins.plugins.securepipeline.template.TemplateReport;
import io.jenkins.plugins.securepipeline.template.rules.References;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs an organisation's Guard rules over the templates a scan read, and adds their failures to the same report as
 * the built-in rules' findings. This is the only seam between the Guard engine and the scanner: it works on a
 * finished {@link ScanResult}, reading each scanned template again (templates that could not be read already carry
 * their error). A Guard rule error (an unknown rule or variable found while evaluating) becomes that template's
 * error, so it fails the scan instead of passing it.
 */
public final class GuardScan {
    /** The scan with Guard findings added, and each Guard rule's status per template path (for the JSON report). */
    public record Outcome(ScanResult result, Map<String, List<GuardRuleResult>> statuses) {}

    private final GuardRules rules;
    private final GuardSeverities severities;
    private final Severity severity;
    private final TemplateReader reader;

    /** {@code severity}: what a failed Guard rule's findings get (Guard rule files carry no severity of their own). */
    public GuardScan(GuardRules rules, Severity severity, ReaderLimits limits) {
        this(rules, GuardSeverities.NONE, severity, limits);
    }

    /**
     * {@code severities}: the severity of a rule's findings by rule ID glob (a scan policy's
     * {@code guardSeverities}); {@code fallback} for the rules they do not name.
     */
    public GuardScan(GuardRules rules, GuardSeverities severities, Severity fallback, ReaderLimits limits) {
        this.rules = rules;
        this.severities = severities;
        this.severity = fallback;
        this.reader = TemplateReader.keepingNulls(limits);
    }

    /** One template's report with Guard findings added, and its rule statuses (null if it was not evaluated). */
    private record Checked(TemplateReport report, List<GuardRuleResult> statuses) {}

    /**
     * Templates are independent, so they are evaluated on a few threads, as the scanner reads them (at most 4,
     * never more than the processors); the report keeps the scan's order.
     */
    public Outcome apply(ScanResult scan) {
        List<TemplateReport> templates = scan.templates();
        int threads = Math.min(templates.size(), Math.min(4, Runtime.getRuntime().availableProcessors()));
        List<Checked> checked = new ArrayList<>();
        if (threads <= 1 || rules.isEmpty()) {
            for (TemplateReport report : templates) {
                checked.add(check(report));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
                Thread thread = new Thread(task, "guard-rules");
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<Checked>> futures = new ArrayList<>();
                for (TemplateReport report : templates) {
                    futures.add(pool.submit(() -> check(report)));
                }
                for (Future<Checked> future : futures) {
                    checked.add(future.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Guard rules interrupted", e);
            } catch (ExecutionException e) {
                // check() turns rule and template problems into the template's error: only an Error or a bug is here
                Throwable cause = e.getCause();
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(cause);
            } finally {
                pool.shutdownNow();
            }
        }
        List<TemplateReport> reports = new ArrayList<>();
        Map<String, List<GuardRuleResult>> statuses = new LinkedHashMap<>();
        for (Checked one : checked) {
            reports.add(one.report());
            if (one.statuses() != null) {
                statuses.put(one.report().path(), one.statuses());
            }
        }
        return new Outcome(new ScanResult(reports, scan.skipped(), scan.threshold()), statuses);
    }

    private Checked check(TemplateReport report) {
        if (report.error() != null) {
            return new Checked(report, null);
        }
        try {
            TemplateNode template = reader.read(Path.of(report.path()));
            List<GuardRuleResult> results = rules.evaluate(template);
            List<Finding> findings = new ArrayList<>(report.findings());
            for (GuardRuleResult result : results) {
                for (GuardFailure failure : result.failures()) {
                    findings.add(finding(result, failure, template));
                }
            }
            findings.sort(Comparator.comparingInt(Finding::line).thenComparing(Finding::ruleId));
            return new Checked(new TemplateReport(report.path(), null, findings), results);
        } catch (TemplateParseException e) {
            return new Checked(new TemplateReport(report.path(), e.getMessage(), report.findings()), null);
        } catch (GuardRuleException e) {
            return new Checked(new TemplateReport(report.path(), report.path() + ": Guard rule error: "
                    + e.getMessage(), report.findings()), null);
        }
    }

    private Finding finding(GuardRuleResult result, GuardFailure failure, TemplateNode template) {
        String resource = failure.resource() == null ? "-" : failure.resource();
        TemplateNode type = failure.resource() == null ? null
                : template.path("Resources", failure.resource(), "Type");
        String resourceType = type == null || type.asText() == null ? "-" : type.asText();
        String where = failure.propertyPath() == null ? "" : " at " + failure.propertyPath();
        String remediation = failure.customMessage() != null && !failure.customMessage().isBlank()
                ? failure.customMessage().replaceAll("\\s+", " ").strip()
                : "change the template so the Guard rule " + result.id() + " holds";
        return new Finding(result.id(), severities.of(result.id(), severity), "Guard rule " + result.id(), resource,
                resourceType,
                Math.max(failure.line(), 0), Math.max(failure.column(), 0),
                "Guard rule " + result.id() + " failed" + where + ": " + failure.message().replaceAll("\\s+", " ")
                        .strip(),
                remediation, References.NONE, false, null);
    }
}
