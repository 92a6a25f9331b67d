package io.jenkins.plugins.securepipeline.cli.image;

import io.jenkins.plugins.securepipeline.cli.TimeoutOption;
import io.jenkins.plugins.securepipeline.image.ImageReference;
import io.jenkins.plugins.securepipeline.image.ecr.EcrAuthorization;
import io.jenkins.plugins.securepipeline.image.ecr.EcrRegistryHost;
import io.jenkins.plugins.securepipeline.image.registry.RegistryClient;
import io.jenkins.plugins.securepipeline.image.registry.RegistryCredentials;
import io.jenkins.plugins.securepipeline.net.JdkHttpClients;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * How to reach and log in to registries. Passwords only ever come from files: a password on the command line would
 * be visible in the process list and shell history.
 */
public final class RegistryAccessOptions {
    @Option(names = "--registry-username", paramLabel = "USER", description = "Registry user name (basic or token auth).")
    String username;

    @Option(names = "--registry-password-file", paramLabel = "FILE",
            description = "File holding the registry password or token (first line).")
    Path passwordFile;

    @Option(names = "--ecr", description = "Log in to ECR with GetAuthorizationToken (AWS default credentials).")
    boolean ecr;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region for ECR and KMS calls.")
    String region;

    @Option(names = "--ecr-account", paramLabel = "ACCOUNT",
            description = "Account ID of the ECR registry when the host does not say it (PrivateLink endpoint names).")
    String ecrAccount;

    @Option(names = "--insecure-http", description = "Talk plain HTTP to the registry (local test registries only).")
    boolean insecureHttp;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4", description = "Blobs uploaded at once (default 4).")
    int parallel;

    @Mixin
    TimeoutOption network = new TimeoutOption();

    private EcrClient ecrClient;
    private EcrAuthorization ecrAuthorization;
    private RegistryCredentials basicCredentials;
    private HttpClient http;

    /**
     * Created on first use, not with the options: picocli builds every subcommand's options at start-up, and an
     * HTTP client (TLS trust store included) would slow down every command, even {@code --version}.
     * Registry traffic takes the same proxy as the AWS calls (HTTPS_PROXY / NO_PROXY), else the JVM's settings.
     */
    private HttpClient http() {
        if (http == null) {
            http = RegistryClient.newHttpClient(AwsAccess.proxy(System.getenv())
                    .map(io.jenkins.plugins.securepipeline.aws.ProxySettings::proxySelector)
                    .orElse(java.net.ProxySelector.getDefault()), insecureHttp,
                    network.value().compareTo(Duration.ofSeconds(30)) < 0 ? network.value() : Duration.ofSeconds(30));
        }
        return http;
    }

    void validate() throws UsageException {
        if (ecr && (username != null || passwordFile != null)) {
            throw new UsageException("use either --ecr or --registry-username/--registry-password-file, not both");
        }
        if ((username == null) != (passwordFile == null)) {
            throw new UsageException("--registry-username and --registry-password-file go together");
        }
        if (ecr && region == null) {
            throw new UsageException("--ecr needs --region");
        }
        if (parallel < 1 || parallel > 32) {
            throw new UsageException("--parallel must be between 1 and 32");
        }
    }

    /** The ECR registry a reference points at, when --ecr is used. */
    EcrRegistryHost ecrHost(ImageReference reference) throws UsageException {
        EcrRegistryHost parsed = EcrRegistryHost.parse(reference.registry());
        if (parsed != null) {
            return parsed;
        }
        if (ecrAccount != null) {
            return new EcrRegistryHost(ecrAccount, region, reference.registry());
        }
        throw new UsageException("--ecr: " + reference.registry() + " is not an ECR registry host "
                + "(ACCOUNT.dkr.ecr.REGION.amazonaws.com, its FIPS or dual-stack form); for an endpoint override "
                + "give --ecr-account");
    }

    EcrClient ecrClient() {
        if (ecrClient == null) {
            ecrClient = AwsAccess.clients(region, System.getenv(), network).ecr(AwsAccess.defaultCredentials());
        }
        return ecrClient;
    }

    RegistryClient client(ImageReference reference) throws IOException, UsageException, InputException {
        RegistryCredentials credentials = null;
        if (ecr) {
            ecrHost(reference);
            if (ecrAuthorization == null) {
                ecrAuthorization = new EcrAuthorization(ecrClient(), Clock.systemUTC());
            }
            credentials = ecrAuthorization.credentials();
        } else if (username != null) {
            if (basicCredentials == null) {
                char[] password = SecretFiles.readFirstLine(passwordFile, "--registry-password-file");
                try {
                    basicCredentials = new RegistryCredentials(username, password);
                } finally {
                    java.util.Arrays.fill(password, '\0');
                }
            }
            credentials = basicCredentials;
        }
        return new RegistryClient(reference.registry(), insecureHttp, credentials, http(), network.value());
    }

    void close() {
        if (ecrClient != null) {
            ecrClient.close();
        }
        if (http != null) {
            JdkHttpClients.close(http);
        }
    }
}
