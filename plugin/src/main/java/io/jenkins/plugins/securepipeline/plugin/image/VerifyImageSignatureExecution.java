package io.jenkins.plugins.securepipeline.plugin.image;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.securepipeline.audit.AuditEvent;
import io.jenkins.plugins.securepipeline.audit.AuditOutcome;
import io.jenkins.plugins.securepipeline.image.ImageReference;
import io.jenkins.plugins.securepipeline.image.ecr.EcrRegistryHost;
import io.jenkins.plugins.securepipeline.image.registry.RegistryClient;
import io.jenkins.plugins.securepipeline.plugin.AuditTrail;
import io.jenkins.plugins.securepipeline.plugin.BuildIdentity;
import io.jenkins.plugins.securepipeline.plugin.SecurePipelineConfiguration;
import io.jenkins.plugins.securepipeline.plugin.role.AwsRoleSession;
import io.jenkins.plugins.securepipeline.plugin.role.ControllerAws;
import io.jenkins.plugins.securepipeline.plugin.role.CredentialLookup;
import io.jenkins.plugins.securepipeline.plugin.role.StepAwsCredentials;
import io.jenkins.plugins.securepipeline.role.AwsPurpose;
import io.jenkins.plugins.securepipeline.signing.AwsKmsPublicKey;
import io.jenkins.plugins.securepipeline.signing.EcdsaP256Verifier;
import io.jenkins.plugins.securepipeline.signing.KeyFileException;
import io.jenkins.plugins.securepipeline.signing.KmsKeyReference;
import io.jenkins.plugins.securepipeline.signing.PemKeyReader;
import io.jenkins.plugins.securepipeline.signing.SignatureVerifier;
import io.jenkins.plugins.securepipeline.signing.SigningException;
import io.jenkins.plugins.securepipeline.signing.cosign.CosignSignatureVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import io.jenkins.plugins.securepipeline.signing.attest.AttestationPolicy;
import io.jenkins.plugins.securepipeline.signing.attest.AttestationVerifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.kms.KmsClient;

/** Runs on a controller thread: key lookup (KMS or credential), registry reads, signature checks. */
final class VerifyImageSignatureExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;
    static final String STEP = "verifyImageSignature";

    private final transient VerifyImageSignatureStep step;

    VerifyImageSignatureExecution(VerifyImageSignatureStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        AwsRoleSession session = getContext().get(AwsRoleSession.class);
        ImageReference image = step.reference();
        Map<String, String> subject = new LinkedHashMap<>();
        subject.put("image", image.toString());
        subject.put("key", step.getKey() != null ? step.getKey() : "credential " + step.getPublicKeyCredentialsId());
        AttestationPolicy policy;
        try {
            policy = SecurePipelineConfiguration.get().imageAttestationPolicy().and(step.attestationPolicy());
        } catch (IllegalArgumentException e) {
            AuditTrail.record(run, event(run, AuditOutcome.FAILED, "the administrator's attestation settings are invalid: "
                    + e.getMessage(), subject));
            throw new AbortException(STEP + ": the administrator's attestation settings are invalid, so nothing is "
                    + "accepted: " + e.getMessage());
        }
        CosignSignatureVerifier.Verification verification;
        AttestationVerifier.Verification attested = null;
        try {
            SignatureVerifier trusted = trustedKey(session, run, image);
            try (RegistryClient registry = ImageAccess.registry(STEP, image, step.getRegistryCredentialsId(),
                    step.isInsecureHttp(), session, run)) {
                verification = new CosignSignatureVerifier(registry).verify(image, trusted);
                if (verification.verified() && !policy.isEmpty()) {
                    attested = new AttestationVerifier(registry).verify(image, trusted, policy);
                }
            }
        } catch (StepAwsCredentials.Refused e) {
            throw e;
        } catch (IOException | SigningException | KeyFileException | IllegalStateException e) {
            AuditTrail.record(run, event(run, AuditOutcome.FAILED, e.getMessage(), subject));
            throw new AbortException(STEP + ": " + e.getMessage());
        }
        subject.put("signatures", String.valueOf(verification.signatures()));
        verification.problems().forEach(problem -> listener.getLogger().println(STEP + ": " + problem));
        if (!verification.verified()) {
            String reason = "no valid signature by the trusted key on " + image + " (" + verification.signatures()
                    + " signature(s) found)";
            AuditTrail.record(run, event(run, AuditOutcome.BLOCKED, reason, subject));
            throw new AbortException(STEP + ": " + reason);
        }
        listener.getLogger().println(STEP + ": " + image + " is signed by the trusted key (signed reference "
                + verification.dockerReference() + ")");
        if (attested != null) {
            subject.put("required", String.join("; ", policy.describe()));
            subject.put("predicateTypes", String.join(" ", attested.predicateTypes()));
            attested.checked().forEach(line -> listener.getLogger().println(STEP + ": checked " + line));
            if (!attested.verified()) {
                attested.problems().forEach(problem -> listener.getLogger().println(STEP + ": " + problem));
                String reason = "the attestations of " + image + " do not meet the requirements ("
                        + String.join("; ", policy.describe()) + "): " + String.join("; ", attested.problems().stream()
                                .filter(problem -> !problem.startsWith("attestation layer")).toList());
                AuditTrail.record(run, event(run, AuditOutcome.BLOCKED, reason, subject));
                throw new AbortException(STEP + ": " + reason);
            }
        }
        AuditTrail.record(run, event(run, AuditOutcome.PASSED,
                attested == null ? "signature verified" : "signature and attestations verified", subject));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("verified", true);
        result.put("signatures", verification.signatures());
        result.put("dockerReference", verification.dockerReference());
        if (attested != null) {
            result.put("predicateTypes", new ArrayList<>(attested.predicateTypes()));
            result.put("checked", new ArrayList<>(attested.checked()));
        }
        return result;
    }

    private SignatureVerifier trustedKey(AwsRoleSession session, Run<?, ?> run, ImageReference image)
            throws IOException, SigningException, KeyFileException {
        if (step.getKey() != null) {
            String region = ImageAccess.region(session, EcrRegistryHost.parse(image.registry()));
            AwsCredentialsProvider aws = StepAwsCredentials.forStep(session, run, STEP, AwsPurpose.KMS, step.getKey());
            try (KmsClient kms = ControllerAws.clients(region).kms(aws)) {
                return AwsKmsPublicKey.verifierFor(kms, KmsKeyReference.parse(step.getKey()));
            }
        }
        String pem = CredentialLookup.find(step.getPublicKeyCredentialsId(), StringCredentials.class, run,
                "publicKeyCredentialsId").getSecret().getPlainText();
        return EcdsaP256Verifier.of(PemKeyReader.readPublicKey(pem.getBytes(StandardCharsets.US_ASCII),
                step.getPublicKeyCredentialsId()));
    }

    private static AuditEvent event(Run<?, ?> run, AuditOutcome outcome, String reason, Map<String, String> subject) {
        return new AuditEvent(Instant.now(), STEP, outcome, reason, BuildIdentity.triggeringUser(run),
                BuildIdentity.buildId(run), subject);
    }
}
