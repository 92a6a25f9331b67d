package io.jenkins.plugins.securepipeline.role;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ARN of an IAM role in one of the partitions STS serves: {@code arn:aws:}, {@code arn:aws-cn:},
 * {@code arn:aws-us-gov:}. Parsed rather than passed as a string so that the account policy can compare account
 * IDs and the error for a typo is ours, not an opaque STS ValidationError.
 */
public record RoleArn(String partition, String accountId, String path, String roleName) {
    // IAM: role name 1..64 of [\w+=,.@-]; path /.../ of printable ASCII without spaces, at most 512 chars.
    private static final Pattern ARN = Pattern.compile(
            "arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}):role(/(?:[\\x21-\\x7E&&[^/]]+/)*)([\\w+=,.@-]{1,64})");
    private static final int MAX_ARN_LENGTH = 2048;

    public RoleArn {
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(roleName, "roleName");
    }

    /** Parses a role ARN, naming {@code field} in the error. */
    public static RoleArn parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRoleRequestException(field, "a role ARN is required");
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_ARN_LENGTH) {
            throw new InvalidRoleRequestException(field, "longer than " + MAX_ARN_LENGTH + " characters");
        }
        Matcher matcher = ARN.matcher(trimmed);
        if (!matcher.matches()) {
            throw new InvalidRoleRequestException(field, "'" + shorten(trimmed)
                    + "' is not an IAM role ARN; expected arn:aws|aws-cn|aws-us-gov:iam::<12-digit account>:role/[path/]<name>");
        }
        String path = matcher.group(3);
        if (path.length() > 512) {
            throw new InvalidRoleRequestException(field, "role path longer than 512 characters");
        }
        return new RoleArn(matcher.group(1), matcher.group(2), path, matcher.group(4));
    }

    public static RoleArn parse(String text) {
        return parse("roleArn", text);
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":iam::" + accountId + ":role" + path + roleName;
    }

    private static String shorten(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
