package io.jenkins.plugins.securepipeline.template.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * cfn-guard finds a key that is not in a map under other spellings of the same words: when {@code cfn_nag} is
 * missing it also tries {@code cfnNag}, {@code CfnNag}, {@code cfn-nag}, {@code Cfn Nag} and {@code Cfn-Nag}
 * (camel, pascal, kebab, snake, title and train case, in that order). Registry rules rely on it (their
 * {@code Metadata.cfn_nag} matches cfn_nag's {@code cfn-nag}), so this engine does the same.
 */
final class KeySpellings {
    private static final List<Function<List<String>, String>> SPELLINGS = List.of(
            words -> join(words, "", true, false), // camelCase
            words -> join(words, "", true, true), // PascalCase (cfn-guard's class case, without singular forms)
            words -> join(words, "-", false, false), // kebab-case
            words -> join(words, "", true, true), // PascalCase
            words -> join(words, "_", false, false), // snake_case
            words -> join(words, " ", true, true), // Title Case
            words -> join(words, "-", true, true)); // Train-Case

    /**
     * Spellings already worked out: a missing key is looked up in every resource by every rule file, and the keys
     * come from rule texts, so there are few of them. Shared by the scanning threads.
     */
    private static final Map<String, List<String>> KNOWN = new ConcurrentHashMap<>();

    private KeySpellings() {}

    /** The other spellings of {@code key}, in the order cfn-guard tries them. */
    static List<String> of(String key) {
        return KNOWN.computeIfAbsent(key, KeySpellings::spell);
    }

    private static List<String> spell(String key) {
        List<String> words = words(key);
        List<String> spellings = new ArrayList<>();
        if (words.isEmpty()) {
            return List.of();
        }
        for (Function<List<String>, String> spelling : SPELLINGS) {
            String other = spelling.apply(words);
            if (!other.equals(key) && !spellings.contains(other)) {
                spellings.add(other);
            }
        }
        return List.copyOf(spellings);
    }

    /** Words of a key: split at separators, at a lower-case letter or digit before an upper-case one, and before
     * the last capital of an acronym followed by a lower-case letter (HTTPServer: HTTP, Server). */
    static List<String> words(String key) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(words, word);
                continue;
            }
            if (word.length() > 0 && Character.isUpperCase(c)) {
                char previous = word.charAt(word.length() - 1);
                boolean nextLower = i + 1 < key.length() && Character.isLowerCase(key.charAt(i + 1));
                if (!Character.isUpperCase(previous) || nextLower) {
                    flush(words, word);
                }
            }
            word.append(c);
        }
        flush(words, word);
        return words;
    }

    private static void flush(List<String> words, StringBuilder word) {
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
            word.setLength(0);
        }
    }

    private static String join(List<String> words, String separator, boolean capitalise, boolean capitaliseFirst) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (i > 0) {
                out.append(separator);
            }
            if (capitalise && (i > 0 || capitaliseFirst)) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            } else {
                out.append(word);
            }
        }
        return out.toString();
    }
}
