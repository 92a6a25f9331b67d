package io.jenkins.plugins.securepipeline.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.securepipeline.integrity.ArtifactDigest;
import io.jenkins.plugins.securepipeline.integrity.ArtifactPath;
import io.jenkins.plugins.securepipeline.integrity.ArtifactSelector;
import io.jenkins.plugins.securepipeline.integrity.BaseDirectory;
import io.jenkins.plugins.securepipeline.integrity.ChecksumEntry;
import io.jenkins.plugins.securepipeline.integrity.ChecksumFileException;
import io.jenkins.plugins.securepipeline.integrity.ChecksumLimits;
import io.jenkins.plugins.securepipeline.integrity.ChecksumVerifier;
import io.jenkins.plugins.securepipeline.integrity.FileVerdict;
import io.jenkins.plugins.securepipeline.integrity.VerdictCounts;
import io.jenkins.plugins.securepipeline.integrity.VerificationReport;
import io.jenkins.plugins.securepipeline.integrity.manifest.ChecksumFileLoader;
import io.jenkins.plugins.securepipeline.integrity.manifest.ChecksumManifest;
import io.jenkins.plugins.securepipeline.integrity.manifest.ManifestSigning;
import io.jenkins.plugins.securepipeline.signing.AwsKmsPublicKey;
import io.jenkins.plugins.securepipeline.signing.EcdsaP256Verifier;
import io.jenkins.plugins.securepipeline.signing.KeyFileException;
import io.jenkins.plugins.securepipeline.signing.KmsKeyReference;
import io.jenkins.plugins.securepipeline.signing.PemKeyReader;
import io.jenkins.plugins.securepipeline.signing.SignatureVerifier;
import io.jenkins.plugins.securepipeline.signing.SigningException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * {@code secure-pipeline verify-hash}: proves files are byte-identical to a checksum file (any format we read, the
 * JSON manifest optionally signed) or to one expected digest. Every file gets a verdict before the exit code is
 * decided.
 */
@Command(
        name = "verify-hash",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        description = {
            "Verify files against a checksum file (GNU, BSD or JSON manifest) or one expected digest."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file matches", "1:a file is mismatched, missing, unexpected or unreadable",
                "2:usage error", "3:the checksum file or public key could not be read, or the signature is invalid or required",
                "6:unexpected internal failure (the message says what; please report it)"})
