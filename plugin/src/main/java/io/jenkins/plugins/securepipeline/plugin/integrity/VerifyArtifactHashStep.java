package io.jenkins.plugins.securepipeline.plugin.integrity;

import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.securepipeline.integrity.ArtifactDigest;
import io.jenkins.plugins.securepipeline.integrity.DigestAlgorithm;
import io.jenkins.plugins.securepipeline.plugin.CredentialItems;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code verifyArtifactHash(...)}: build once, deploy many. Either records the digests of what this build produced
 * ({@code record: true}), or proves that the files in the workspace are byte-identical to an expected digest, a
 * checksum file, or what an earlier build recorded. Hashing runs where the workspace is.
 */
public class VerifyArtifactHashStep extends Step {
    private String files;
    private String algorithm = "sha256";
    private boolean record;
    private String expected;
    private String checksums;
    private String fromJob;
    private String build = "lastSuccessful";
    private boolean exact;
    private String publicKeyCredentialsId;
    private String manifest;
    private String signingKey;
    private String signingKeyCredentialsId;

    @DataBoundConstructor
    public VerifyArtifactHashStep() {}

    public String getFiles() {
        return files;
    }

    /** Workspace-relative files, directories or globs, comma-separated. */
    @DataBoundSetter
    public void setFiles(String files) {
        this.files = blankToNull(files);
    }

    public String getAlgorithm() {
        return algorithm;
    }

    @DataBoundSetter
    public void setAlgorithm(String algorithm) {
        this.algorithm = algorithm == null ? null : algorithm.trim();
    }

    public boolean isRecord() {
        return record;
    }

    @DataBoundSetter
    public void setRecord(boolean record) {
        this.record = record;
    }

    public String getExpected() {
        return expected;
    }

    @DataBoundSetter
    public void setExpected(String expected) {
        this.expected = blankToNull(expected);
    }

    public String getChecksums() {
        return checksums;
    }

    @DataBoundSetter
    public void setChecksums(String checksums) {
        this.checksums = blankToNull(checksums);
    }

    public String getFromJob() {
        return fromJob;
    }

    @DataBoundSetter
    public void setFromJob(String fromJob) {
        this.fromJob = blankToNull(fromJob);
    }

    public String getBuild() {
        return build;
    }

    /** {@code lastSuccessful} (default) or a build number. */
    @DataBoundSetter
    public void setBuild(String build) {
        this.build = blankToNull(build) == null ? "lastSuccessful" : build.trim();
    }

    public boolean isExact() {
        return exact;
    }

    @DataBoundSetter
    public void setExact(boolean exact) {
        this.exact = exact;
    }

    public String getPublicKeyCredentialsId() {
        return publicKeyCredentialsId;
    }

    /** A secret-text credential holding the PEM public key that must have signed a JSON checksum manifest. */
    @DataBoundSetter
    public void setPublicKeyCredentialsId(String publicKeyCredentialsId) {
        this.publicKeyCredentialsId = blankToNull(publicKeyCredentialsId);
    }

    public String getManifest() {
        return manifest;
    }

    /** With {@code record: true}: also write the digests as a JSON manifest to this workspace file. */
    @DataBoundSetter
    public void setManifest(String manifest) {
        this.manifest = blankToNull(manifest);
    }

    public String getSigningKey() {
        return signingKey;
    }

    /** Sign the manifest with an AWS KMS key, {@code awskms:///<key>}, through the enclosing role session. */
    @DataBoundSetter
    public void setSigningKey(String signingKey) {
        this.signingKey = blankToNull(signingKey);
    }

    public String getSigningKeyCredentialsId() {
        return signingKeyCredentialsId;
    }

    /** Or sign it with a PEM private key from a secret file / secret text credential (read on the controller). */
    @DataBoundSetter
    public void setSigningKeyCredentialsId(String signingKeyCredentialsId) {
        this.signingKeyCredentialsId = blankToNull(signingKeyCredentialsId);
    }

    List<String> operands() {
        return files == null ? List.of() : Arrays.stream(files.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Exactly one mode, with what that mode needs; checked before anything runs. */
    void checkArguments() {
        int modes = (record ? 1 : 0) + (expected != null ? 1 : 0) + (checksums != null ? 1 : 0) + (fromJob != null ? 1 : 0);
        if (modes != 1) {
            throw new IllegalArgumentException("give exactly one of record: true, expected:, checksums: or fromJob:");
        }
        if ((record || expected != null) && operands().isEmpty()) {
            throw new IllegalArgumentException("files: required with " + (record ? "record: true" : "expected:"));
        }
        DigestAlgorithm.parse(algorithm);
        if (expected != null) {
            ArtifactDigest.parse(expected);
        }
        if (!"lastSuccessful".equals(build) && !build.matches("[1-9]\\d{0,9}")) {
            throw new IllegalArgumentException("build: 'lastSuccessful' or a build number, got '" + build + "'");
        }
        if ((signingKey != null || signingKeyCredentialsId != null) && (manifest == null || !record)) {
            throw new IllegalArgumentException("signingKey/signingKeyCredentialsId: sign the manifest written with record: true, manifest: 'FILE'");
        }
        if (signingKey != null && signingKeyCredentialsId != null) {
            throw new IllegalArgumentException("give signingKey or signingKeyCredentialsId, not both");
        }
        if (signingKey != null && !signingKey.startsWith("awskms:///")) {
            throw new IllegalArgumentException("signingKey: expected awskms:///<key>; a PEM key goes in a credential (signingKeyCredentialsId)");
        }
        if (manifest != null && !record) {
            throw new IllegalArgumentException("manifest: is written with record: true");
        }
        if (publicKeyCredentialsId != null && checksums == null) {
            throw new IllegalArgumentException("publicKeyCredentialsId: only applies to a signed checksum manifest (checksums:)");
        }
    }

    /** Arguments are checked here rather than in the setters, so a mistake is one clear line, not a stack trace. */
    @Override
    public StepExecution start(StepContext context) throws Exception {
        try {
            checkArguments();
        } catch (IllegalArgumentException e) {
            throw new AbortException("verifyArtifactHash: " + e.getMessage());
        }
        return new VerifyArtifactHashExecution(this, context);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    @Extension
    @Symbol("verifyArtifactHash")
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "verifyArtifactHash";
        }

        @Override
        public String getDisplayName() {
            return "Record or verify artifact digests (build once, deploy many)";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(FilePath.class, Run.class, TaskListener.class);
        }

        @POST
        public FormValidation doCheckExpected(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.READ);
            if (value == null || value.isBlank()) {
                return FormValidation.ok();
            }
            try {
                ArtifactDigest.parse(value.trim());
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        @POST
        public ListBoxModel doFillPublicKeyCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String publicKeyCredentialsId) {
            return CredentialItems.forItem(item, StringCredentials.class, publicKeyCredentialsId);
        }
    }
}
