package io.jenkins.plugins.securepipeline.plugin.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Item;
import hudson.model.Label;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.securepipeline.integrity.ArtifactDigest;
import io.jenkins.plugins.securepipeline.integrity.ChecksumEntry;
import io.jenkins.plugins.securepipeline.integrity.DigestAlgorithm;
import io.jenkins.plugins.securepipeline.integrity.manifest.ChecksumManifest;
import io.jenkins.plugins.securepipeline.integrity.manifest.ManifestJson;
import io.jenkins.plugins.securepipeline.integrity.manifest.ManifestSigning;
import io.jenkins.plugins.securepipeline.signing.EcdsaP256Signer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Hashing runs in the callables on a real agent; the controller only sees names, digests and verdicts. */
@WithJenkins
class VerifyArtifactHashStepTest {
    private static String sha256(String text) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static WorkflowRun run(JenkinsRule r, String name, Result expected, String body) throws Exception {
        WorkflowJob job = r.jenkins.getItemByFullName(name, WorkflowJob.class);
        if (job == null) {
            job = r.createProject(WorkflowJob.class, name);
        }
        job.setDefinition(new CpsFlowDefinition("node('remote') {\n" + body + "\n}", true));
        return r.assertBuildStatus(expected, job.scheduleBuild2(0));
    }

    @Test
    void buildOnceDeployManyAcrossJobs(JenkinsRule r) throws Exception {
        r.createOnlineSlave(Label.get("remote"));
        WorkflowRun built = run(r, "build", Result.SUCCESS,
                "writeFile file: 'dist/app.txt', text: 'release 1.4.2'\n"
                + "writeFile file: 'dist/lib/util.txt', text: 'util'\n"
                + "def recorded = verifyArtifactHash files: 'dist/**', record: true\n"
                + "echo 'recorded=' + recorded.digests['dist/app.txt']");
        r.assertLogContains("recorded=" + sha256("release 1.4.2"), built);
        assertEquals(2, built.getAction(ArtifactHashesAction.class).getFiles().size());

        WorkflowRun same = run(r, "deploy", Result.SUCCESS,
                "writeFile file: 'dist/app.txt', text: 'release 1.4.2'\nwriteFile file: 'dist/lib/util.txt', text: 'util'\n"
                + "verifyArtifactHash fromJob: 'build'");
        r.assertLogContains("2 files: 2 MATCH", same);

        WorkflowRun tampered = run(r, "deploy", Result.FAILURE,
                "writeFile file: 'dist/app.txt', text: 'release 1.4.2 with a patch'\nwriteFile file: 'dist/lib/util.txt', text: 'util'\n"
                + "verifyArtifactHash fromJob: 'build', build: '1'");
        r.assertLogContains("MISMATCH dist/app.txt expected " + sha256("release 1.4.2"), tampered);
        r.assertLogContains("the artifacts are not the ones expected", tampered);
    }

    @Test
    void fromJobReadsOnlyJobsThisBuildMaySee(JenkinsRule r) throws Exception {
        // No Authorize Project: builds run as SYSTEM, so the source job must be readable by any logged-in user.
        r.createOnlineSlave(Label.get("remote"));
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        run(r, "secret-build", Result.SUCCESS, "writeFile file: 'a.txt', text: 'a'\nverifyArtifactHash files: 'a.txt', record: true");
        run(r, "open-build", Result.SUCCESS, "writeFile file: 'a.txt', text: 'a'\nverifyArtifactHash files: 'a.txt', record: true");
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().toAuthenticated()
                .grant(Item.READ).onItems(r.jenkins.getItemByFullName("open-build", WorkflowJob.class)).toAuthenticated()
                .grant(Item.READ).onItems(r.jenkins.getItemByFullName("secret-build", WorkflowJob.class)).to("alice"));

        WorkflowRun refused = run(r, "deploy", Result.FAILURE,
                "writeFile file: 'a.txt', text: 'a'\nverifyArtifactHash fromJob: 'secret-build'");
        r.assertLogContains("no job 'secret-build' is visible to this build", refused);
        WorkflowRun missing = run(r, "deploy2", Result.FAILURE,
                "writeFile file: 'a.txt', text: 'a'\nverifyArtifactHash fromJob: 'no-such-job'");
        r.assertLogContains("no job 'no-such-job' is visible to this build", missing);

