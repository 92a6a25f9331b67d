package io.jenkins.plugins.securepipeline.cli.image;

import io.jenkins.plugins.securepipeline.cli.ExitCodes;
import io.jenkins.plugins.securepipeline.image.ImageReference;
import io.jenkins.plugins.securepipeline.image.registry.RegistryClient;
import io.jenkins.plugins.securepipeline.signing.cosign.CosignSignatureVerifier;
import io.jenkins.plugins.securepipeline.signing.SignatureVerifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code verify-image}: check an image digest's cosign signatures against a trusted key. */
@Command(name = "verify-image", mixinStandardHelpOptions = true,
        description = {"Verify the cosign key-based signatures of an image digest with a PEM public key or a KMS key."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:verified", "1:not verified (no valid signature by the key)", "2:usage error",
                "3:the key could not be read", "5:registry failure (the message names host and port)",
                "6:unexpected internal failure (the message says what; please report it)"})
public final class VerifyImageCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "PUB.pem|awskms:///KEY",
            description = "The trusted key: a PEM public key (cosign.pub) or an AWS KMS key.")
    String key;

    @Parameters(index = "0", paramLabel = "HOST[:PORT]/REPO@sha256:HEX",
            description = "The image to check, by digest (a tag can move after it was checked).")
    String image;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Result as sentences (text) or one JSON object (json) on standard output (default: ${DEFAULT-VALUE}).")
    ImageCommandSupport.Format format;

    @Mixin
    RegistryAccessOptions options;

    @Override
    public Integer call() {
        return ImageCommandSupport.run(spec, "verify-image", this::verify);
    }

    private int verify() throws Exception {
        options.validate();
        ImageReference reference = PushImageCommand.parse(image, "image");
        if (reference.digest() == null) {
            throw new UsageException("verify by digest: give HOST/REPO@sha256:HEX (a tag can move after it was checked)");
        }
        SigningKeyOptions keys = new SigningKeyOptions(options.network);
        try {
            SignatureVerifier publicKey = keys.verifier("--key", key, options.region);
            RegistryClient registry = options.client(reference);
            CosignSignatureVerifier.Verification verification = new CosignSignatureVerifier(registry).verify(reference, publicKey);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("reference", reference.toString());
            result.put("verified", verification.verified());
            result.put("signatures", verification.signatures());
            result.put("dockerReference", verification.dockerReference());
            result.put("problems", verification.problems());
            List<String> text = new ArrayList<>();
            String found = ImageCommandSupport.count(verification.signatures(), "signature") + " found";
            text.add(verification.verified()
                    ? "Verified: " + reference + " is signed by the given key (" + found + ")."
                    : "NOT verified: " + reference + " has no valid signature by the given key (" + found + ").");
            if (verification.dockerReference() != null) {
                text.add("The signature names the image " + verification.dockerReference() + ".");
            }
            verification.problems().forEach(problem -> text.add("Problem: " + problem));
            ImageCommandSupport.print(spec.commandLine().getOut(), format, result, text);
            return verification.verified() ? ExitCodes.OK : ExitCodes.BLOCKED;
        } finally {
            keys.close();
            options.close();
        }
    }
}
