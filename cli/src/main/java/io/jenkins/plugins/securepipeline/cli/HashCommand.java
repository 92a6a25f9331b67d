package io.jenkins.plugins.securepipeline.cli;

import io.jenkins.plugins.securepipeline.cli.image.InputException;
import io.jenkins.plugins.securepipeline.cli.image.SecretFiles;
import io.jenkins.plugins.securepipeline.integrity.ArtifactPath;
import io.jenkins.plugins.securepipeline.integrity.ArtifactSelector;
import io.jenkins.plugins.securepipeline.integrity.BaseDirectory;
import io.jenkins.plugins.securepipeline.integrity.ChecksumEntry;
import io.jenkins.plugins.securepipeline.integrity.ChecksumFormat;
import io.jenkins.plugins.securepipeline.integrity.CoreutilsChecksumFile;
import io.jenkins.plugins.securepipeline.integrity.DigestAlgorithm;
import io.jenkins.plugins.securepipeline.integrity.HashOutcome;
import io.jenkins.plugins.securepipeline.integrity.ParallelHasher;
import io.jenkins.plugins.securepipeline.integrity.manifest.ChecksumManifest;
import io.jenkins.plugins.securepipeline.integrity.manifest.ManifestJson;
import io.jenkins.plugins.securepipeline.integrity.manifest.ManifestSigning;
import io.jenkins.plugins.securepipeline.signing.AwsKmsSigner;
import io.jenkins.plugins.securepipeline.signing.EcdsaP256Signer;
import io.jenkins.plugins.securepipeline.signing.KmsKeyReference;
import io.jenkins.plugins.securepipeline.signing.Signer;
import io.jenkins.plugins.securepipeline.signing.SigningException;
import io.jenkins.plugins.securepipeline.signing.cosign.CosignKeyFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * {@code secure-pipeline hash}: prints a checksum file for files, directory trees and globs under a base directory.
 * Nothing is printed unless every file was hashed: a partial checksum file would later "verify" a partial artifact.
 */
@Command(
        name = "hash",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        description = {
            "Print a checksum file (GNU sha256sum, BSD --tag, or a signed JSON manifest) for files, directory trees and globs.",
            "Names are relative to --base; symbolic links are not followed."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:checksum file printed", "2:usage error", "3:a file or the signing key could not be read",
                "5:signing failed (AWS KMS)", "6:unexpected internal failure (the message says what; please report it)"})
