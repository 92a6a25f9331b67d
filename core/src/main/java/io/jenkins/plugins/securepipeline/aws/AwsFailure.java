package io.jenkins.plugins.securepipeline.aws;

import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * A failed AWS call explained for the user: which call, the AWS error code, what it means and what to check. Built
 * from the SDK exception but carrying only its code, status and a scrubbed message, never the request, so it is safe
 * to print in a build log.
 *
 * @param refusedByService true when AWS answered with an error; false when AWS could not be reached at all
 */
public record AwsFailure(String service, String operation, String errorCode, int statusCode, boolean refusedByService,
        String problem, String whatToCheck, String awsMessage) {
    private static final int MAX_MESSAGE = 400;
    /** JWTs (web identity tokens) and long base64 runs (keys, session tokens, certificates) never reach a log. */
    private static final Pattern JWT = Pattern.compile("eyJ[\\w-]*\\.[\\w-]*\\.[\\w-]*");
    private static final Pattern LONG_OPAQUE = Pattern.compile("[A-Za-z0-9+/=_-]{40,}");
    private static final Pattern PEM = Pattern.compile("-----BEGIN [^-]+-----[\\s\\S]*?(-----END [^-]+-----|$)");

    /** Explains any exception from an SDK client call. */
    public static AwsFailure of(String service, String operation, Throwable error) {
        if (error instanceof AwsServiceException serviceError) {
            String code = errorCode(serviceError);
            String message = serviceError.awsErrorDetails() == null ? null : serviceError.awsErrorDetails().errorMessage();
            return fromService(service, operation, code, serviceError.statusCode(), message);
        }
        String detail = error instanceof SdkClientException || error instanceof java.io.IOException
                ? error.getMessage() : error instanceof InterruptedException ? "interrupted" : null;
        if (detail != null && detail.startsWith("Unable to load credentials")) {
            // The SDK reports a missing source identity as a client error; it is not a network problem.
            return new AwsFailure(service, operation, null, 0, false, "no AWS credentials were found for the first call",
                    "the SDK default chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, container or instance "
                            + "credentials), or use a web identity token or an IAM Roles Anywhere certificate instead",
                    scrub(detail));
        }
        if (causedBy(error, ApiCallTimeoutException.class) || causedBy(error, ApiCallAttemptTimeoutException.class)
                || causedBy(error, java.net.SocketTimeoutException.class)
                || causedBy(error, java.net.http.HttpTimeoutException.class)) {
            return new AwsFailure(service, operation, null, 0, false, service + " did not answer in time",
                    "that the endpoint URL and port are right and reachable from here (DNS, proxy, firewall; every "
                            + "attempt may have failed until the time ran out), and the time allowed for the call",
                    scrub(detail));
        }
        if (detail != null && (detail.contains("Unable to unmarshall") || detail.contains("Could not parse"))) {
            // Reached, and answered, but not with an AWS response: not a network problem, not a refusal either.
            return new AwsFailure(service, operation, null, 0, false,
                    service + " answered, but the answer is not a " + service + " response and could not be read",
                    "an endpoint override or proxy that answers in place of AWS (a login page, another service)",
                    scrub(detail));
        }
        if (causedBy(error, java.net.UnknownHostException.class)) {
            return new AwsFailure(service, operation, null, 0, false, "the " + service + " endpoint's host name does not resolve",
                    "the endpoint URL and region, DNS, and the proxy settings", scrub(detail));
        }
        if (causedBy(error, java.net.ConnectException.class)) {
            return new AwsFailure(service, operation, null, 0, false, "the " + service + " endpoint refused the connection",
                    "the endpoint URL and port, the proxy and no-proxy settings, and firewalls", scrub(detail));
        }
        return new AwsFailure(service, operation, null, 0, false, "could not reach " + service,
                "the endpoint URL, DNS, the proxy and no-proxy settings, firewalls and the connect/read timeouts",
                scrub(detail));
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Explains an error answer from a service (used for Roles Anywhere, which has no SDK client). */
    public static AwsFailure fromService(String service, String operation, String code, int status, String message) {
        AwsErrorExplanations.Explanation explanation = AwsErrorExplanations.forCode(code);
        return new AwsFailure(service, operation, code, status, true, explanation.problem(), explanation.whatToCheck(),
                scrub(message));
    }

    /** The AWS error code of an SDK exception, or null. */
    public static String errorCode(Throwable error) {
        if (error instanceof AwsServiceException serviceError && serviceError.awsErrorDetails() != null) {
            return serviceError.awsErrorDetails().errorCode();
        }
        return null;
    }

    public boolean is(String code) {
        return code.equals(errorCode);
    }

    /** One paragraph for the build log or the command line. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(service).append(' ').append(operation).append(" failed");
        if (errorCode != null) {
            text.append(" (").append(errorCode).append(statusCode > 0 ? ", HTTP " + statusCode : "").append(')');
        }
        text.append(": ").append(problem).append(".\nCheck: ").append(whatToCheck).append('.');
        if (awsMessage != null && !awsMessage.isBlank()) {
            text.append(refusedByService ? "\nAWS said: " : "\nCause: ").append(awsMessage);
        }
        return text.toString();
    }

    /** Keys and tokens mix upper case, lower case and digits; role paths and words rarely do all three. */
    private static boolean looksRandom(String run) {
        return run.chars().anyMatch(Character::isUpperCase) && run.chars().anyMatch(Character::isLowerCase)
                && run.chars().anyMatch(Character::isDigit);
    }

    static String scrub(String message) {
        if (message == null) {
            return null;
        }
        String scrubbed = PEM.matcher(message).replaceAll("[PEM removed]");
        scrubbed = JWT.matcher(scrubbed).replaceAll("[token removed]");
        scrubbed = LONG_OPAQUE.matcher(scrubbed).replaceAll(match -> looksRandom(match.group())
                ? "[opaque value removed]" : java.util.regex.Matcher.quoteReplacement(match.group()));
        scrubbed = scrubbed.replaceAll("[\\r\\n]+", " ").strip();
        return scrubbed.length() <= MAX_MESSAGE ? scrubbed : scrubbed.substring(0, MAX_MESSAGE) + "...";
    }
}
