package io.jenkins.plugins.securepipeline.plugin.image;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.securepipeline.audit.AuditEvent;
import io.jenkins.plugins.securepipeline.audit.AuditOutcome;
import io.jenkins.plugins.securepipeline.image.Digest;
import io.jenkins.plugins.securepipeline.image.ImageReference;
import io.jenkins.plugins.securepipeline.image.ecr.EcrRegistryHost;
import io.jenkins.plugins.securepipeline.image.ecr.ImmutableTagConflict;
import io.jenkins.plugins.securepipeline.image.registry.RegistryClient;
import io.jenkins.plugins.securepipeline.image.registry.RegistryException;
import io.jenkins.plugins.securepipeline.plugin.AuditTrail;
import io.jenkins.plugins.securepipeline.plugin.BuildIdentity;
import io.jenkins.plugins.securepipeline.plugin.SigningKeys;
import io.jenkins.plugins.securepipeline.plugin.role.AwsRoleSession;
import io.jenkins.plugins.securepipeline.plugin.role.StepAwsCredentials;
import io.jenkins.plugins.securepipeline.signing.KeyFileException;
import io.jenkins.plugins.securepipeline.signing.SigningException;
import io.jenkins.plugins.securepipeline.signing.cosign.CosignSignaturePublisher;
import io.jenkins.plugins.securepipeline.signing.cosign.SignerPayloadSigner;
import io.jenkins.plugins.securepipeline.signing.attest.AttestationPublisher;
import io.jenkins.plugins.securepipeline.signing.attest.Predicate;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * The controller side of pushSignedImage: registry credentials (ECR token through the role session), the push
 * itself on the agent ({@link PushFromWorkspace}), then signing on the controller (the private key, or the KMS
 * session, never leaves it). A failed push signs nothing; a failed signature leaves the image unsigned and fails.
 */
