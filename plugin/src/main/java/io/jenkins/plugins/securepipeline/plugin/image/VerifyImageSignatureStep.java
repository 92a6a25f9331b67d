package io.jenkins.plugins.securepipeline.plugin.image;

import hudson.AbortException;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.securepipeline.image.ImageReference;
import io.jenkins.plugins.securepipeline.image.InvalidImageException;
import io.jenkins.plugins.securepipeline.signing.KmsKeyReference;
import io.jenkins.plugins.securepipeline.signing.attest.AttestationPolicy;
import io.jenkins.plugins.securepipeline.signing.attest.GlobPattern;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code verifyImageSignature(image: 'registry/repo@sha256:...', key: 'awskms:///alias/image-signing')}: the deploy
 * side of pushSignedImage. Checks on the controller that the image digest carries a valid cosign signature made with
 * the trusted key (and, when required, signed attestations: a provenance from a matching builder and source
 * repository, an SBOM), and fails the build otherwise.
 */
public class VerifyImageSignatureStep extends Step {
    private final String image;
    private String key;
    private String publicKeyCredentialsId;
    private String registryCredentialsId;
    private boolean insecureHttp;
    private boolean requireProvenance;
    private String builderId;
    private String sourceRepository;
    private boolean requireSbom;

    @DataBoundConstructor
    public VerifyImageSignatureStep(String image) {
        this.image = image == null ? null : image.trim();
    }

    public String getImage() {
        return image;
    }

    public String getKey() {
        return key;
    }

    /** An AWS KMS key, {@code awskms:///<key id, ARN or alias>}, read with the enclosing role session. */
    @DataBoundSetter
    public void setKey(String key) {
        this.key = key == null || key.isBlank() ? null : key.trim();
    }

    public String getPublicKeyCredentialsId() {
        return publicKeyCredentialsId;
    }

    /** A secret-text credential holding the PEM public key (cosign.pub). */
    @DataBoundSetter
    public void setPublicKeyCredentialsId(String publicKeyCredentialsId) {
        this.publicKeyCredentialsId = publicKeyCredentialsId == null || publicKeyCredentialsId.isBlank() ? null
                : publicKeyCredentialsId.trim();
    }

    public String getRegistryCredentialsId() {
        return registryCredentialsId;
    }

    @DataBoundSetter
    public void setRegistryCredentialsId(String registryCredentialsId) {
        this.registryCredentialsId = registryCredentialsId == null || registryCredentialsId.isBlank() ? null
                : registryCredentialsId.trim();
    }

    public boolean isInsecureHttp() {
        return insecureHttp;
    }

    /** Plain HTTP to the registry: local test registries only. */
    @DataBoundSetter
    public void setInsecureHttp(boolean insecureHttp) {
        this.insecureHttp = insecureHttp;
    }

    public boolean isRequireProvenance() {
        return requireProvenance;
    }

    /** Require a SLSA provenance v1 attestation signed by the trusted key. */
    @DataBoundSetter
    public void setRequireProvenance(boolean requireProvenance) {
        this.requireProvenance = requireProvenance;
    }

    public String getBuilderId() {
        return builderId;
    }

    /** The provenance's builder id must match this pattern ({@code *} within a path segment, {@code **} across). */
    @DataBoundSetter
    public void setBuilderId(String builderId) {
        this.builderId = builderId == null || builderId.isBlank() ? null : builderId.trim();
    }

    public String getSourceRepository() {
        return sourceRepository;
    }

    /** The provenance's source repository must match this pattern. */
    @DataBoundSetter
    public void setSourceRepository(String sourceRepository) {
        this.sourceRepository = sourceRepository == null || sourceRepository.isBlank() ? null : sourceRepository.trim();
    }

    public boolean isRequireSbom() {
        return requireSbom;
    }

    /** Require a CycloneDX or SPDX attestation signed by the trusted key. */
    @DataBoundSetter
    public void setRequireSbom(boolean requireSbom) {
        this.requireSbom = requireSbom;
    }

    AttestationPolicy attestationPolicy() throws AbortException {
        try {
            return new AttestationPolicy(Set.of(), requireProvenance,
                    builderId == null ? null : GlobPattern.compile(builderId, "builderId"),
                    sourceRepository == null ? null : GlobPattern.compile(sourceRepository, "sourceRepository"), requireSbom);
        } catch (IllegalArgumentException e) {
            throw new AbortException("verifyImageSignature: " + e.getMessage());
        }
    }

    ImageReference reference() throws AbortException {
        try {
            ImageReference reference = ImageReference.parse(image == null ? "" : image, "image");
            if (reference.digest() == null) {
                throw new AbortException("verifyImageSignature: image: give REGISTRY/REPO@sha256:HEX; a tag can move after it was checked");
            }
            return reference;
        } catch (InvalidImageException e) {
            throw new AbortException("verifyImageSignature: " + e.getMessage());
        }
    }

    /** Arguments are checked here rather than in the setters, so a mistake is one clear line, not a stack trace. */
    @Override
    public StepExecution start(StepContext context) throws Exception {
        reference();
        attestationPolicy();
        if ((key == null) == (publicKeyCredentialsId == null)) {
            throw new AbortException("verifyImageSignature: give exactly one of key: 'awskms:///...' or publicKeyCredentialsId:");
        }
        if (key != null && !KmsKeyReference.isKmsReference(key)) {
            throw new AbortException("verifyImageSignature: key: expected awskms:///<key>; for a PEM public key use publicKeyCredentialsId");
        }
        return new VerifyImageSignatureExecution(this, context);
    }

    @Extension
    @Symbol("verifyImageSignature")
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "verifyImageSignature";
        }

        @Override
        public String getDisplayName() {
            return "Verify the cosign signature of an image digest";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }
    }
}
