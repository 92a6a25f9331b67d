package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.List;
import java.util.Locale;

/**
 * The common shape "this property must have an acceptable value", for the many peer checks that look at one
 * setting: an enumeration (compared ignoring case, as CloudFormation does), a minimum number, or mere presence.
 * Unknown values pass; a missing property is reported only when the rule says absence is unsafe (the AWS default
 * is the unsafe one).
 */
public abstract class ValueRule extends TemplateRule {
    /** Decides whether a known value is acceptable. */
    @FunctionalInterface
    protected interface Acceptable {
        /** True when the value is fine; non-scalar values that a scalar test cannot judge count as fine. */
        boolean test(TemplateNode value);

        /** Any value at all (presence). */
        static Acceptable anyValue() {
            return value -> true;
        }

        /** Not the literal false (true, or a string such as an ID). */
        static Acceptable notFalse() {
            return value -> !value.isFalse();
        }

        /** Literal true only. */
        static Acceptable isTrue() {
            return value -> !value.isScalar() || value.isTrue();
        }

        /** Literal false only. */
        static Acceptable isFalse() {
            return value -> !value.isScalar() || value.isFalse();
        }

        /** A list holding the given word (ignoring case); a single word counts as a one-element list. */
        static Acceptable contains(String word) {
            return containsAny(word);
        }

        /** A list holding at least one of the given words, ignoring case. */
        static Acceptable containsAny(String... words) {
            List<String> wanted = lower(words);
            return value -> {
                if (!value.isList() && !value.isScalar()) {
                    return true;
                }
                boolean unknownItem = false;
                for (TemplateNode item : value.asList()) {
                    if (!item.isScalar()) {
                        unknownItem = true;
                    } else if (wanted.contains(item.text().trim().toLowerCase(Locale.ROOT))) {
                        return true;
                    }
                }
                return unknownItem;
            };
        }

        /** Not literal true. */
        static Acceptable notTrue() {
            return value -> !value.isTrue();
        }

        /** One of the given words, ignoring case. */
        static Acceptable oneOf(String... allowed) {
            List<String> words = lower(allowed);
            return value -> !value.isScalar() || words.contains(value.text().trim().toLowerCase(Locale.ROOT));
        }

        /** None of the given words, ignoring case. */
        static Acceptable noneOf(String... refused) {
            List<String> words = lower(refused);
            return value -> !value.isScalar() || !words.contains(value.text().trim().toLowerCase(Locale.ROOT));
        }

        /** A number at least {@code minimum}; text that is not a number cannot be judged and passes. */
        static Acceptable atLeast(long minimum) {
            return value -> {
                Long number = number(value);
                return number == null || number >= minimum;
            };
        }

        /** A non-empty list, map or text. */
        static Acceptable notEmpty() {
            return value -> value.isList() ? !value.items().isEmpty()
                    : value.isMap() ? !value.entries().isEmpty()
                    : !value.isScalar() || !value.text().isBlank();
        }

        private static List<String> lower(String... words) {
            return java.util.Arrays.stream(words).map(w -> w.toLowerCase(Locale.ROOT)).toList();
        }
    }

    private final boolean absentIsUnsafe;
    private final Acceptable acceptable;
    private final String message;
    private final String[] path;

    /**
     * @param absentIsUnsafe report when the property is missing (its default is the unsafe setting)
     * @param message what is wrong, as a sentence without final period
     */
    protected ValueRule(String id, Severity severity, String title, String remediation, List<String> types,
            References references, boolean absentIsUnsafe, Acceptable acceptable, String message, String... path) {
        super(id, severity, title, remediation, types, references);
        this.absentIsUnsafe = absentIsUnsafe;
        this.acceptable = acceptable;
        this.message = message;
        this.path = path;
    }

    /** Lets a subclass skip resources the check does not concern (another engine, a feature turned off). */
    protected boolean concerns(Resource resource) {
        return true;
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        if (!concerns(resource) || resource.properties().reachesUnknown(path)) {
            return;
        }
        TemplateNode value = resource.property(path);
        if (value == null) {
            if (absentIsUnsafe) {
                out.report(null, message + " (" + String.join(".", path) + " is not set)");
            }
        } else if (!acceptable.test(value)) {
            out.report(value, message);
        }
    }

    /** The whole number a scalar holds, or null. */
    protected static Long number(TemplateNode value) {
        if (value == null || !value.isScalar()) {
            return null;
        }
        try {
            return Long.parseLong(value.text().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The scalar text in lower case, or null for anything else. */
    protected static String lowerText(TemplateNode value) {
        return value == null || !value.isScalar() ? null : value.text().trim().toLowerCase(Locale.ROOT);
    }
}
