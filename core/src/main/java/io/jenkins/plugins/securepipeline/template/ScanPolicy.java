package io.jenkins.plugins.securepipeline.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import io.jenkins.plugins.securepipeline.template.rules.RuleCatalogue;

/**
 * An organisation's policy over the built-in rules: which are disabled, which get another severity, and
 * optionally the blocking threshold. Read from a JSON or YAML file:
 * <pre>
 * threshold: high
 * disabledRules: [ASP-S3-006]
 * severityOverrides: {ASP-S3-001: high}
 * guardSeverities: {"org.guard/*": medium, "org.guard/S3_*": critical}
 * </pre>
 * Unknown keys and unknown rule IDs are errors: a typo must not silently turn a rule off or leave it on.
 * {@code guardSeverities} maps Guard rule ID globs to the severity of their findings (see {@link GuardSeverities}:
 * the last matching entry wins); Guard rule IDs are not known before the rules are loaded, so they are not checked.
 */
public record ScanPolicy(Set<String> disabledRules, Map<String, Severity> severityOverrides, Severity threshold,
        GuardSeverities guardSeverities) {
    public static final ScanPolicy DEFAULT = new ScanPolicy(Set.of(), Map.of(), null);

    /** A policy without Guard severities. */
    public ScanPolicy(Set<String> disabledRules, Map<String, Severity> severityOverrides, Severity threshold) {
        this(disabledRules, severityOverrides, threshold, GuardSeverities.NONE);
    }

    public static ScanPolicy read(Path file) throws TemplateParseException {
        String source = file.toString();
        TemplateNode root = new TemplateReader().read(file);
        if (!root.isMap()) {
            throw new TemplateParseException(source, root.line(), root.column(), "a policy file is a map");
        }
        Set<String> known = new LinkedHashSet<>();
        RuleCatalogue.all().forEach(r -> known.add(r.info().id()));
        Set<String> disabled = new LinkedHashSet<>();
        Map<String, Severity> overrides = new LinkedHashMap<>();
        Severity threshold = null;
        List<GuardSeverities.Entry> guardSeverities = new ArrayList<>();
        for (Map.Entry<String, TemplateNode> entry : root.entries().entrySet()) {
            TemplateNode value = entry.getValue();
            switch (entry.getKey()) {
                case "disabledRules":
                    for (TemplateNode id : value.asList()) {
                        disabled.add(ruleId(source, id, known));
                    }
                    break;
                case "severityOverrides":
                    if (!value.isMap()) {
                        throw new TemplateParseException(source, value.line(), value.column(),
                                "severityOverrides maps rule IDs to severities");
                    }
                    for (Map.Entry<String, TemplateNode> override : value.entries().entrySet()) {
                        String id = override.getKey();
                        if (!known.contains(id)) {
                            throw new TemplateParseException(source, override.getValue().line(),
                                    override.getValue().column(), "unknown rule ID " + id);
                        }
                        overrides.put(id, severity(source, override.getValue()));
                    }
                    break;
                case "threshold":
                    threshold = severity(source, value);
                    break;
                case "guardSeverities":
                    if (!value.isMap()) {
                        throw new TemplateParseException(source, value.line(), value.column(),
                                "guardSeverities maps Guard rule ID globs (such as \"org.guard/*\") to severities");
                    }
                    for (Map.Entry<String, TemplateNode> globEntry : value.entries().entrySet()) {
                        if (globEntry.getKey().isBlank()) {
                            throw new TemplateParseException(source, globEntry.getValue().line(),
                                    globEntry.getValue().column(), "a Guard rule ID glob must not be empty");
                        }
                        guardSeverities.add(new GuardSeverities.Entry(globEntry.getKey(),
                                severity(source, globEntry.getValue())));
                    }
                    break;
                default:
                    throw new TemplateParseException(source, value.line(), value.column(), "unknown policy key '"
                            + entry.getKey() + "' (expected threshold, disabledRules, severityOverrides, guardSeverities)");
            }
        }
        return new ScanPolicy(Set.copyOf(disabled), Map.copyOf(overrides), threshold,
                GuardSeverities.of(guardSeverities));
    }

    private static String ruleId(String source, TemplateNode id, Set<String> known) throws TemplateParseException {
        if (!id.isScalar() || !known.contains(id.text())) {
            throw new TemplateParseException(source, id.line(), id.column(), "unknown rule ID " + id);
        }
        return id.text();
    }

    private static Severity severity(String source, TemplateNode value) throws TemplateParseException {
        try {
            if (!value.isScalar()) {
                throw new IllegalArgumentException("a severity is low, medium, high or critical");
            }
            return Severity.parse(value.text());
        } catch (IllegalArgumentException e) {
            throw new TemplateParseException(source, value.line(), value.column(), e.getMessage());
        }
    }
}
