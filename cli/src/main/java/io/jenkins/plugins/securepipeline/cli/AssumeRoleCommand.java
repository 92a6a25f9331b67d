package io.jenkins.plugins.securepipeline.cli;

import io.jenkins.plugins.securepipeline.aws.AwsCallException;
import io.jenkins.plugins.securepipeline.aws.AwsClientSettings;
import io.jenkins.plugins.securepipeline.aws.AwsClients;
import io.jenkins.plugins.securepipeline.aws.ProxySettings;
import io.jenkins.plugins.securepipeline.files.UserFileException;
import io.jenkins.plugins.securepipeline.files.UserFiles;
import io.jenkins.plugins.securepipeline.role.AssumedRole;
import io.jenkins.plugins.securepipeline.role.BuildContext;
import io.jenkins.plugins.securepipeline.role.CredentialSource;
import io.jenkins.plugins.securepipeline.role.CredentialsOutput;
import io.jenkins.plugins.securepipeline.role.InvalidRoleRequestException;
import io.jenkins.plugins.securepipeline.role.PemFiles;
import io.jenkins.plugins.securepipeline.role.RenewingCredentialsProvider;
import io.jenkins.plugins.securepipeline.role.RoleArn;
import io.jenkins.plugins.securepipeline.role.RoleAssumer;
import io.jenkins.plugins.securepipeline.role.RoleSessionRequest;
import io.jenkins.plugins.securepipeline.role.SessionTag;
import io.jenkins.plugins.securepipeline.role.endpoint.CredentialEndpoint;
import io.jenkins.plugins.securepipeline.role.endpoint.CredentialSupply;
import io.jenkins.plugins.securepipeline.role.endpoint.ServedCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code secure-pipeline assume-role}: short-lived credentials for a role, printed in a format or handed to a
 * command's environment. Secrets go only to stdout in the chosen format (or the child's environment); every error
 * goes to stderr without them.
 */
@Command(name = "assume-role", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Assume an IAM role and print short-lived credentials, or run a command with them.",
                "First credentials: the AWS SDK default chain, an OIDC token file (--web-identity-token-file), or an "
                        + "X.509 certificate for IAM Roles Anywhere (--certificate, --private-key, --trust-anchor-arn, --profile-arn).",
                "Honours HTTPS_PROXY/NO_PROXY, AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL_ROLESANYWHERE and AWS_USE_FIPS_ENDPOINT."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:credentials printed, or the command's own exit code with -- COMMAND",
                "2:usage or validation error",
                "3:a file option (--policy-file, --web-identity-token-file, --certificate, --private-key) cannot be read",
                "4:STS or IAM Roles Anywhere refused or could not be reached (the message says why)",
                "6:unexpected internal failure (the message says what; please report it)"})