public final class VerifyHashCommand implements Callable<Integer> {
    /** In a holder so that building the command line (every command, at start-up) does not set up Jackson. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--checksums", paramLabel = "FILE", description = "Checksum file: sha256sum/sha512sum output (with or without --tag) or a JSON manifest.")
    private Path checksums;

    @Option(names = "--exact", description = "With --checksums: files under --base that are not listed are UNEXPECTED.")
    private boolean exact;

    @Option(names = "--expected", paramLabel = "ALGO:HEX", description = "One expected digest, e.g. sha256:<64 hex digits>, for PATH.")
    private String expected;

    @Parameters(arity = "0..1", paramLabel = "PATH", description = "With --expected: the file to check, relative to --base.")
    private String path;

    @Option(names = "--base", defaultValue = ".", paramLabel = "DIR",
            description = "Directory that names are relative to and that no file may leave (default: current directory).")
    private Path base;

    @Option(names = "--public-key", paramLabel = "FILE|awskms:///KEY",
            description = "Require a JSON manifest signed by this key (PEM PUBLIC KEY, or the public key of an AWS KMS key).")
    private String publicKey;

    @Option(names = "--require-signature",
            description = "Fail (exit 3) unless the checksum file is a JSON manifest whose signature --public-key verifies.")
    private boolean requireSignature;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Report format (default: ${DEFAULT-VALUE}).")
    private String format;

    @CommandLine.Mixin
    private TimeoutOption network = new TimeoutOption();

    private final KmsClientSource kmsClients;

    public VerifyHashCommand() {
        this.kmsClients = KmsClientSource.fromEnvironment(System.getenv(), () -> network);
    }

    public VerifyHashCommand(KmsClientSource kmsClients) {
        this.kmsClients = kmsClients;
    }

    @Override
    public Integer call() throws InterruptedException {
        checkUsage();
        PrintWriter err = spec.commandLine().getErr();
        BaseDirectory baseDirectory;
        try {
            baseDirectory = BaseDirectory.of(base);
        } catch (IOException e) {
            err.println("secure-pipeline verify-hash: base directory " + base + ": " + Messages.describe(e));
            return ExitCodes.INVALID_INPUT;
        }
        ChecksumVerifier verifier = new ChecksumVerifier(baseDirectory);
        List<ChecksumEntry> entries;
        String signatureStatus;
        if (expected != null) {
            entries = List.of(expectedEntry(baseDirectory));
            signatureStatus = "none";
        } else {
            ChecksumFileLoader.LoadedChecksums loaded;
            try {
                loaded = ChecksumFileLoader.load(checksums, ChecksumLimits.DEFAULT);
                signatureStatus = checkSignature(loaded.manifest());
            } catch (ChecksumFileException e) {
                err.println("secure-pipeline verify-hash: --checksums: " + e.getMessage());
                return ExitCodes.INVALID_INPUT;
            } catch (InvalidSignature e) {
                err.println("secure-pipeline verify-hash: " + e.getMessage());
                return ExitCodes.INVALID_INPUT;
            }
            // A checksum file cannot hold its own digest: an entry for itself (written by "hash . > SUMS") is dropped.
            Set<String> self = checksumFileInsideBase(baseDirectory);
            entries = loaded.entries().stream().filter(entry -> !self.contains(entry.name())).toList();
            if (entries.size() < loaded.entries().size()) {
                err.println("secure-pipeline verify-hash: note: " + checksums + " lists itself; that entry is not checked "
                        + "(a file cannot contain its own digest)");
            }
            if (entries.isEmpty()) {
                err.println("secure-pipeline verify-hash: --checksums: " + checksums + " lists no file but itself");
                return ExitCodes.INVALID_INPUT;
            }
        }
        // Text verdicts are printed as they come (in listed order); the JSON report is written whole at the end.
        PrintWriter out = spec.commandLine().getOut();
        VerdictCounts counts = new VerdictCounts();
        List<FileVerdict> verdicts = new ArrayList<>();
        ChecksumVerifier.VerdictSink sink = verdict -> {
            counts.add(verdict);
            if (format.equals("json")) {
                verdicts.add(verdict);
            } else {
                // print, not println: the writer flushes at every println, a system call per file.
                out.print(textLine(verdict) + System.lineSeparator());
            }
        };
        if (exact) {
            try {
                verifier.verifyExactSetInOrder(entries, checksumFileInsideBase(baseDirectory), sink);
            } catch (IOException e) {
                err.println("secure-pipeline verify-hash: cannot list " + base + " completely for --exact: " + Messages.describe(e));
                return ExitCodes.INVALID_INPUT;
            }
        } else {
            try {
                verifier.verifyInOrder(entries, sink);
            } catch (IOException e) {
                // The sink writes to a PrintWriter, which does not throw.
                throw new IllegalStateException(e);
            }
        }
        String result = counts.passed() ? "PASSED" : "BLOCKED";
        if (format.equals("json")) {
            out.println(toJson(new VerificationReport(verdicts), signatureStatus, result));
        } else {
            if (!signatureStatus.equals("none")) {
                out.println("signature: " + signatureStatus);
            }
            out.println(result + ": " + counts.summary());
        }
        out.flush();
        return counts.passed() ? ExitCodes.OK : ExitCodes.BLOCKED;
    }

    private void checkUsage() {
        CommandLine commandLine = spec.commandLine();
        if ((checksums == null) == (expected == null)) {
            throw new CommandLine.ParameterException(commandLine, "give either --checksums FILE or --expected ALGO:HEX PATH");
        }
        if (expected != null && path == null) {
            throw new CommandLine.ParameterException(commandLine, "--expected needs the PATH of the file to check");
        }
        if (checksums != null && path != null) {
            throw new CommandLine.ParameterException(commandLine, "PATH is only used with --expected; --checksums lists the files");
        }
        if (exact && checksums == null) {
            throw new CommandLine.ParameterException(commandLine, "--exact needs --checksums");
        }
        if (publicKey != null && checksums == null) {
            throw new CommandLine.ParameterException(commandLine, "--public-key checks a signed JSON manifest given with --checksums");
        }
        if (!format.equals("text") && !format.equals("json")) {
            throw new CommandLine.ParameterException(commandLine, "--format must be text or json");
        }
    }

    private ChecksumEntry expectedEntry(BaseDirectory baseDirectory) {
        try {
            ArtifactDigest digest = ArtifactDigest.parse(expected);
            return new ChecksumEntry(new ArtifactSelector(baseDirectory).nameOf(path), digest);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * "verified (key ...)", "present, not checked (no --public-key)", or "none"; or fails when a key was given or a
     * signature is required. A signature nobody checks is said on stderr: it proves nothing.
     */
    private String checkSignature(Optional<ChecksumManifest> manifest) throws InvalidSignature {
        boolean signed = manifest.flatMap(ChecksumManifest::signature).isPresent();
        if (requireSignature && !signed) {
            throw new InvalidSignature("--require-signature: " + checksums + " is not signed"
                    + (manifest.isEmpty() ? " (a coreutils checksum file cannot be)" : ""));
        }
        if (publicKey == null) {
            if (requireSignature) {
                throw new InvalidSignature("--require-signature: " + checksums + " is signed, but without --public-key "
                        + "the signature cannot be checked");
            }
            if (signed) {
                spec.commandLine().getErr().println("secure-pipeline verify-hash: warning: " + checksums + " is signed, "
                        + "but no --public-key was given: the signature was not checked (--require-signature makes this an error)");
            }
            return signed ? "present, not checked (no --public-key)" : "none";
        }
        if (manifest.isEmpty()) {
            throw new InvalidSignature(checksums + ": --public-key needs a signed JSON manifest, but this is a coreutils checksum file");
        }
        SignatureVerifier verifier = trustedKey();
        try {
            ManifestSigning.verify(manifest.get(), verifier);
        } catch (ManifestSigning.InvalidManifestSignatureException e) {
            throw new InvalidSignature(checksums + ": " + e.getMessage());
        }
        return "verified (key " + verifier.keyId() + ")";
    }