public final class HashCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--algorithm", defaultValue = "sha256", paramLabel = "sha256|sha384|sha512",
            description = "Digest algorithm (default: ${DEFAULT-VALUE}).")
    private String algorithm;

    @Option(names = "--format", defaultValue = "gnu", paramLabel = "gnu|bsd|json",
            description = "Output format (default: ${DEFAULT-VALUE}). gnu and bsd are what sha256sum [--tag] writes.")
    private String format;

    @Option(names = "--base", defaultValue = ".", paramLabel = "DIR",
            description = "Directory that names are relative to and that no file may leave (default: current directory).")
    private Path base;

    @Option(names = "--sign-key", paramLabel = "FILE|awskms:///KEY",
            description = "Sign the JSON manifest with an ECDSA P-256 key: a PEM file (PKCS#8 or EC PRIVATE KEY), a cosign "
                    + "encrypted key (with --key-password-file) or an AWS KMS key.")
    private String signKey;

    @Option(names = "--key-password-file", paramLabel = "FILE",
            description = "Passphrase of an encrypted --sign-key (first line), as push-image takes it.")
    private Path keyPasswordFile;

    @Parameters(arity = "1..*", paramLabel = "PATH|GLOB",
            description = "Files, directories (hashed recursively) or glob patterns (quote them; ** crosses directories).")
    private List<String> operands;

    @CommandLine.Mixin
    private TimeoutOption network = new TimeoutOption();

    private final KmsClientSource kmsClients;
    private final Supplier<Path> standardOutputFile;

    public HashCommand() {
        this.kmsClients = KmsClientSource.fromEnvironment(System.getenv(), () -> network);
        this.standardOutputFile = HashCommand::standardOutputOfThisProcess;
    }

    public HashCommand(KmsClientSource kmsClients) {
        this(kmsClients, () -> null);
    }

    /** @param standardOutputFile where the output goes (tests name a file; the CLI asks the operating system) */
    HashCommand(KmsClientSource kmsClients, Supplier<Path> standardOutputFile) {
        this.kmsClients = kmsClients;
        this.standardOutputFile = standardOutputFile;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        DigestAlgorithm digestAlgorithm;
        ChecksumFormat checksumFormat;
        try {
            digestAlgorithm = DigestAlgorithm.parse(algorithm);
            checksumFormat = ChecksumFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (keyPasswordFile != null && signKey == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--key-password-file is only used with --sign-key");
        }
        if (signKey != null && checksumFormat != ChecksumFormat.JSON) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--sign-key signs JSON manifests; add --format json");
        }
        BaseDirectory baseDirectory;
        try {
            baseDirectory = BaseDirectory.of(base);
        } catch (IOException e) {
            err.println("secure-pipeline hash: base directory " + base + ": " + Messages.describe(e));
            return ExitCodes.INVALID_INPUT;
        }
        ArtifactSelector selector = new ArtifactSelector(baseDirectory);
        // Each operand is checked on its own first (trees are not walked yet), so every error names its operand.
        for (String operand : operands) {
            try {
                selector.stream(List.of(operand), link -> { });
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            } catch (NoSuchFileException e) {
                err.println("secure-pipeline hash: " + ArtifactPath.printable(operand)
                        + ": " + (e.getReason() == null ? "no such file or directory" : e.getReason()));
                return ExitCodes.INVALID_INPUT;
            } catch (IOException e) {
                err.println("secure-pipeline hash: " + ArtifactPath.printable(operand) + ": " + Messages.problem(e));
                return ExitCodes.INVALID_INPUT;
            }
        }
        Iterator<String> names;
        try {
            // Operands are checked here; trees are walked while their files are hashed.
            names = selector.stream(operands, link ->
                    err.println("secure-pipeline hash: skipped symbolic link " + ArtifactPath.printable(link) + " (not followed)"));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } catch (NoSuchFileException e) {
            err.println("secure-pipeline hash: " + ArtifactPath.printable(e.getFile())
                    + ": " + (e.getReason() == null ? "no such file or directory" : e.getReason()));
            return ExitCodes.INVALID_INPUT;
        } catch (IOException e) {
            err.println("secure-pipeline hash: " + Messages.describe(e));
            return ExitCodes.INVALID_INPUT;
        }
        // "hash . > SHA256SUMS": the shell creates the output file first. It would be listed with the digest of an
        // empty file, which can never verify; a checksum file cannot hold its own digest anyway.
        names = withoutOwnOutput(names, outputName(baseDirectory), err);
        return checksumFormat == ChecksumFormat.JSON
                ? printManifest(baseDirectory, names, digestAlgorithm, err)
                : printChecksumFile(baseDirectory, names, digestAlgorithm, checksumFormat, err);
    }

    /**
     * GNU and BSD lines are written as each file (and every file before it) is hashed, to a spool that is printed
     * when all were: nothing about the files is held in memory, and a failed run prints nothing.
     */
    private int printChecksumFile(BaseDirectory baseDirectory, Iterator<String> names, DigestAlgorithm digestAlgorithm,
            ChecksumFormat checksumFormat, PrintWriter err) throws InterruptedException {
        boolean[] failed = {false};
        try (OutputSpool spool = new OutputSpool()) {
            new ParallelHasher(baseDirectory).hashInOrder(names, digestAlgorithm, outcome -> {
                if (outcome instanceof HashOutcome.Hashed hashed) {
                    spool.write(CoreutilsChecksumFile.line(hashed.name(), hashed.digest(), checksumFormat));
                } else {
                    report((HashOutcome.Failed) outcome, err);
                    failed[0] = true;
                }
            });
            if (failed[0]) {
                return ExitCodes.INVALID_INPUT;
            }
            spool.copyTo(spec.commandLine().getOut());
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println("secure-pipeline hash: " + Messages.describe(e));
            return ExitCodes.INVALID_INPUT;
        }
    }

    /** A manifest is signed over all its entries: they are collected first. */
    private int printManifest(BaseDirectory baseDirectory, Iterator<String> names, DigestAlgorithm digestAlgorithm,
            PrintWriter err) throws InterruptedException {
        List<ChecksumEntry> entries = new ArrayList<>();
        boolean[] failed = {false};
        try {
            new ParallelHasher(baseDirectory).hashInOrder(names, digestAlgorithm, outcome -> {
                if (outcome instanceof HashOutcome.Hashed hashed) {
                    entries.add(new ChecksumEntry(hashed.name(), hashed.digest(), OptionalLong.of(hashed.size())));
                } else {
                    report((HashOutcome.Failed) outcome, err);
                    failed[0] = true;
                }
            });
        } catch (IOException e) {
            err.println("secure-pipeline hash: " + Messages.describe(e));
            return ExitCodes.INVALID_INPUT;
        }
        if (failed[0]) {
            return ExitCodes.INVALID_INPUT;
        }
        byte[] output;
        try {
            output = render(entries, digestAlgorithm);
        } catch (InputException e) {
            err.println("secure-pipeline hash: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        } catch (SigningException e) {
            err.println("secure-pipeline hash: " + e.getMessage());
            return ExitCodes.REGISTRY_OR_SIGNING_FAILURE;
        } catch (IOException e) {
            err.println("secure-pipeline hash: " + Messages.describe(e));
            return ExitCodes.INVALID_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(new String(output, StandardCharsets.UTF_8));
        out.flush();
        return ExitCodes.OK;
    }

    private static Iterator<String> withoutOwnOutput(Iterator<String> names, String ownOutput, PrintWriter err) {
        if (ownOutput == null) {
            return names;
        }
        return new Iterator<>() {
            private String next = advance();

            private String advance() {
                while (names.hasNext()) {
                    String name = names.next();
                    if (!name.equals(ownOutput)) {
                        return name;
                    }
                    err.println("secure-pipeline hash: skipped " + ArtifactPath.printable(ownOutput) + " (this command's output)");
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public String next() {
                if (next == null) {
                    throw new java.util.NoSuchElementException();
                }
                String current = next;
                next = advance();
                return current;
            }
        };
    }

    /** The base-relative name of the file standard output goes to, when it is a regular file under the base. */
    private String outputName(BaseDirectory baseDirectory) {
        Path output = standardOutputFile.get();
        if (output == null) {
            return null;
        }
        try {
            Path real = output.toRealPath();
            return Files.isRegularFile(real) && real.startsWith(baseDirectory.root()) && !real.equals(baseDirectory.root())
                    ? baseDirectory.nameOf(real) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Where this process's standard output goes, on Linux; null elsewhere or when it is not a file. */
    static Path standardOutputOfThisProcess() {
        try {
            Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/1"));
            return target.isAbsolute() ? target : null;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    private static void report(HashOutcome.Failed failure, PrintWriter err) {
        err.println("secure-pipeline hash: " + ArtifactPath.printable(failure.name()) + ": " + failure.reason());
    }

    private byte[] render(List<ChecksumEntry> entries, DigestAlgorithm digestAlgorithm)
            throws IOException, InputException, SigningException {
        ChecksumManifest manifest = ChecksumManifest.unsigned(digestAlgorithm, entries);
        if (signKey == null) {
            return ManifestJson.write(manifest);
        }
        if (KmsKeyReference.isKmsReference(signKey)) {
            KmsKeyReference key;
            try {
                key = KmsKeyReference.parse(signKey);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--sign-key: " + e.getMessage());
            }
            try (KmsClient kms = kmsClients.open()) {
                return ManifestJson.write(ManifestSigning.sign(manifest, new AwsKmsSigner(kms, key)));
            } catch (RuntimeException e) {
                // Client construction fails with unchecked SDK exceptions (no region, no credentials).
                throw new SigningException("cannot use AWS KMS key " + key + ": " + e.getMessage(), e);
            }
        }
        // The same key files push-image signs with: plain PEM, or cosign's encrypted format and its passphrase.
        char[] passphrase = keyPasswordFile == null ? null : SecretFiles.readFirstLine(keyPasswordFile, "--key-password-file");
        Signer signer;
        try {
            signer = EcdsaP256Signer.of(CosignKeyFiles.readKeyPair(Path.of(signKey), passphrase));
        } catch (IOException e) {
            throw new InputException("--sign-key: " + e.getMessage());
        } finally {
            if (passphrase != null) {
                java.util.Arrays.fill(passphrase, '\0');
            }
        }
        return ManifestJson.write(ManifestSigning.sign(manifest, signer));
    }
}