public final class AssumeRoleCommand implements Callable<Integer> {
    private static final long MAX_POLICY_FILE_BYTES = 64 * 1024;
    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s?)?");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--role-arn", required = true, paramLabel = "ARN", description = "Role to assume (aws, aws-cn, aws-us-gov).")
    String roleArn;

    @Option(names = "--region", required = true, paramLabel = "R", description = "Region whose regional STS endpoint is called.")
    String region;

    @Option(names = "--external-id", paramLabel = "X", description = "External ID the role's trust policy requires.")
    String externalId;

    @Option(names = "--session-name", paramLabel = "N",
            description = "Role session name (default: Jenkins-<JOB_NAME>-<BUILD_NUMBER> from the environment, sanitised).")
    String sessionName;

    @Option(names = "--duration", paramLabel = "D", defaultValue = "1h", description = "Session length, 15m..12h, e.g. 15m, 1h30m, 3600 (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--source-identity", paramLabel = "S", description = "SourceIdentity (needs sts:SetSourceIdentity).")
    String sourceIdentity;

    @Option(names = "--tag", paramLabel = "K=V", description = "Session tag (needs sts:TagSession); repeatable.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--transitive-tag", paramLabel = "K", description = "Tag key that survives role chaining; repeatable.")
    List<String> transitiveTags = new ArrayList<>();

    @Option(names = "--policy-file", paramLabel = "F", description = "Inline session policy (JSON, at most 2048 characters).")
    Path policyFile;

    @Option(names = "--managed-policy", paramLabel = "ARN", description = "Managed session policy ARN; up to 10.")
    List<String> managedPolicies = new ArrayList<>();

    @Option(names = "--web-identity-token-file", paramLabel = "F", description = "OIDC token for AssumeRoleWithWebIdentity.")
    Path webIdentityTokenFile;

    @Option(names = "--certificate", paramLabel = "F", description = "PEM certificate (then its chain) for IAM Roles Anywhere.")
    Path certificate;

    @Option(names = "--private-key", paramLabel = "F", description = "PEM private key of the certificate (RSA or EC, unencrypted).")
    Path privateKey;

    @Option(names = "--trust-anchor-arn", paramLabel = "A", description = "IAM Roles Anywhere trust anchor ARN.")
    String trustAnchorArn;

    @Option(names = "--profile-arn", paramLabel = "P", description = "IAM Roles Anywhere profile ARN.")
    String profileArn;

    @Option(names = "--sts-endpoint", paramLabel = "URL", description = "STS endpoint, e.g. a PrivateLink VPC endpoint DNS name.")
    URI stsEndpoint;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "env",
            description = "env, json or credential-process (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--serve", description = "With -- COMMAND: serve the session to the command from a credential endpoint "
            + "on 127.0.0.1 (AWS_CONTAINER_CREDENTIALS_FULL_URI + AWS_CONTAINER_AUTHORIZATION_TOKEN) that renews it "
            + "before expiry, instead of putting keys in its environment.")
    boolean serve;

    @CommandLine.Mixin
    TimeoutOption network = new TimeoutOption();

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "After --: command to run with AWS_* variables set.")
    List<String> command = new ArrayList<>();

    private final Map<String, String> environment;

    public AssumeRoleCommand() {
        this(System.getenv());
    }

    /** @param environment where Jenkins build variables and AWS/proxy conventions are read from (tests pass their own) */
    AssumeRoleCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        AssumedRole role;
        CredentialsOutput output;
        AwsClientSettings settings;
        CredentialSource source;
        RoleSessionRequest request;
        try {
            output = CredentialsOutput.parse(format);
            settings = settings();
            source = source();
            request = request();
        } catch (UnreadableInput e) {
            err.println("assume-role: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        } catch (IllegalArgumentException e) {
            // InvalidRoleRequestException included: the message names the field and carries no secret.
            err.println("assume-role: " + withOptionNames(e.getMessage()));
            return ExitCodes.USAGE;
        }
        try {
            role = new RoleAssumer(new AwsClients(settings)).assume(source, request);
        } catch (InvalidRoleRequestException e) {
            err.println("assume-role: " + withOptionNames(e.getMessage()));
            // The token file is read when the call is made; unreadable then, it is an input problem like the others.
            return e.field().equals("webIdentityTokenFile") ? ExitCodes.INVALID_INPUT : ExitCodes.USAGE;
        } catch (AwsCallException e) {
            err.println("assume-role: " + e.getMessage());
            return ExitCodes.STS_REFUSED;
        } catch (IllegalStateException e) {
            // An answer without credentials: our own message, which never includes the response.
            err.println("assume-role: " + e.getMessage());
            return ExitCodes.STS_REFUSED;
        }
        role.notices().forEach(notice -> err.println("assume-role: note: " + notice));
        if (serve && command.isEmpty()) {
            err.println("assume-role: --serve: give the command to serve, after --");
            return ExitCodes.USAGE;
        }
        if (!command.isEmpty()) {
            if (serve) {
                return serve(role, settings, source, request);
            }
            return run(role, settings.region());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(output.render(role, settings.region()));
        out.flush();
        return ExitCodes.OK;
    }

    private AwsClientSettings settings() {
        AwsClientSettings.Builder settings = network.applyTo(AwsClientSettings.builder(region));
        URI sts = stsEndpoint != null ? stsEndpoint : uriFromEnvironment("AWS_ENDPOINT_URL_STS");
        if (sts != null) {
            AwsEndpoints.override(settings, "sts", sts, stsEndpoint != null ? "--sts-endpoint" : "AWS_ENDPOINT_URL_STS");
        }
        URI rolesAnywhere = uriFromEnvironment("AWS_ENDPOINT_URL_ROLESANYWHERE");
        if (rolesAnywhere != null) {
            AwsEndpoints.override(settings, "rolesanywhere", rolesAnywhere, "AWS_ENDPOINT_URL_ROLESANYWHERE");
        }
        settings.fips("true".equalsIgnoreCase(environment.get("AWS_USE_FIPS_ENDPOINT")));
        String proxy = firstSet("HTTPS_PROXY", "https_proxy");
        if (proxy != null) {
            settings.proxy(new ProxySettings(URI.create(proxy.contains("://") ? proxy : "http://" + proxy),
                    ProxySettings.parseNoProxy(firstSet("NO_PROXY", "no_proxy"))));
        }
        return settings.build();
    }

    private CredentialSource source() {
        boolean anyCertificateOption = certificate != null || privateKey != null || trustAnchorArn != null || profileArn != null;
        if (webIdentityTokenFile != null && anyCertificateOption) {
            throw new InvalidRoleRequestException("--web-identity-token-file",
                    "choose either a web identity token file or a Roles Anywhere certificate, not both");
        }
        if (webIdentityTokenFile != null) {
            readable("--web-identity-token-file", () -> UserFiles.requireRegularFile(webIdentityTokenFile));
            return CredentialSource.WebIdentity.fromFile(webIdentityTokenFile);
        }
        if (anyCertificateOption) {
            requireOption("--certificate", certificate);
            requireOption("--private-key", privateKey);
            requireOption("--trust-anchor-arn", trustAnchorArn);
            requireOption("--profile-arn", profileArn);
            List<X509Certificate> certificates;
            java.security.PrivateKey key;
            try {
                certificates = PemFiles.readCertificates("--certificate", certificate);
                key = PemFiles.readPrivateKey("--private-key", privateKey);
            } catch (InvalidRoleRequestException e) {
                // The message names the option and the file; unreadable or not PEM, the input is at fault.
                throw new UnreadableInput(e.getMessage());
            }
            return new CredentialSource.RolesAnywhere(certificates.get(0), certificates.subList(1, certificates.size()),
                    key, trustAnchorArn, profileArn, sessionName != null);
        }
        if (environment.get("AWS_ACCESS_KEY_ID") == null) {
            // The default chain may reach a profile whose credential_process is this very command.
            String recursion = credentialProcessRecursion(ownArguments(), ancestorCommandLines());
            if (recursion != null) {
                throw new IllegalArgumentException(recursion);
            }
        }
        return new CredentialSource.DefaultChain();
    }

    /** More nested assume-role runs than this are taken for a loop, whatever their arguments. */
    static final int MAX_NESTED_RUNS = 4;

    /**
     * A profile with {@code credential_process = secure-pipeline assume-role ...} makes the SDK's default chain, as
     * used here, run this command again, which looks up the same chain, and so on without end. The SDK starts the
     * process with our environment and no way for us to mark it, so the loop is recognised by the process's
     * ancestors: one running assume-role with exactly these arguments, or more nested assume-role runs than any
     * sane setup has.
     *
     * @param ownArguments this run's arguments from "assume-role" on
     * @param ancestors the command lines of this process's ancestors, nearest first
     * @return why this run must stop, or null
     */
    static String credentialProcessRecursion(List<String> ownArguments, List<List<String>> ancestors) {
        int nested = 0;
        for (List<String> ancestor : ancestors) {
            int at = ancestor.indexOf("assume-role");
            // A JVM running this command; not a wrapper such as "timeout 60 java -jar ..." that merely names it.
            boolean ours = at > 0 && isJava(ancestor.get(0)) && ancestor.subList(0, at).stream().anyMatch(
                    argument -> argument.endsWith("secure-pipeline.jar") || argument.equals(SecurePipelineCommand.class.getName()));
            if (!ours) {
                continue;
            }
            nested++;
            if (ancestor.subList(at, ancestor.size()).equals(ownArguments)) {
                return "this assume-role was started, with the same arguments, while an assume-role was looking up its "
                        + "first credentials: an AWS profile's credential_process runs assume-role, and the default "
                        + "credential chain leads back to that profile. Stopped, as it would repeat without end; give the "
                        + "profile's command other first credentials (--web-identity-token-file, --certificate, or a "
                        + "profile with keys via AWS_PROFILE)";
            }
        }
        if (nested >= MAX_NESTED_RUNS) {
            return nested + " assume-role runs are already nested above this one; taken for a credential_process loop "
                    + "and stopped";
        }
        return null;
    }

    private static boolean isJava(String executable) {
        String name = executable.substring(executable.lastIndexOf('/') + 1);
        return name.equals("java") || name.equals("java.exe");
    }

    private List<String> ownArguments() {
        List<String> all = spec.commandLine().getParseResult() == null ? List.of()
                : spec.commandLine().getParseResult().originalArgs();
        int at = all.indexOf("assume-role");
        return at < 0 ? List.of() : all.subList(at, all.size());
    }

    /** The command lines of this process's ancestors (as far as the system tells them), nearest first. */
    private static List<List<String>> ancestorCommandLines() {
        List<List<String>> lines = new ArrayList<>();
        java.util.Optional<ProcessHandle> ancestor = ProcessHandle.current().parent();
        for (int depth = 0; depth < 32 && ancestor.isPresent(); depth++) {
            lines.add(commandLine(ancestor.get()));
            ancestor = ancestor.get().parent();
        }
        return lines;
    }

    /**
     * On Linux from /proc: the JDK's {@link ProcessHandle.Info} reads at most one page of it, and a JVM's command line
     * with a long class path is cut before the class name and "assume-role". Elsewhere what the JDK tells.
     */
    private static List<String> commandLine(ProcessHandle process) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            List<String> line = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == 0) {
                    line.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            if (!line.isEmpty()) {
                return line;
            }
        } catch (IOException | RuntimeException e) {
            // no /proc here: ask the JDK
        }
        ProcessHandle.Info info = process.info();
        List<String> line = new ArrayList<>();
        info.command().ifPresent(line::add);
        info.arguments().ifPresent(arguments -> line.addAll(List.of(arguments)));
        return line;
    }

    private RoleSessionRequest request() {
        RoleSessionRequest.Builder request = RoleSessionRequest.builder(RoleArn.parse("--role-arn", roleArn))
                .roleSessionName(sessionName != null ? sessionName : defaultSessionName())
                .duration(parseDuration(duration))
                .externalId(externalId)
                .sourceIdentity(sourceIdentity);
        for (String tag : tags) {
            int eq = tag.indexOf('=');
            if (eq <= 0) {
                throw new InvalidRoleRequestException("--tag", "'" + tag + "' is not KEY=VALUE");
            }
            request.tag(SessionTag.required(tag.substring(0, eq), tag.substring(eq + 1)));
        }
        transitiveTags.forEach(request::transitiveTagKey);
        if (policyFile != null) {
            // STS takes at most 2048 characters; the file may be pretty-printed, but not unbounded.
            byte[] policy = readable("--policy-file", () -> UserFiles.read(policyFile, MAX_POLICY_FILE_BYTES));
            request.policy(new String(policy, StandardCharsets.UTF_8));
        }
        managedPolicies.forEach(request::policyArn);
        return request.build();
    }

    /** Inside Jenkins, JOB_NAME and BUILD_NUMBER name the session; elsewhere the local user does. */
    private String defaultSessionName() {
        String job = environment.get("JOB_NAME");
        if (job == null || job.isBlank()) {
            String user = System.getProperty("user.name", "user");
            return new BuildContext("cli-" + user, 0, null, null).sessionName();
        }
        int build = 0;
        try {
            build = Integer.parseInt(environment.getOrDefault("BUILD_NUMBER", "0"));
        } catch (NumberFormatException e) {
            // a non-numeric BUILD_NUMBER is left out of the name
        }
        return new BuildContext(job, Math.max(build, 0), null, null).sessionName();
    }

    static Duration parseDuration(String text) {
        String trimmed = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = DURATION.matcher(trimmed);
        if (trimmed.isEmpty() || !matcher.matches()) {
            throw new InvalidRoleRequestException("--duration", "'" + text + "' is not a duration such as 15m, 1h, 1h30m or 3600");
        }
        long seconds = 0;
        try {
            seconds += matcher.group(1) == null ? 0 : Math.multiplyExact(Long.parseLong(matcher.group(1)), 3600);
            seconds += matcher.group(2) == null ? 0 : Math.multiplyExact(Long.parseLong(matcher.group(2)), 60);
            seconds += matcher.group(3) == null ? 0 : Long.parseLong(matcher.group(3));
        } catch (ArithmeticException | NumberFormatException e) {
            throw new InvalidRoleRequestException("--duration", "'" + text + "' is too large");
        }
        return Duration.ofSeconds(seconds);
    }

    private int run(AssumedRole role, String region) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> childEnvironment = builder.environment();
        var credentials = role.credentials();
        childEnvironment.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        childEnvironment.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        childEnvironment.put("AWS_SESSION_TOKEN", credentials.sessionToken());
        // As the Jenkins step sets it: tools that cache credentials (and people) can see when they end.
        childEnvironment.put("AWS_CREDENTIAL_EXPIRATION", role.expiration().toString());
        childEnvironment.put("AWS_REGION", region);
        childEnvironment.put("AWS_DEFAULT_REGION", region);
        // The child must use these keys, not a profile or web identity file that the SDKs would prefer.
        childEnvironment.remove("AWS_PROFILE");
        childEnvironment.remove("AWS_WEB_IDENTITY_TOKEN_FILE");
        childEnvironment.remove("AWS_ROLE_ARN");
        return runChild(builder);
    }

    /**
     * {@code --serve}: the command gets a credential endpoint on 127.0.0.1 instead of keys. Each request is answered
     * with the current session, re-assumed through the same path before it expires; a session that cannot be renewed
     * is served until it expires, then the endpoint answers with the reason. The endpoint stops when the command ends.
     */
    private int serve(AssumedRole first, AwsClientSettings settings, CredentialSource source, RoleSessionRequest request) {
        RoleAssumer assumer = new RoleAssumer(new AwsClients(settings));
        boolean[] handedOut = {false};
        RenewingCredentialsProvider renewing = new RenewingCredentialsProvider(() -> {
            if (!handedOut[0]) {
                handedOut[0] = true;
                return first;
            }
            return assumer.assume(source, request);
        }, Clock.systemUTC(), RenewingCredentialsProvider.DEFAULT_RENEW_BEFORE);
        CredentialSupply supply = () -> {
            try {
                AssumedRole current = renewing.currentSession();
                return new ServedCredentials(current.credentials().accessKeyId(), current.credentials().secretAccessKey(),
                        current.credentials().sessionToken(), current.expiration());
            } catch (AwsCallException | InvalidRoleRequestException | IllegalStateException e) {
                throw new CredentialSupply.Unavailable(e.getMessage());
            }
        };
        String token = CredentialEndpoint.newToken();
        try (CredentialEndpoint endpoint = CredentialEndpoint.start(0, CredentialEndpoint.newPath(), token, supply)) {
            ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT);
            Map<String, String> childEnvironment = builder.environment();
            childEnvironment.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", endpoint.uri().toString());
            childEnvironment.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", token);
            childEnvironment.put("AWS_REGION", settings.region());
            childEnvironment.put("AWS_DEFAULT_REGION", settings.region());
            // Every source the SDKs would prefer to the endpoint goes: keys, profile, web identity.
            for (String preferred : List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
                    "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")) {
                childEnvironment.remove(preferred);
            }
            return runChild(builder);
        } catch (IOException e) {
            spec.commandLine().getErr().println("assume-role: --serve: cannot start the credential endpoint on 127.0.0.1: "
                    + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    private int runChild(ProcessBuilder builder) {
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            spec.commandLine().getErr().println("assume-role: cannot run '" + command.get(0) + "': " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Thread stdout = copy(process.getInputStream(), spec.commandLine().getOut());
        Thread stderr = copy(process.getErrorStream(), spec.commandLine().getErr());
        try {
            int exit = process.waitFor();
            stdout.join();
            stderr.join();
            return exit;
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            return ExitCodes.USAGE;
        }
    }

    /** The child's output goes through our writers so that callers (and tests) see it where they see ours. */
    private static Thread copy(InputStream from, PrintWriter to) {
        Thread thread = new Thread(() -> {
            try (Reader reader = new InputStreamReader(from, StandardCharsets.UTF_8)) {
                char[] buffer = new char[8192];
                for (int n; (n = reader.read(buffer)) >= 0; ) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            } catch (IOException e) {
                // the child closed its end; nothing more to copy
            }
        }, "assume-role-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Core names the request fields the way the Jenkins step does; on the command line they are options. */
    private static final Map<String, String> OPTION_OF_FIELD = Map.ofEntries(
            Map.entry("durationSeconds", "--duration"), Map.entry("roleSessionName", "--session-name"),
            Map.entry("externalId", "--external-id"), Map.entry("sourceIdentity", "--source-identity"),
            Map.entry("tags", "--tag"), Map.entry("transitiveTagKeys", "--transitive-tag"),
            Map.entry("policy", "--policy-file"), Map.entry("policyArns", "--managed-policy"),
            Map.entry("webIdentityToken", "--web-identity-token-file"),
            Map.entry("webIdentityTokenFile", "--web-identity-token-file"),
            Map.entry("certificate", "--certificate"), Map.entry("privateKey", "--private-key"),
            Map.entry("trustAnchorArn", "--trust-anchor-arn"), Map.entry("profileArn", "--profile-arn"),
            Map.entry("format", "--format"), Map.entry("region", "--region"), Map.entry("roleArn", "--role-arn"));

    /** "durationSeconds: ..." becomes "--duration: ...", "tags[2].key: ..." becomes "--tag: ...". */
    static String withOptionNames(String message) {
        Matcher field = Pattern.compile("^([A-Za-z]+)(\\[[^:\\s]*)?: ").matcher(message == null ? "" : message);
        if (field.find() && OPTION_OF_FIELD.containsKey(field.group(1))) {
            return OPTION_OF_FIELD.get(field.group(1)) + ": " + message.substring(field.end());
        }
        return message;
    }

    /** A file option that cannot be read (exit 3, like every command's unreadable input). */
    private static final class UnreadableInput extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnreadableInput(String message) {
            super(message);
        }
    }

    @FunctionalInterface
    private interface FileRead<T> {
        T read() throws UserFileException;
    }

    private static <T> T readable(String option, FileRead<T> read) {
        try {
            return read.read();
        } catch (UserFileException e) {
            throw new UnreadableInput(option + ": " + e.getMessage());
        }
    }

    private static void requireOption(String name, Object value) {
        if (value == null) {
            throw new InvalidRoleRequestException(name, "required with --certificate/--private-key/--trust-anchor-arn/--profile-arn");
        }
    }

    private URI uriFromEnvironment(String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not a URL");
        }
    }

    private String firstSet(String... names) {
        for (String name : names) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
