package io.jenkins.plugins.securepipeline.plugin.image;

import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.securepipeline.image.ImageReference;
import io.jenkins.plugins.securepipeline.image.InvalidImageException;
import io.jenkins.plugins.securepipeline.image.SourceSpec;
import io.jenkins.plugins.securepipeline.signing.KmsKeyReference;
import io.jenkins.plugins.securepipeline.signing.attest.PredicateTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code pushSignedImage(source: 'oci:build/image', target: '<acct>.dkr.ecr.<region>.amazonaws.com/app:1.4.2',
 * signingKey: 'awskms:///alias/image-signing')}: pushes an image from the workspace to a registry with its digest
 * preserved, reads it back, and only then signs exactly that digest (and attaches signed attestations: provenance,
 * SBOMs). Never signs what it did not push.
 */
public class PushSignedImageStep extends Step {
    static final int MAX_PARALLEL = 16;
    /** {@code docker:NAME:TAG}: an image in the agent's Docker daemon, written with docker save first. */
    static final String DOCKER_PREFIX = "docker:";
    /** {@code registry:HOST/REPO@sha256:HEX}: promotion by digest from another registry or repository. */
    static final String REGISTRY_PREFIX = "registry:";
    /** The {@code attestations} type for an SBOM file whose kind (CycloneDX, SPDX) is read from its content. */
    static final String SBOM = "sbom";

    private final String source;
    private final String target;
    private String signingKey;
    private String signingKeyCredentialsId;
    private String registryCredentialsId;
    private String sourceRegistryCredentialsId;
    private boolean insecureHttp;
    private int parallel = 4;
    private boolean provenance;
    private boolean recursive;
    private List<String> attestations = new ArrayList<>();

    @DataBoundConstructor
    public PushSignedImageStep(String source, String target) {
        this.source = source == null ? null : source.trim();
        this.target = target == null ? null : target.trim();
    }

    public String getSource() {
        return source;
    }

    public String getTarget() {
        return target;
    }

    public String getSigningKey() {
        return signingKey;
    }

    /** An AWS KMS signing key, {@code awskms:///<key id, ARN or alias>}, used with the enclosing role session. */
    @DataBoundSetter
    public void setSigningKey(String signingKey) {
        this.signingKey = signingKey == null || signingKey.isBlank() ? null : signingKey.trim();
    }

    public String getSigningKeyCredentialsId() {
        return signingKeyCredentialsId;
    }

    /** Instead of KMS: a secret file (or secret text) credential holding an unencrypted PEM private key (PKCS#8 or EC). */
    @DataBoundSetter
    public void setSigningKeyCredentialsId(String signingKeyCredentialsId) {
        this.signingKeyCredentialsId = signingKeyCredentialsId == null || signingKeyCredentialsId.isBlank() ? null
                : signingKeyCredentialsId.trim();
    }

    public String getRegistryCredentialsId() {
        return registryCredentialsId;
    }

    @DataBoundSetter
    public void setRegistryCredentialsId(String registryCredentialsId) {
        this.registryCredentialsId = registryCredentialsId == null || registryCredentialsId.isBlank() ? null
                : registryCredentialsId.trim();
    }

    public String getSourceRegistryCredentialsId() {
        return sourceRegistryCredentialsId;
    }

    /** For {@code registry:} sources that are not ECR: a username/password credential of the source registry. */
    @DataBoundSetter
    public void setSourceRegistryCredentialsId(String sourceRegistryCredentialsId) {
        this.sourceRegistryCredentialsId = sourceRegistryCredentialsId == null || sourceRegistryCredentialsId.isBlank()
                ? null : sourceRegistryCredentialsId.trim();
    }

    /** The promotion source, or null when the source is not {@code registry:}. */
    ImageReference promotionSource() throws AbortException {
        if (source == null || !source.startsWith(REGISTRY_PREFIX)) {
            return null;
        }
        try {
            ImageReference reference = ImageReference.parse(source.substring(REGISTRY_PREFIX.length()), "source");
            if (reference.digest() == null) {
                throw new AbortException("pushSignedImage: source: promote by digest, registry:HOST/REPO@sha256:HEX");
            }
            return reference;
        } catch (InvalidImageException e) {
            throw new AbortException("pushSignedImage: " + e.getMessage());
        }
    }

    public boolean isInsecureHttp() {
        return insecureHttp;
    }

    @DataBoundSetter
    public void setInsecureHttp(boolean insecureHttp) {
        this.insecureHttp = insecureHttp;
    }

    public int getParallel() {
        return parallel;
    }

    /** Blobs uploaded at once (default 4). */
    @DataBoundSetter
    public void setParallel(int parallel) {
        this.parallel = parallel;
    }

