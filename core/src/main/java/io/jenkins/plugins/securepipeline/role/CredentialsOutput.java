package io.jenkins.plugins.securepipeline.role;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The only places role credentials are written out, each for a consumer that needs them: shell {@code export}
 * lines, JSON, and the AWS CLI / SDK {@code credential_process} JSON (Version 1), with which a child process renews
 * its own credentials by calling us again.
 */
public enum CredentialsOutput {
    ENV, JSON, CREDENTIAL_PROCESS;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static CredentialsOutput parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "env" -> ENV;
            case "json" -> JSON;
            case "credential-process" -> CREDENTIAL_PROCESS;
            default -> throw new InvalidRoleRequestException("format", "'" + text + "' is not env, json or credential-process");
        };
    }

    public String render(AssumedRole role, String region) {
        AwsSessionCredentials credentials = role.credentials();
        return switch (this) {
            case ENV -> "export AWS_ACCESS_KEY_ID=" + shellQuote(credentials.accessKeyId()) + "\n"
                    + "export AWS_SECRET_ACCESS_KEY=" + shellQuote(credentials.secretAccessKey()) + "\n"
                    + "export AWS_SESSION_TOKEN=" + shellQuote(credentials.sessionToken()) + "\n"
                    + "export AWS_REGION=" + shellQuote(region) + "\n"
                    + "export AWS_DEFAULT_REGION=" + shellQuote(region) + "\n";
            case JSON -> {
                ObjectNode json = MAPPER.createObjectNode();
                json.put("AccessKeyId", credentials.accessKeyId());
                json.put("SecretAccessKey", credentials.secretAccessKey());
                json.put("SessionToken", credentials.sessionToken());
                json.put("Expiration", role.expiration().toString());
                json.put("Region", region);
                if (role.assumedRoleArn() != null) {
                    json.put("AssumedRoleArn", role.assumedRoleArn());
                }
                if (role.packedPolicySize() != null) {
                    json.put("PackedPolicySize", role.packedPolicySize());
                }
                yield json.toPrettyString() + "\n";
            }
            case CREDENTIAL_PROCESS -> {
                ObjectNode json = MAPPER.createObjectNode();
                json.put("Version", 1);
                json.put("AccessKeyId", credentials.accessKeyId());
                json.put("SecretAccessKey", credentials.secretAccessKey());
                json.put("SessionToken", credentials.sessionToken());
                json.put("Expiration", role.expiration().toString());
                yield json.toString() + "\n";
            }
        };
    }

    private static String shellQuote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
