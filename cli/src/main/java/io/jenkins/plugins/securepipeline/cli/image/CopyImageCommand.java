package io.jenkins.plugins.securepipeline.cli.image;

import io.jenkins.plugins.securepipeline.cli.ExitCodes;
import io.jenkins.plugins.securepipeline.image.ImageReference;
import io.jenkins.plugins.securepipeline.image.ecr.EcrRepositoryCheck;
import io.jenkins.plugins.securepipeline.image.publish.ImagePromotion;
import io.jenkins.plugins.securepipeline.image.registry.ImagePusher;
import io.jenkins.plugins.securepipeline.image.registry.RegistryClient;
import io.jenkins.plugins.securepipeline.signing.cosign.CosignSignaturePublisher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code copy-image}: promote an image by digest, manifest bytes, signatures and attestations preserved. */
@Command(name = "copy-image", mixinStandardHelpOptions = true,
        description = {"Copy an image by digest, with its cosign signatures and attestations, to another repository, registry or account.",
                "The manifest bytes stay unchanged, so the digest tested is the digest deployed; --sign-key adds a "
                        + "signature with the target's key."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:copied", "2:usage error", "3:a local input (--sign-key, a password file) could not be read",
                "5:registry or signing failure (the message names host and port)", "6:unexpected internal failure (the message says what; please report it)"})
public final class CopyImageCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "HOST/REPO@sha256:HEX",
            description = "The image to copy, by digest.")
    String source;

    @Option(names = "--target", required = true, paramLabel = "HOST/REPO:TAG",
            description = "Where to copy it: registry host, repository and tag.")
    String target;

    @Option(names = "--source-registry-username", paramLabel = "USER",
            description = "User for the source registry when it differs from the target's.")
    String sourceUsername;

    @Option(names = "--source-registry-password-file", paramLabel = "FILE",
            description = "File holding the source registry's password or token (first line).")
    Path sourcePasswordFile;

    @Option(names = "--sign-key", paramLabel = "FILE|awskms:///KEY", description = "Also sign the copy with this key.")
    String signKey;

    @Option(names = "--key-password-file", paramLabel = "FILE", description = "Passphrase of an encrypted --sign-key (first line).")
    Path keyPasswordFile;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Result as sentences (text) or one JSON object (json) on standard output (default: ${DEFAULT-VALUE}).")
    ImageCommandSupport.Format format;

    @Mixin
    RegistryAccessOptions options;

    @Mixin
    ProgressOptions output;

    @Override
    public Integer call() {
        return ImageCommandSupport.run(spec, "copy-image", this::copy);
    }

    private int copy() throws Exception {
        options.validate();
        ImageReference from = PushImageCommand.parse(source, "--source");
        ImageReference to = PushImageCommand.parse(target, "--target");
        if (from.digest() == null) {
            throw new UsageException("--source must name a digest: HOST/REPO@sha256:HEX (promotion is by digest)");
        }
        if (to.tag() == null) {
            throw new UsageException("--target needs a tag: HOST/REPO:TAG");
        }
        if ((sourceUsername == null) != (sourcePasswordFile == null)) {
            throw new UsageException("--source-registry-username and --source-registry-password-file go together");
        }
        SigningKeyOptions keys = new SigningKeyOptions(options.network);
        RegistryAccessOptions sourceOptions = null;
        try {
            SigningKeyOptions.OpenedSigner signer = signKey == null ? null
                    : keys.signer("--sign-key", signKey, keyPasswordFile, options.region);
            if (options.ecr) {
                new EcrRepositoryCheck(options.ecrClient()).requireExists(options.ecrHost(to), to.repository());
            }
            RegistryClient targetRegistry = options.client(to);
            RegistryClient sourceRegistry;
            if (sourceUsername != null) {
                sourceOptions = new RegistryAccessOptions();
                sourceOptions.username = sourceUsername;
                sourceOptions.passwordFile = sourcePasswordFile;
                sourceOptions.insecureHttp = options.insecureHttp;
                sourceOptions.network = options.network;
                sourceRegistry = sourceOptions.client(from);
            } else {
                sourceRegistry = from.registry().equals(to.registry()) ? targetRegistry : options.client(from);
            }
            TransferProgress progress = output.progress(spec.commandLine().getErr(), format);
            ImagePromotion.Promoted promoted;
            try {
                promoted = new ImagePromotion(sourceRegistry, targetRegistry,
                        new ImagePusher(targetRegistry, options.parallel, new WarmUpOnFirstTransfer(progress))).copy(from, to);
            } finally {
                if (progress != null) {
                    progress.finish();
                }
            }
            String signature = null;
            if (signer != null) {
                signature = new CosignSignaturePublisher(targetRegistry).sign(to.withDigest(promoted.push().digest()),
                        signer.signer(), null, signer.selfCheck()).signatureReference();
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("digest", promoted.push().digest().toString());
            result.put("reference", promoted.push().reference());
            result.put("signature", signature);
            result.put("signaturesCopied", promoted.signaturesCopied());
            result.put("attestationsCopied", promoted.attestationsCopied());
            result.put("blobsPushed", promoted.push().blobsPushed());
            result.put("blobsSkipped", promoted.push().blobsSkipped());
            result.put("bytesPushed", promoted.push().bytesPushed());
            List<String> text = new ArrayList<>();
            text.add("Copied " + from + " to " + promoted.push().reference() + " (tag " + to.tag() + ").");
            text.add(promoted.signaturesCopied() == 0 ? "No signatures were copied (the source has none)."
                    : "Copied " + ImageCommandSupport.count(promoted.signaturesCopied(), "signature") + ".");
            if (signature != null) {
                text.add("Signed; the signature is " + signature + ".");
            }
            text.add(ImageCommandSupport.transferSentence(promoted.push().blobsPushed(), promoted.push().bytesPushed(),
                    promoted.push().blobsSkipped()));
            ImageCommandSupport.print(spec.commandLine().getOut(), format, result, text);
            return ExitCodes.OK;
        } finally {
            keys.close();
            options.close();
            if (sourceOptions != null) {
                sourceOptions.close();
            }
        }
    }
}
