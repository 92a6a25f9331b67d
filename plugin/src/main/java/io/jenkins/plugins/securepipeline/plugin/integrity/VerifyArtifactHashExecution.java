package io.jenkins.plugins.securepipeline.plugin.integrity;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.security.SecurityRealm;
import io.jenkins.plugins.securepipeline.audit.AuditEvent;
import io.jenkins.plugins.securepipeline.audit.AuditOutcome;
import io.jenkins.plugins.securepipeline.integrity.ArtifactDigest;
import io.jenkins.plugins.securepipeline.integrity.ChecksumEntry;
import io.jenkins.plugins.securepipeline.integrity.ChecksumFileException;
import io.jenkins.plugins.securepipeline.integrity.ChecksumLimits;
import io.jenkins.plugins.securepipeline.integrity.DigestAlgorithm;
import io.jenkins.plugins.securepipeline.integrity.FileVerdict;
import io.jenkins.plugins.securepipeline.integrity.VerificationReport;
import io.jenkins.plugins.securepipeline.integrity.manifest.ChecksumFileLoader;
import io.jenkins.plugins.securepipeline.integrity.manifest.ChecksumManifest;
import io.jenkins.plugins.securepipeline.integrity.manifest.ManifestJson;
import io.jenkins.plugins.securepipeline.integrity.manifest.ManifestSigning;
import io.jenkins.plugins.securepipeline.plugin.AuditTrail;
import io.jenkins.plugins.securepipeline.plugin.BuildIdentity;
import io.jenkins.plugins.securepipeline.plugin.SigningKeys;
import io.jenkins.plugins.securepipeline.plugin.role.AwsRoleSession;
import io.jenkins.plugins.securepipeline.plugin.role.CredentialLookup;
import io.jenkins.plugins.securepipeline.signing.EcdsaP256Verifier;
import io.jenkins.plugins.securepipeline.signing.KeyFileException;
import io.jenkins.plugins.securepipeline.signing.PemKeyReader;
import io.jenkins.plugins.securepipeline.signing.SigningException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Controller side of {@code verifyArtifactHash}: resolves what is expected (a digest, a checksum file read from the
 * workspace, or another build's record), has the agent hash and compare, then logs, audits and decides. A missing
 * expectation, an unreadable checksum file or a bad signature fails the step; nothing passes by default.
 */
final class VerifyArtifactHashExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;
    static final String STEP = "verifyArtifactHash";
    private static final int MAX_VERDICTS_LOGGED = 50;

    private final transient VerifyArtifactHashStep step;

    VerifyArtifactHashExecution(VerifyArtifactHashStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        StepContext context = getContext();
        FilePath workspace = context.get(FilePath.class);
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        Map<String, String> subject = new LinkedHashMap<>();
        if (step.getFiles() != null) {
            subject.put("files", step.getFiles());
        }
        if (step.isRecord()) {
            return record(workspace, run, listener, subject);
        }
        List<ChecksumEntry> expected;
        List<String> notArtifacts = new ArrayList<>();
        if (step.getExpected() != null) {
            ArtifactDigest digest = ArtifactDigest.parse(step.getExpected());
            List<String> selected = workspace.act(new WorkspaceHashing.SelectFiles(step.operands()));
            if (selected.size() != 1) {
                throw fail(run, "expected: compares one file, but files: selects " + selected.size(), subject);
            }
            expected = List.of(new ChecksumEntry(selected.get(0), digest));
            subject.put("expected", digest.toString());
        } else if (step.getChecksums() != null) {
            expected = loadChecksums(workspace, run, subject);
            notArtifacts.add(step.getChecksums());
        } else {
            expected = recordedBy(run, subject);
        }
        VerificationReport report = AgentResults.report(expected,
                workspace.act(new WorkspaceHashing.VerifyEntries(expected, step.isExact(), notArtifacts)));
        log(listener, report);
        subject.put("summary", report.summary());
        if (!report.passed()) {
            AuditTrail.record(run, event(run, AuditOutcome.BLOCKED, report.summary(), subject));
            throw new AbortException(STEP + ": the artifacts are not the ones expected: " + report.summary());
        }
        AuditTrail.record(run, event(run, AuditOutcome.PASSED, report.summary(), subject));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("files", report.verdicts().size());
        result.put("summary", report.summary());
        return result;
    }

    private Map<String, Object> record(FilePath workspace, Run<?, ?> run, TaskListener listener, Map<String, String> subject)
            throws Exception {
        DigestAlgorithm algorithm = DigestAlgorithm.parse(step.getAlgorithm());
        AgentResults.Hashed hashed = AgentResults.hashed(workspace.act(new WorkspaceHashing.HashFiles(step.operands(), algorithm)));
        List<ChecksumEntry> entries = hashed.entries();
        List<String> problems = hashed.problems();
        if (!problems.isEmpty() || entries.isEmpty()) {
            throw fail(run, entries.isEmpty() && problems.isEmpty() ? "files: '" + step.getFiles() + "' selects no file"
                    : "cannot hash " + String.join("; ", problems), subject);
        }
        synchronized (run) {
            run.addOrReplaceAction(new ArtifactHashesAction(algorithm.id(), entries));
            run.save();
        }
        for (ChecksumEntry entry : entries) {
            listener.getLogger().println(STEP + ": recorded " + entry.digest() + "  " + entry.name());
        }
        if (step.getManifest() != null) {
            writeManifest(workspace, run, listener, algorithm, entries, subject);
        }
        subject.put("recorded", String.valueOf(entries.size()));
        AuditTrail.record(run, event(run, AuditOutcome.PASSED, "recorded " + entries.size() + " digest(s)", subject));
        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Object> digests = new LinkedHashMap<>();
        entries.forEach(entry -> digests.put(entry.name(), entry.digest().toString()));
        result.put("digests", digests);
        return result;
    }

    /** The JSON manifest, signed on the controller when a key is given, for verification in another account. */
    private void writeManifest(FilePath workspace, Run<?, ?> run, TaskListener listener, DigestAlgorithm algorithm,
            List<ChecksumEntry> entries, Map<String, String> subject) throws Exception {
        ChecksumManifest manifest = ChecksumManifest.unsigned(algorithm, entries);
        if (step.getSigningKey() != null || step.getSigningKeyCredentialsId() != null) {
            try (SigningKeys keys = SigningKeys.open(STEP, step.getSigningKey(), step.getSigningKeyCredentialsId(),
                    getContext().get(AwsRoleSession.class), run, null)) {
                manifest = ManifestSigning.sign(manifest, keys.signer());
            } catch (SigningException | KeyFileException | IllegalStateException e) {
                throw fail(run, "cannot sign the manifest: " + e.getMessage(), subject);
            }
            subject.put("signedWith", step.getSigningKey() != null ? step.getSigningKey() : "credential " + step.getSigningKeyCredentialsId());
        }
        workspace.child(step.getManifest()).write(new String(ManifestJson.write(manifest), StandardCharsets.UTF_8), "UTF-8");
        subject.put("manifest", step.getManifest());
        listener.getLogger().println(STEP + ": wrote " + (manifest.signature().isPresent() ? "signed " : "")
                + "manifest " + step.getManifest());
    }

    private List<ChecksumEntry> loadChecksums(FilePath workspace, Run<?, ?> run, Map<String, String> subject) throws Exception {
        FilePath file = workspace.child(step.getChecksums());
        subject.put("checksums", step.getChecksums());
        if (!file.exists()) {
            throw fail(run, "the checksum file '" + step.getChecksums() + "' is not in the workspace", subject);
        }
        ChecksumFileLoader.LoadedChecksums loaded;
        try (InputStream in = file.read()) {
            loaded = ChecksumFileLoader.load(in, step.getChecksums(), ChecksumLimits.DEFAULT);
        } catch (ChecksumFileException e) {
            throw fail(run, e.getMessage(), subject);
        }
        if (step.getPublicKeyCredentialsId() != null) {
            if (loaded.manifest().isEmpty() || loaded.manifest().get().signature().isEmpty()) {
                throw fail(run, "a signature is required but '" + step.getChecksums() + "' is not a signed manifest", subject);
            }
            try {
                String pem = CredentialLookup.find(step.getPublicKeyCredentialsId(), StringCredentials.class, run,
                        "publicKeyCredentialsId").getSecret().getPlainText();
                EcdsaP256Verifier verifier = EcdsaP256Verifier.of(
                        PemKeyReader.readPublicKey(pem.getBytes(StandardCharsets.US_ASCII), step.getPublicKeyCredentialsId()));
                ManifestSigning.verify(loaded.manifest().get(), verifier);
            } catch (KeyFileException | ManifestSigning.InvalidManifestSignatureException | IllegalStateException e) {
                throw fail(run, "signature check of '" + step.getChecksums() + "' failed: " + e.getMessage(), subject);
            }
            subject.put("signedBy", step.getPublicKeyCredentialsId());
        }
        return loaded.entries();
    }

    private List<ChecksumEntry> recordedBy(Run<?, ?> run, Map<String, String> subject) throws Exception {
        subject.put("fromJob", step.getFromJob());
        subject.put("build", step.getBuild());
        Job<?, ?> job = readableJob(step.getFromJob(), run);
        if (job == null) {
            throw fail(run, "no job '" + step.getFromJob() + "' is visible to this build", subject);
        }
        Run<?, ?> source = "lastSuccessful".equals(step.getBuild()) ? job.getLastSuccessfulBuild()
                : job.getBuildByNumber(Integer.parseInt(step.getBuild()));
        if (source == null) {
            throw fail(run, "job '" + step.getFromJob() + "' has no build " + step.getBuild(), subject);
        }
        ArtifactHashesAction recorded = source.getAction(ArtifactHashesAction.class);
        if (recorded == null) {
            throw fail(run, BuildIdentity.buildId(source) + " recorded no artifact digests (use verifyArtifactHash record: true)", subject);
        }
        subject.put("sourceBuild", BuildIdentity.buildId(source));
        return recorded.entries();
    }

    /**
     * The job, if this build may read it, else null (whether it exists or not, so names cannot be probed). As
     * copyartifact does: with Authorize Project (or any queue item authenticator) the build runs as a user and that
     * user needs Item.READ; without one the build runs as SYSTEM, which sees everything, so the job must be the
     * build's own or readable by any logged-in user.
     */
    static Job<?, ?> readableJob(String fullName, Run<?, ?> run) {
        Authentication build = Jenkins.getAuthentication2();
        Job<?, ?> job;
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            job = Jenkins.get().getItemByFullName(fullName, Job.class);
        }
        if (job == null) {
            return null;
        }
        if (job == run.getParent()) {
            return job;
        }
        Authentication asked = ACL.SYSTEM2.equals(build) ? ANY_LOGGED_IN_USER : build;
        return job.hasPermission2(asked, Item.READ) ? job : null;
    }

    private static final Authentication ANY_LOGGED_IN_USER = new UsernamePasswordAuthenticationToken("authenticated", "",
            List.of(SecurityRealm.AUTHENTICATED_AUTHORITY2));

    private static void log(TaskListener listener, VerificationReport report) {
        int logged = 0;
        for (FileVerdict verdict : report.verdicts()) {
            if (verdict.isMatch() || logged++ >= MAX_VERDICTS_LOGGED) {
                continue;
            }
            listener.getLogger().println(STEP + ": " + verdict.status() + " " + verdict.name()
                    + (verdict.expected() != null ? " expected " + verdict.expected() : "")
                    + (verdict.actual() != null ? " actual " + verdict.actual() : "")
                    + (verdict.detail().isEmpty() ? "" : " (" + verdict.detail() + ")"));
        }
        listener.getLogger().println(STEP + ": " + report.summary());
    }

    private AbortException fail(Run<?, ?> run, String reason, Map<String, String> subject) throws java.io.IOException {
        AuditTrail.record(run, event(run, AuditOutcome.FAILED, reason, subject));
        return new AbortException(STEP + ": " + reason);
    }

    private AuditEvent event(Run<?, ?> run, AuditOutcome outcome, String reason, Map<String, String> subject) {
        return new AuditEvent(Instant.now(), STEP, outcome, reason, BuildIdentity.triggeringUser(run),
                BuildIdentity.buildId(run), subject);
    }
}