    private SignatureVerifier trustedKey() throws InvalidSignature {
        if (KmsKeyReference.isKmsReference(publicKey)) {
            KmsKeyReference key;
            try {
                key = KmsKeyReference.parse(publicKey);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--public-key: " + e.getMessage());
            }
            try (KmsClient kms = kmsClients.open()) {
                return AwsKmsPublicKey.verifierFor(kms, key);
            } catch (SigningException | RuntimeException e) {
                throw new InvalidSignature("cannot get the public key of " + key + " to check the signature: " + e.getMessage());
            }
        }
        try {
            return EcdsaP256Verifier.of(PemKeyReader.readPublicKey(Path.of(publicKey)));
        } catch (KeyFileException e) {
            throw new InvalidSignature("--public-key: " + e.getMessage());
        }
    }

    private Set<String> checksumFileInsideBase(BaseDirectory baseDirectory) {
        try {
            Path real = checksums.toRealPath();
            return real.startsWith(baseDirectory.root()) ? Set.of(baseDirectory.nameOf(real)) : Set.of();
        } catch (IOException e) {
            return Set.of();
        }
    }

    private static String textLine(FileVerdict verdict) {
        StringBuilder line = new StringBuilder(64).append(verdict.status());
        while (line.length() < 10) {
            line.append(' ');
        }
        line.append("  ").append(ArtifactPath.printable(verdict.name()));
        switch (verdict.status()) {
            case MISMATCH -> {
                line.append("  expected ").append(verdict.expected()).append(" actual ").append(verdict.actual());
                if (!verdict.detail().isEmpty()) {
                    line.append(" (").append(verdict.detail()).append(')');
                }
            }
            case MISSING -> line.append("  expected ").append(verdict.expected());
            case UNREADABLE -> line.append("  ").append(verdict.detail());
            default -> {
                // MATCH and UNEXPECTED need nothing more than name and status.
            }
        }
        return line.toString();
    }

    private static String toJson(VerificationReport report, String signatureStatus, String result) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("result", result);
        root.put("summary", report.summary());
        root.put("signature", signatureStatus);
        ObjectNode counts = root.putObject("counts");
        for (Map.Entry<FileVerdict.Status, Integer> count : report.counts().entrySet()) {
            counts.put(count.getKey().name(), count.getValue());
        }
        ArrayNode files = root.putArray("files");
        for (FileVerdict verdict : report.verdicts()) {
            ObjectNode file = files.addObject();
            file.put("path", verdict.name());
            file.put("status", verdict.status().name());
            if (verdict.expected() != null) {
                file.put("expected", verdict.expected().toString());
            }
            if (verdict.actual() != null) {
                file.put("actual", verdict.actual().toString());
            }
            verdict.expectedSize().ifPresent(size -> file.put("expectedSize", size));
            verdict.actualSize().ifPresent(size -> file.put("actualSize", size));
            if (!verdict.detail().isEmpty()) {
                file.put("detail", verdict.detail());
            }
        }
        try {
            return Json.MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree of strings and numbers", e);
        }
    }

    /** The checksum file's signature could not be established: exit 3, like an unreadable checksum file. */
    private static final class InvalidSignature extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidSignature(String message) {
            super(message);
        }
    }
}
