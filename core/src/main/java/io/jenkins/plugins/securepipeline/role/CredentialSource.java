package io.jenkins.plugins.securepipeline.role;

import io.jenkins.plugins.securepipeline.files.UserFileException;
import io.jenkins.plugins.securepipeline.files.UserFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Where the first credentials come from, before the target role is assumed. The sources without long-lived keys on
 * the Jenkins host are {@link WebIdentity} and {@link RolesAnywhere}; {@link Chained} assumes an intermediate role
 * first. None of the implementations print their secrets.
 */
public sealed interface CredentialSource {

    /** The SDK default chain: environment, system properties, profile, container or instance metadata. */
    record DefaultChain() implements CredentialSource {
        AwsCredentialsProvider provider() {
            return DefaultCredentialsProvider.builder().build();
        }
    }

    /** Keys the caller resolved (the Jenkins layer, from a credentials ID); never logged. */
    final class StaticKeys implements CredentialSource {
        private final String accessKeyId;
        private final String secretAccessKey;
        private final String sessionToken;

        public StaticKeys(String accessKeyId, String secretAccessKey, String sessionToken) {
            if (accessKeyId == null || accessKeyId.isBlank()) {
                throw new InvalidRoleRequestException("accessKeyId", "required for static keys");
            }
            if (secretAccessKey == null || secretAccessKey.isBlank()) {
                throw new InvalidRoleRequestException("secretAccessKey", "required for static keys");
            }
            this.accessKeyId = accessKeyId;
            this.secretAccessKey = secretAccessKey;
            this.sessionToken = sessionToken == null || sessionToken.isEmpty() ? null : sessionToken;
        }

        AwsCredentialsProvider provider() {
            return StaticCredentialsProvider.create(sessionToken == null
                    ? AwsBasicCredentials.create(accessKeyId, secretAccessKey)
                    : AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken));
        }

        @Override
        public String toString() {
            return "StaticKeys[" + accessKeyId + "]";
        }
    }

    /**
     * An OIDC token exchanged with {@code AssumeRoleWithWebIdentity}. The supplier is asked on every (re-)assume so
     * a token file rewritten by the issuer, or a fresh token minted per call, is picked up.
     */
    final class WebIdentity implements CredentialSource {
        private static final long MAX_TOKEN_FILE_BYTES = 64 * 1024;
        private final Supplier<String> token;
        private final String description;

        private WebIdentity(Supplier<String> token, String description) {
            this.token = token;
            this.description = description;
        }

        public static WebIdentity fromToken(String token) {
            if (token == null || token.isBlank()) {
                throw new InvalidRoleRequestException("webIdentityToken", "the token is empty");
            }
            return new WebIdentity(() -> token, "token handed in");
        }

        /** Mints a token per call, e.g. from the Jenkins OIDC provider credential. */
        public static WebIdentity fromSupplier(Supplier<String> token) {
            return new WebIdentity(Objects.requireNonNull(token, "token"), "token supplier");
        }

        public static WebIdentity fromFile(Path file) {
            Objects.requireNonNull(file, "file");
            return new WebIdentity(() -> readToken(file), "token file " + file);
        }

        String token() {
            String value = token.get();
            if (value == null || value.isBlank()) {
                throw new InvalidRoleRequestException("webIdentityToken", "the token is empty (" + description + ")");
            }
            if (value.length() < 4 || value.length() > 20_000) {
                throw new InvalidRoleRequestException("webIdentityToken", "STS accepts tokens of 4..20000 characters, got "
                        + value.length() + " (" + description + ")");
            }
            return value;
        }

        private static String readToken(Path file) {
            try {
                // Tokens are at most 20000 characters; a few times that is enough for any line endings around one.
                return new String(UserFiles.read(file, MAX_TOKEN_FILE_BYTES), StandardCharsets.UTF_8).strip();
            } catch (UserFileException e) {
                throw new InvalidRoleRequestException("webIdentityTokenFile", e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "WebIdentity[" + description + "]";
        }
    }

    /** An X.509 certificate and key exchanged with IAM Roles Anywhere {@code CreateSession}. */
    final class RolesAnywhere implements CredentialSource {
        private final X509Certificate certificate;
        private final List<X509Certificate> chain;
        private final PrivateKey privateKey;
        private final String trustAnchorArn;
        private final String profileArn;
        private final boolean sendsRoleSessionName;

        public RolesAnywhere(X509Certificate certificate, List<X509Certificate> chain, PrivateKey privateKey,
                String trustAnchorArn, String profileArn) {
            this(certificate, chain, privateKey, trustAnchorArn, profileArn, false);
        }

        /**
         * @param sendsRoleSessionName send the request's session name; only profiles with "accept role session
         *     name" enabled take it, the others refuse the call
         */
        public RolesAnywhere(X509Certificate certificate, List<X509Certificate> chain, PrivateKey privateKey,
                String trustAnchorArn, String profileArn, boolean sendsRoleSessionName) {
            this.sendsRoleSessionName = sendsRoleSessionName;
            this.certificate = Objects.requireNonNull(certificate, "certificate");
            this.chain = List.copyOf(chain);
            this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
            this.trustAnchorArn = requireArn("trustAnchorArn", trustAnchorArn, "trust-anchor");
            this.profileArn = requireArn("profileArn", profileArn, "profile");
            if (!certificate.getPublicKey().getAlgorithm().equals(privateKey.getAlgorithm())) {
                throw new InvalidRoleRequestException("privateKey", "is " + privateKey.getAlgorithm()
                        + " but the certificate's key is " + certificate.getPublicKey().getAlgorithm());
            }
        }

        X509Certificate certificate() {
            return certificate;
        }

        List<X509Certificate> chain() {
            return chain;
        }

        PrivateKey privateKey() {
            return privateKey;
        }

        String trustAnchorArn() {
            return trustAnchorArn;
        }

        String profileArn() {
            return profileArn;
        }

        boolean sendsRoleSessionName() {
            return sendsRoleSessionName;
        }

        private static String requireArn(String field, String arn, String resource) {
            if (arn == null || !arn.matches("arn:(aws|aws-cn|aws-us-gov):rolesanywhere:[a-z0-9-]+:\\d{12}:" + resource + "/[0-9a-fA-F-]{1,64}")) {
                throw new InvalidRoleRequestException(field, "'" + arn + "' is not an IAM Roles Anywhere " + resource + " ARN");
            }
            return arn;
        }

        @Override
        public String toString() {
            return "RolesAnywhere[certificate serial " + certificate.getSerialNumber() + ", " + profileArn + "]";
        }
    }

    /**
     * Role chaining: assume {@code intermediate} with {@code source}, then the target with those credentials. STS
     * caps the second session at one hour; longer requests are refused before calling.
     */
    record Chained(CredentialSource source, RoleSessionRequest intermediate) implements CredentialSource {
        public Chained {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(intermediate, "intermediate");
        }
    }
}
