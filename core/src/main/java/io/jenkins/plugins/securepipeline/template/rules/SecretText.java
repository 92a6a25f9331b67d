package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.regex.Pattern;

/** Recognises secrets written as literal text in a template (not the property-driven plaintext rules). */
final class SecretText {
    /** AWS access key IDs, secret key assignments and PEM private keys. */
    private static final Pattern CREDENTIAL = Pattern.compile(
            "\\b(AKIA|ASIA)[0-9A-Z]{16}\\b|(?i)aws_secret_access_key\\s*[=:]\\s*\\S{20,}|-----BEGIN [A-Z ]*PRIVATE KEY-----");

    /** Names that say the value is a secret: PASSWORD, db_secret, apiKey, auth-token, private_key. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(passw(or)?d|pwd|secret|token|api[_-]?key|private[_-]?key|credential).*");

    /** Names that hold a reference to a secret rather than the secret (an ARN or name to look it up by). */
    private static final Pattern REFERENCE_NAME = Pattern.compile("(?i).*(arn|_name|-name|name|_id|path|ref)$");

    private SecretText() {}

    /** A scalar written in the template itself: not from a parameter, not a dynamic reference. */
    static boolean isLiteral(TemplateNode value) {
        return value != null && value.isScalar() && value.parameter() == null
                && !value.text().trim().startsWith("{{resolve:");
    }

    static boolean looksLikeCredential(String text) {
        return CREDENTIAL.matcher(text).find();
    }

    /** A value that could be a password or key: 8 or more characters, not a number or a boolean. */
    static boolean plausibleSecret(String text) {
        String value = text.trim();
        return value.length() >= 8 && !value.matches("\\d+") && !value.equalsIgnoreCase("true")
                && !value.equalsIgnoreCase("false");
    }

    static boolean secretName(String name) {
        return SECRET_NAME.matcher(name).matches() && !REFERENCE_NAME.matcher(name).matches();
    }
}
