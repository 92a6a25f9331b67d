package io.jenkins.plugins.securepipeline.cli.image;

import io.jenkins.plugins.securepipeline.cli.ExitCodes;
import io.jenkins.plugins.securepipeline.image.ImageReference;
import io.jenkins.plugins.securepipeline.image.ImageSource;
import io.jenkins.plugins.securepipeline.image.InvalidImageException;
import io.jenkins.plugins.securepipeline.image.SourceSpec;
import io.jenkins.plugins.securepipeline.image.ecr.EcrRegistryHost;
import io.jenkins.plugins.securepipeline.image.ecr.EcrRepositoryCheck;
import io.jenkins.plugins.securepipeline.image.publish.SignedImagePublisher;
import io.jenkins.plugins.securepipeline.image.registry.ImagePusher;
import io.jenkins.plugins.securepipeline.image.registry.RegistryClient;
import java.io.IOException;
import java.nio.file.Path;
import io.jenkins.plugins.securepipeline.signing.attest.Predicate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code push-image}: push an image from the build agent's disk, read it back, then sign that digest. */
@Command(name = "push-image", mixinStandardHelpOptions = true,
        description = {"Push an image from disk to a registry with its digest preserved, then sign that digest.",
                "The source is an OCI layout, an OCI archive or a docker save archive; the manifest is read back after the "
                        + "push and, with --sign-key, its digest is signed in cosign's format, and signed in-toto "
                        + "attestations (SLSA provenance, SBOMs, other JSON predicates) are attached as cosign attest does."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:pushed (and signed)", "2:usage error",
                "3:a local input (--source, --sign-key, a password file, an attestation file) could not be read",
                "5:registry or signing failure (the message names host and port)", "6:unexpected internal failure (the message says what; please report it)"})
public final class PushImageCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "SOURCE",
            description = "The image on disk: oci:DIR[:NAME], oci-archive:TAR[:NAME] or docker-archive:TAR (uncompressed).")
    String source;

    @Option(names = "--target", required = true, paramLabel = "HOST[:PORT]/REPO:TAG",
            description = "Where to push: registry host, repository and tag.")
    String target;

    @Option(names = "--sign-key", paramLabel = "FILE|awskms:///KEY",
            description = "Private key (PEM, cosign encrypted key) or AWS KMS key to sign the pushed digest with.")
    String signKey;

    @Option(names = "--key-password-file", paramLabel = "FILE", description = "Passphrase of an encrypted key (first line).")
    Path keyPasswordFile;

    @Option(names = "--recursive",
            description = "For a multi-platform image (index), also sign each platform manifest (as cosign sign --recursive).")
    boolean recursive;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Result as sentences (text) or one JSON object (json) on standard output (default: ${DEFAULT-VALUE}).")
    ImageCommandSupport.Format format;

    @Mixin
    RegistryAccessOptions options;

    @Mixin
    AttestationOptions attestations;

    @Mixin
    ProgressOptions output;

    @Override
    public Integer call() {
        return ImageCommandSupport.run(spec, "push-image", this::push);
    }

    private int push() throws Exception {
        options.validate();
        ImageReference targetReference = parse(target, "--target");
        if (targetReference.tag() == null) {
            throw new UsageException("--target needs a tag: HOST/REPO:TAG");
        }
        SourceSpec sourceSpec;
        try {
            sourceSpec = SourceSpec.parse(source);
        } catch (InvalidImageException e) {
            throw new UsageException(e.getMessage());
        }
        if (keyPasswordFile != null && signKey == null) {
            throw new UsageException("--key-password-file is only used with --sign-key");
        }
        if (recursive && signKey == null) {
            throw new UsageException("--recursive is only used with --sign-key");
        }
        attestations.validate();
        if (attestations.any() && signKey == null) {
            throw new UsageException("attestations are signed: --attest-provenance, --attest-sbom and --attest need --sign-key");
        }
        // Read before pushing: a bad SBOM file must not leave a pushed image without its attestations.
        List<Predicate> predicates = attestations.read();
        SigningKeyOptions keys = new SigningKeyOptions(options.network);
        try {
            SigningKeyOptions.OpenedSigner signer = signKey == null ? null
                    : keys.signer("--sign-key", signKey, keyPasswordFile, options.region);
            if (options.ecr) {
                EcrRegistryHost ecrHost = options.ecrHost(targetReference);
                EcrRepositoryCheck.RepositoryInfo info = new EcrRepositoryCheck(options.ecrClient())
                        .requireExists(ecrHost, targetReference.repository());
                if (signer != null && info.blocksSignatureTags()) {
                    output.warn(spec.commandLine().getErr(), "push-image: warning: repository " + info.name()
                            + " has immutable tags without a 'sha256-*' exclusion; the first signature (and first set of"
                            + " attestations) of a digest works, adding more later (another key, other attestations) will be refused");
                }
            }
            RegistryClient registry = options.client(targetReference);
            TransferProgress progress = output.progress(spec.commandLine().getErr(), format);
            SignedImagePublisher.Outcome outcome;
            try (ImageSource image = open(sourceSpec)) {
                outcome = new SignedImagePublisher(registry, new ImagePusher(registry, options.parallel, new WarmUpOnFirstTransfer(progress)))
                        .publish(image, targetReference, signer == null ? null : signer.signer(),
                                signer == null ? null : signer.selfCheck(), null, predicates, recursive);
            } finally {
                if (progress != null) {
                    progress.finish();
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("digest", outcome.push().digest().toString());
            result.put("reference", outcome.push().reference());
            result.put("signature", outcome.signature() == null ? null : outcome.signature().signatureReference());
            if (recursive) {
                result.put("platformSignatures", outcome.platformSignatures().stream()
                        .map(io.jenkins.plugins.securepipeline.signing.cosign.CosignSignaturePublisher.Published::signatureReference)
                        .toList());
            }
            if (outcome.attestations() != null) {
                result.put("attestations", outcome.attestations().attestationReference());
                result.put("attestationsAdded", outcome.attestations().added());
                result.put("attestationsAlreadyPresent", outcome.attestations().alreadyPresent());
            }
            result.put("blobsPushed", outcome.push().blobsPushed());
            result.put("blobsSkipped", outcome.push().blobsSkipped());
            result.put("bytesPushed", outcome.push().bytesPushed());
            List<String> text = new ArrayList<>();
            text.add("Pushed " + outcome.push().reference() + " (tag " + targetReference.tag() + ").");
            text.add(outcome.signature() == null ? "Not signed (no --sign-key given)."
                    : "Signed; the signature is " + outcome.signature().signatureReference()
                            + (outcome.signature().alreadyPresent() ? " (it was already there)." : "."));
            text.add(ImageCommandSupport.transferSentence(outcome.push().blobsPushed(), outcome.push().bytesPushed(),
                    outcome.push().blobsSkipped()));
            ImageCommandSupport.print(spec.commandLine().getOut(), format, result, text);
            return ExitCodes.OK;
        } finally {
            keys.close();
            options.close();
        }
    }

    /** The image on disk, or exit 3 naming --source: nothing was sent yet, the local input is at fault. */
    private static ImageSource open(SourceSpec sourceSpec) throws InputException {
        try {
            return sourceSpec.open();
        } catch (IOException e) {
            throw new InputException("--source: " + e.getMessage());
        }
    }

    static ImageReference parse(String text, String option) throws UsageException {
        try {
            return ImageReference.parse(text, option);
        } catch (InvalidImageException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