    public boolean isProvenance() {
        return provenance;
    }

    /** Attach a SLSA provenance v1 of this build (Jenkins URL and job, build, GIT_URL/GIT_COMMIT), signed with the key. */
    @DataBoundSetter
    public void setProvenance(boolean provenance) {
        this.provenance = provenance;
    }

    public boolean isRecursive() {
        return recursive;
    }

    /** For a multi-platform image (index): also sign each platform manifest, as {@code cosign sign --recursive}. */
    @DataBoundSetter
    public void setRecursive(boolean recursive) {
        this.recursive = recursive;
    }

    public List<String> getAttestations() {
        return new ArrayList<>(attestations);
    }

    /**
     * Workspace files to attach as signed attestations, each {@code TYPE=FILE}: TYPE {@code sbom} (CycloneDX or SPDX
     * JSON, recognised from the content), one of cosign's names (cyclonedx, spdx, spdxjson, slsaprovenance1) or a
     * predicate type URI.
     */
    @DataBoundSetter
    public void setAttestations(List<String> attestations) {
        this.attestations = attestations == null ? new ArrayList<>() : new ArrayList<>(attestations);
    }

    /** One {@code attestations} entry, checked: the type ({@code sbom} or a resolved URI) and a workspace-relative file. */
    record AttestationFile(String type, String file) {}

    List<AttestationFile> attestationFiles() throws AbortException {
        List<AttestationFile> files = new ArrayList<>();
        for (String entry : attestations) {
            int equals = entry == null ? -1 : entry.indexOf('=');
            if (equals <= 0 || equals == entry.length() - 1) {
                throw new AbortException("pushSignedImage: attestations: expected 'TYPE=FILE' (e.g. 'sbom=bom.cdx.json'), got '"
                        + entry + "'");
            }
            String type = entry.substring(0, equals).trim();
            String file = entry.substring(equals + 1).trim();
            if (!SBOM.equals(type)) {
                try {
                    type = PredicateTypes.resolve(type, "attestations");
                } catch (IllegalArgumentException e) {
                    throw new AbortException("pushSignedImage: " + e.getMessage());
                }
            }
            String normalized = file.replace('\\', '/');
            if (normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*") || normalized.equals("..")
                    || normalized.startsWith("../") || normalized.contains("/../") || normalized.endsWith("/..")) {
                throw new AbortException("pushSignedImage: attestations: '" + file + "' must be a path inside the workspace");
            }
            files.add(new AttestationFile(type, file));
        }
        return files;
    }

    ImageReference targetReference() throws AbortException {
        try {
            ImageReference reference = ImageReference.parse(target == null ? "" : target, "target");
            if (reference.tag() == null) {
                throw new AbortException("pushSignedImage: target: give a tag, e.g. REGISTRY/REPO:1.4.2 (the digest is the result)");
            }
            return reference;
        } catch (InvalidImageException e) {
            throw new AbortException("pushSignedImage: " + e.getMessage());
        }
    }

    /** Arguments are checked here rather than in the setters, so a mistake is one clear line, not a stack trace. */
    @Override
    public StepExecution start(StepContext context) throws Exception {
        try {
            if (source != null && source.startsWith(REGISTRY_PREFIX)) {
                promotionSource();
            } else if (source == null || !source.startsWith(DOCKER_PREFIX)) {
                SourceSpec.parse(source == null ? "" : source);
            } else if (source.length() == DOCKER_PREFIX.length()) {
                throw new AbortException("pushSignedImage: source: docker:NAME:TAG needs an image name");
            }
        } catch (InvalidImageException e) {
            throw new AbortException("pushSignedImage: " + e.getMessage().replace("--source", "source"));
        }
        targetReference();
        if ((signingKey == null) == (signingKeyCredentialsId == null)) {
            throw new AbortException("pushSignedImage: give exactly one of signingKey: 'awskms:///...' or signingKeyCredentialsId:");
        }
        if (signingKey != null && !KmsKeyReference.isKmsReference(signingKey)) {
            throw new AbortException("pushSignedImage: signingKey: expected awskms:///<key>; a PEM key goes in a credential (signingKeyCredentialsId)");
        }
        if (parallel < 1 || parallel > MAX_PARALLEL) {
            throw new AbortException("pushSignedImage: parallel: between 1 and " + MAX_PARALLEL);
        }
        attestationFiles();
        return new PushSignedImageExecution(this, context);
    }

    @Extension
    @Symbol("pushSignedImage")
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "pushSignedImage";
        }

        @Override
        public String getDisplayName() {
            return "Push an image to a registry and sign its digest";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(FilePath.class, Run.class, TaskListener.class);
        }
    }
}