final class PushSignedImageExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;
    static final String STEP = "pushSignedImage";
    /** Attestation files above this size are refused (the DSSE envelope, base64, must stay under 32 MiB). */
    static final int MAX_ATTESTATION_BYTES = 16 * 1024 * 1024;

    private final transient PushSignedImageStep step;

    PushSignedImageExecution(PushSignedImageStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        StepContext context = getContext();
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        FilePath workspace = context.get(FilePath.class);
        AwsRoleSession session = context.get(AwsRoleSession.class);
        ImageReference target = step.targetReference();
        Map<String, String> subject = new LinkedHashMap<>();
        subject.put("source", step.getSource());
        subject.put("target", target.toString());

        // The key is opened (and, for KMS, the AWS decision made) before anything is pushed: an image this step
        // cannot sign is not pushed at all.
        SigningKeys keys;
        try {
            keys = SigningKeys.open(STEP, step.getSigningKey(), step.getSigningKeyCredentialsId(), session, run,
                    ImageAccess.region(session, EcrRegistryHost.parse(target.registry())));
        } catch (StepAwsCredentials.Refused e) {
            throw e;
        } catch (IOException | SigningException | KeyFileException | IllegalStateException e) {
            throw fail(run, "nothing was pushed: the signing key cannot be used: " + e.getMessage(), subject);
        }
        try (keys) {
            // Attestations are read and built before the push too: a bad SBOM file must not leave an image pushed
            // without them.
            List<Predicate> predicates;
            try {
                predicates = predicates(run, workspace);
            } catch (IOException | IllegalArgumentException | IllegalStateException e) {
                throw fail(run, "nothing was pushed: " + e.getMessage(), subject);
            }
            return pushThenSign(keys, predicates, run, listener, workspace, session, target, subject);
        }
    }

    /** The provenance (from this build, on the controller) and the workspace files named in {@code attestations}. */
    private List<Predicate> predicates(Run<?, ?> run, FilePath workspace) throws IOException, InterruptedException {
        List<Predicate> predicates = new ArrayList<>();
        if (step.isProvenance()) {
            predicates.add(Predicate.provenance(BuildProvenance.of(run, getContext().get(EnvVars.class))));
        }
        for (PushSignedImageStep.AttestationFile attestation : step.attestationFiles()) {
            FilePath file = workspace.child(attestation.file());
            if (!file.exists()) {
                throw new IOException("attestations: '" + attestation.file() + "' is not in the workspace");
            }
            byte[] json;
            try (InputStream in = file.read()) {
                json = in.readNBytes(MAX_ATTESTATION_BYTES + 1);
            }
            if (json.length > MAX_ATTESTATION_BYTES) {
                throw new IOException("attestations: '" + attestation.file() + "' is over " + MAX_ATTESTATION_BYTES + " bytes");
            }
            predicates.add(PushSignedImageStep.SBOM.equals(attestation.type())
                    ? Predicate.sbom(json, attestation.file())
                    : Predicate.of(attestation.type(), json, attestation.file()));
        }
        return predicates;
    }

    private Map<String, Object> pushThenSign(SigningKeys keys, List<Predicate> predicates, Run<?, ?> run,
            TaskListener listener, FilePath workspace, AwsRoleSession session, ImageReference target,
            Map<String, String> subject) throws Exception {
        PushFromWorkspace.Pushed pushed;
        FilePath savedFromDocker = null;
        try {
            String source = step.getSource();
            ImageReference promoted = step.promotionSource();
            if (promoted != null) {
                subject.put("promotedFrom", promoted.toString());
                pushed = workspace.act(new PromoteFromRegistry(promoted.toString(),
                        ImageAccess.credentials(STEP, promoted, step.getSourceRegistryCredentialsId(), session, run),
                        target.toString(), ImageAccess.credentials(STEP, target, step.getRegistryCredentialsId(), session, run),
                        step.isInsecureHttp(), step.getParallel()));
            } else {
                if (source.startsWith(PushSignedImageStep.DOCKER_PREFIX)) {
                    savedFromDocker = dockerSave(source.substring(PushSignedImageStep.DOCKER_PREFIX.length()), workspace, listener);
                    source = "docker-archive:" + savedFromDocker.getName();
                }
                pushed = workspace.act(new PushFromWorkspace(source, target.toString(), step.isInsecureHttp(),
                        ImageAccess.credentials(STEP, target, step.getRegistryCredentialsId(), session, run), step.getParallel(),
                        listener));
            }
        } catch (StepAwsCredentials.Refused e) {
            throw e;
        } catch (RegistryException e) {
            throw fail(run, "push failed, nothing was signed: "
                    + ImmutableTagConflict.explain(e, target.repository(), target.tag()).getMessage(), subject);
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw fail(run, "push failed, nothing was signed: " + e.getMessage(), subject);
        } finally {
            if (savedFromDocker != null) {
                savedFromDocker.delete();
            }
        }
        subject.put("digest", pushed.digest());
        listener.getLogger().println(STEP + ": pushed " + pushed.reference() + " as " + pushed.digest() + " ("
                + pushed.blobsPushed() + " blob(s) uploaded, " + pushed.blobsSkipped() + " already there, "
                + (pushed.bytesPushed() >> 20) + " MiB)");

        ImageReference signedImage = target.withDigest(Digest.parse(pushed.digest(), "the pushed digest"));
        CosignSignaturePublisher.Published signature;
        try {
            Map<String, Object> annotations = new LinkedHashMap<>();
            annotations.put("jenkins.build", BuildIdentity.buildId(run));
            try (RegistryClient registry = ImageAccess.registry(STEP, target, step.getRegistryCredentialsId(),
                    step.isInsecureHttp(), session, run)) {
                if (step.isRecursive()) {
                    List<CosignSignaturePublisher.Published> all = new CosignSignaturePublisher(registry).signRecursively(
                            signedImage, new SignerPayloadSigner(keys.signer()), annotations, keys.verifier());
                    signature = all.get(0);
                    if (all.size() > 1) {
                        subject.put("platformManifestsSigned", String.valueOf(all.size() - 1));
                        listener.getLogger().println(STEP + ": signed " + (all.size() - 1) + " platform manifest(s) of "
                                + signedImage);
                    }
                } else {
                    signature = new CosignSignaturePublisher(registry).sign(signedImage,
                            new SignerPayloadSigner(keys.signer()), annotations, keys.verifier());
                }
            }
        } catch (StepAwsCredentials.Refused e) {
            throw e;
        } catch (RegistryException e) {
            throw fail(run, "pushed " + pushed.digest() + " but did not sign it: "
                    + ImmutableTagConflict.explain(e, target.repository(), signedImage.digest().signatureTag()).getMessage(), subject);
        } catch (IOException | IllegalStateException e) {
            throw fail(run, "pushed " + pushed.digest() + " but did not sign it: " + e.getMessage(), subject);
        }
        subject.put("signature", signature.signatureReference());
        listener.getLogger().println(STEP + ": signed " + signedImage + (signature.alreadyPresent()
                ? " (a signature by this key was already there)" : "") + "; signature at " + signature.signatureReference());
        AttestationPublisher.Published attested = null;
        if (!predicates.isEmpty()) {
            try (RegistryClient registry = ImageAccess.registry(STEP, target, step.getRegistryCredentialsId(),
                    step.isInsecureHttp(), session, run)) {
                attested = new AttestationPublisher(registry).attach(signedImage, new SignerPayloadSigner(keys.signer()),
                        keys.verifier(), predicates);
            } catch (StepAwsCredentials.Refused e) {
                throw e;
            } catch (RegistryException e) {
                throw fail(run, "pushed and signed " + pushed.digest() + " but did not attach its attestations: "
                        + ImmutableTagConflict.explain(e, target.repository(), signedImage.digest().attestationTag())
                                .getMessage(), subject);
            } catch (IOException | IllegalStateException e) {
                throw fail(run, "pushed and signed " + pushed.digest() + " but did not attach its attestations: "
                        + e.getMessage(), subject);
            }
            subject.put("attestations", attested.attestationReference());
            subject.put("predicateTypes", String.join(" ", predicates.stream().map(Predicate::predicateType).toList()));
            listener.getLogger().println(STEP + ": attested " + signedImage + ": " + String.join(", ",
                    predicates.stream().map(Predicate::predicateType).toList())
                    + (attested.alreadyPresent().isEmpty() ? "" : " (" + attested.alreadyPresent().size()
                            + " already there from this key)") + "; attestations at " + attested.attestationReference());
        }
        AuditTrail.record(run, new AuditEvent(Instant.now(), STEP, AuditOutcome.PASSED,
                attested == null ? "pushed and signed" : "pushed, signed and attested",
                BuildIdentity.triggeringUser(run), BuildIdentity.buildId(run), subject));

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("digest", pushed.digest());
        result.put("reference", signedImage.toString());
        result.put("signature", signature.signatureReference());
        result.put("attestations", attested == null ? null : attested.attestationReference());
        result.put("blobsPushed", pushed.blobsPushed());
        result.put("blobsSkipped", pushed.blobsSkipped());
        result.put("bytesPushed", pushed.bytesPushed());
        return result;
    }

    /**
     * {@code docker:NAME:TAG}: an image that exists only in the agent's Docker daemon is written with
     * {@code docker save} into the workspace (through the Launcher, so on the agent) and pushed from there.
     */
    private FilePath dockerSave(String image, FilePath workspace, TaskListener listener) throws IOException, InterruptedException {
        if (!image.matches("[A-Za-z0-9][A-Za-z0-9._/:@-]{0,255}")) {
            throw new IOException("source: '" + image + "' is not a Docker image name");
        }
        FilePath archive = workspace.child(".push-signed-image-" + Long.toHexString(System.nanoTime()) + ".tar");
        Launcher launcher = getContext().get(Launcher.class);
        if (launcher == null) {
            throw new IOException("source: docker: needs a node (run the step inside node { ... })");
        }
        listener.getLogger().println(STEP + ": docker save " + image);
        // The build's environment (PATH, DOCKER_HOST from withEnv or the node) decides which docker runs.
        EnvVars env = getContext().get(EnvVars.class);
        int exit = launcher.launch().cmds("docker", "save", "--output", archive.getRemote(), image)
                .envs(env == null ? new EnvVars() : env).pwd(workspace).stdout(listener).join();
        if (exit != 0) {
            archive.delete();
            throw new IOException("source: 'docker save " + image + "' exited with " + exit);
        }
        return archive;
    }

    private static AbortException fail(Run<?, ?> run, String reason, Map<String, String> subject) throws IOException {
        AuditTrail.record(run, new AuditEvent(Instant.now(), STEP, AuditOutcome.FAILED, reason,
                BuildIdentity.triggeringUser(run), BuildIdentity.buildId(run), subject));
        return new AbortException(STEP + ": " + reason);
    }
}