        WorkflowRun allowed = run(r, "deploy3", Result.SUCCESS,
                "writeFile file: 'a.txt', text: 'a'\nverifyArtifactHash fromJob: 'open-build'");
        r.assertLogContains("1 file: 1 MATCH", allowed);
    }

    @Test
    void anExpectedDigestForOneFile(JenkinsRule r) throws Exception {
        r.createOnlineSlave(Label.get("remote"));
        run(r, "p", Result.SUCCESS, "writeFile file: 'a.txt', text: 'hello'\n"
                + "verifyArtifactHash files: 'a.txt', expected: '" + sha256("hello") + "'");
        WorkflowRun wrong = run(r, "p", Result.FAILURE, "writeFile file: 'a.txt', text: 'hello!'\n"
                + "verifyArtifactHash files: 'a.txt', expected: '" + sha256("hello") + "'");
        r.assertLogContains("MISMATCH a.txt", wrong);
        WorkflowRun bad = run(r, "p", Result.FAILURE, "verifyArtifactHash files: 'a.txt', expected: 'md5:abc'");
        r.assertLogContains("md5", bad);
    }

    @Test
    void aCoreutilsChecksumFileWithAnExactSet(JenkinsRule r) throws Exception {
        r.createOnlineSlave(Label.get("remote"));
        String checksums = sha256("one").substring("sha256:".length()) + "  one.txt\\n";
        run(r, "p", Result.SUCCESS, "writeFile file: 'one.txt', text: 'one'\nwriteFile file: 'SHA256SUMS', text: \"" + checksums + "\"\n"
                + "verifyArtifactHash checksums: 'SHA256SUMS', exact: true");
        WorkflowRun extra = run(r, "p", Result.FAILURE, "writeFile file: 'two.txt', text: 'two'\n"
                + "verifyArtifactHash checksums: 'SHA256SUMS', exact: true");
        r.assertLogContains("UNEXPECTED two.txt", extra);
    }

    @Test
    void aSignedManifestIsCheckedAgainstTheTrustedKey(JenkinsRule r) throws Exception {
        r.createOnlineSlave(Label.get("remote"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair trusted = generator.generateKeyPair();
        KeyPair other = generator.generateKeyPair();
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL,
                "release-key", "release signing public key", Secret.fromString(pem(trusted))));
        SystemCredentialsProvider.getInstance().save();

        String goodManifest = signedManifest("app.txt", "v1", trusted);
        run(r, "p", Result.SUCCESS, "writeFile file: 'app.txt', text: 'v1'\n"
                + "writeFile file: 'checksums.json', text: '" + goodManifest + "'\n"
                + "verifyArtifactHash checksums: 'checksums.json', publicKeyCredentialsId: 'release-key'");

        String forged = signedManifest("app.txt", "v1", other);
        WorkflowRun b = run(r, "p", Result.FAILURE, "writeFile file: 'checksums.json', text: '" + forged + "'\n"
                + "verifyArtifactHash checksums: 'checksums.json', publicKeyCredentialsId: 'release-key'");
        r.assertLogContains("signature check of 'checksums.json' failed", b);
    }

    @Test
    void aManifestSignedWhenRecordingIsVerifiedWithThePublicKey(JenkinsRule r) throws Exception {
        r.createOnlineSlave(Label.get("remote"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair release = generator.generateKeyPair();
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL,
                "release-signing", "release signing key", Secret.fromString(privatePem(release))));
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL,
                "release-key", "release public key", Secret.fromString(pem(release))));
        SystemCredentialsProvider.getInstance().save();

        WorkflowRun b = run(r, "p", Result.SUCCESS, "writeFile file: 'app.txt', text: 'v1'\n"
                + "verifyArtifactHash files: 'app.txt', record: true, manifest: 'checksums.json', signingKeyCredentialsId: 'release-signing'\n"
                + "verifyArtifactHash checksums: 'checksums.json', publicKeyCredentialsId: 'release-key'");
        r.assertLogContains("wrote signed manifest checksums.json", b);
        r.assertLogContains("1 file: 1 MATCH", b);
        r.assertLogNotContains("PRIVATE KEY", b);

        WorkflowRun tampered = run(r, "p", Result.FAILURE, "writeFile file: 'app.txt', text: 'v2'\n"
                + "verifyArtifactHash checksums: 'checksums.json', publicKeyCredentialsId: 'release-key'");
        r.assertLogContains("MISMATCH app.txt", tampered);
    }

    @Test
    void argumentsNameTheProblem(JenkinsRule r) throws Exception {
        r.createOnlineSlave(Label.get("remote"));
        WorkflowRun none = run(r, "p", Result.FAILURE, "verifyArtifactHash files: 'a.txt'");
        r.assertLogContains("give exactly one of record: true, expected:, checksums: or fromJob:", none);
        WorkflowRun missingJob = run(r, "p", Result.FAILURE, "verifyArtifactHash fromJob: 'no-such-job'");
        r.assertLogContains("no job 'no-such-job' is visible to this build", missingJob);
    }

    private static String signedManifest(String name, String content, KeyPair key) throws Exception {
        ChecksumManifest manifest = ChecksumManifest.unsigned(DigestAlgorithm.SHA256,
                List.of(new ChecksumEntry(name, ArtifactDigest.parse(sha256(content)))));
        ChecksumManifest signed = ManifestSigning.sign(manifest, new EcdsaP256Signer((ECPrivateKey) key.getPrivate(), "test-key"));
        return new String(ManifestJson.write(signed), StandardCharsets.UTF_8).replace("\n", "");
    }

    private static String privatePem(KeyPair key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static String pem(KeyPair key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
