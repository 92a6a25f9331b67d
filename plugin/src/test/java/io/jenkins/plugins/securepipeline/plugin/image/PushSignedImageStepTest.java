package io.jenkins.plugins.securepipeline.plugin.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.FilePath;
import hudson.model.Label;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import hudson.util.Secret;
import io.jenkins.plugins.securepipeline.audit.AuditLog;
import io.jenkins.plugins.securepipeline.audit.AuditOutcome;
import io.jenkins.plugins.securepipeline.image.Digest;
import io.jenkins.plugins.securepipeline.image.ManifestDocument;
import io.jenkins.plugins.securepipeline.image.TestImages;
import io.jenkins.plugins.securepipeline.image.registry.LocalRegistry;
import io.jenkins.plugins.securepipeline.plugin.SecurePipelineConfiguration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The image is read from the workspace of a real agent and pushed from there to the real registry; the signature is
 * made on the controller. The same pipeline then verifies it like a deploy would.
 */
@WithJenkins
class PushSignedImageStepTest {
    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    Path dir;

    private WorkflowJob jobWithImageOnAnAgent(JenkinsRule r, KeyPair signing) throws Exception {
        DumbSlave agent = r.createOnlineSlave(Label.get("builder"));
        WorkflowJob job = r.createProject(WorkflowJob.class, "release");
        Path layout = dir.resolve("layout");
        TestImages.ociLayout(layout, "latest", new int[] {4000, 9000, 2000}, 11);
        new FilePath(layout.toFile()).copyRecursiveTo(agent.getWorkspaceFor(job).child("build/image"));
        addCredentials(signing);
        return job;
    }

    private void addCredentials(KeyPair signing) throws Exception {
        String password = Files.readString(REGISTRY.writePasswordFile(dir.resolve("password")), StandardCharsets.UTF_8).strip();
        SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
        store.getCredentials().add(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "registry", "test registry",
                LocalRegistry.USER, password));
        store.getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL, "signing-key", "cosign key",
                Secret.fromString(pem("PRIVATE KEY", signing.getPrivate().getEncoded()))));
        store.getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL, "signing-pub", "cosign.pub",
                Secret.fromString(pem("PUBLIC KEY", signing.getPublic().getEncoded()))));
        store.getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL, "broken-key", "not a key",
                Secret.fromString("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")));
        store.save();
    }

    @Test
    void anImageInTheAgentsDockerDaemonIsSavedThenPushed(JenkinsRule r) throws Exception {
        // A stand-in docker CLI on the agent's PATH: `docker save --output FILE IMAGE` writes a real docker save archive.
        Path saved = dir.resolve("saved.tar");
        TestImages.dockerArchive(saved, new int[] {3000, 5000}, true, 5);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path docker = bin.resolve("docker");
        Files.writeString(docker, "#!/bin/sh\n[ \"$1\" = save ] && [ \"$2\" = --output ] || exit 2\n"
                + "echo \"saving $4\"\ncp '" + saved + "' \"$3\"\n");
        docker.toFile().setExecutable(true);
        DumbSlave agent = r.createOnlineSlave(Label.get("docker"), new hudson.EnvVars("PATH", bin + ":" + System.getenv("PATH")));
        addCredentials(ecKey());
        WorkflowJob job = r.createProject(WorkflowJob.class, "from-docker");
        job.setDefinition(new CpsFlowDefinition("node('docker') {\n"
                + "  def pushed = pushSignedImage source: 'docker:shop/api:7', target: '" + REGISTRY.address() + "/shop/api:7', "
                + "signingKeyCredentialsId: 'signing-key', registryCredentialsId: 'registry', insecureHttp: true\n"
                + "  echo 'digest=' + pushed.digest\n}", true));
        WorkflowRun b = r.assertBuildStatus(Result.SUCCESS, job.scheduleBuild2(0));
        r.assertLogContains("saving shop/api:7", b);
        r.assertLogContains("digest=" + Digest.of(REGISTRY.client().getManifest("shop/api", "7").bytes()), b);
        assertEquals(0, agent.getWorkspaceFor(job).list("*.tar").length, "the saved archive is removed");
    }

    @Test
    void pushesFromTheAgentSignsOnTheControllerAndTheDeploySideVerifies(JenkinsRule r) throws Exception {
        KeyPair signing = ecKey();
        WorkflowJob job = jobWithImageOnAnAgent(r, signing);
        String target = REGISTRY.address() + "/shop/web:1.4.2";
        job.setDefinition(new CpsFlowDefinition("node('builder') {\n"
                + "  def pushed = pushSignedImage source: 'oci:build/image:latest', target: '" + target + "', "
                + "signingKeyCredentialsId: 'signing-key', registryCredentialsId: 'registry', insecureHttp: true\n"
                + "  echo 'digest=' + pushed.digest\n"
                + "  verifyImageSignature image: pushed.reference, publicKeyCredentialsId: 'signing-pub', "
                + "registryCredentialsId: 'registry', insecureHttp: true\n"
                // promotion by digest to another repository, existing signatures brought along
                + "  def promoted = pushSignedImage source: 'registry:' + pushed.reference, target: '" + REGISTRY.address()
                + "/prod/web:1.4.2', signingKeyCredentialsId: 'signing-key', registryCredentialsId: 'registry', "
                + "sourceRegistryCredentialsId: 'registry', insecureHttp: true\n"
                + "  echo 'promoted=' + promoted.digest\n"
                + "  verifyImageSignature image: promoted.reference, publicKeyCredentialsId: 'signing-pub', "
                + "registryCredentialsId: 'registry', insecureHttp: true\n"
                + "}", true));
        WorkflowRun b = r.assertBuildStatus(Result.SUCCESS, job.scheduleBuild2(0));
        ManifestDocument manifest = REGISTRY.client().getManifest("shop/web", "1.4.2");
        r.assertLogContains("digest=" + Digest.of(manifest.bytes()), b);
        r.assertLogContains("promoted=" + Digest.of(manifest.bytes()), b);
        r.assertLogContains("pushSignedImage: signed", b);
        r.assertLogContains("is signed by the trusted key", b);
        assertEquals(AuditOutcome.PASSED,
                AuditLog.read(SecurePipelineConfiguration.get().auditLog().file()).events().get(0).outcome());
    }

    @Test
    void anUnusableSigningKeyStopsTheStepBeforeAnythingIsPushed(JenkinsRule r) throws Exception {
        WorkflowJob job = jobWithImageOnAnAgent(r, ecKey());
        String target = REGISTRY.address() + "/shop/unsigned:1";
        job.setDefinition(new CpsFlowDefinition("node('builder') {\n"
                + "  pushSignedImage source: 'oci:build/image:latest', target: '" + target + "', "
                + "signingKeyCredentialsId: 'broken-key', registryCredentialsId: 'registry', insecureHttp: true\n"
                + "}", true));
        WorkflowRun b = r.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));
        r.assertLogContains("nothing was pushed: the signing key cannot be used", b);
        // An image the step could not sign is not in the registry at all, signed or not.
        assertThrows(java.io.IOException.class, () -> REGISTRY.client().getManifest("shop/unsigned", "1"));
        assertEquals(AuditOutcome.FAILED,
                AuditLog.read(SecurePipelineConfiguration.get().auditLog().file()).events().get(0).outcome());
    }

    @Test
    void argumentsAreCheckedBeforeAnythingMoves(JenkinsRule r) throws Exception {
        WorkflowJob job = jobWithImageOnAnAgent(r, ecKey());
        job.setDefinition(new CpsFlowDefinition("node('builder') {\n"
                + "  pushSignedImage source: 'oci:build/image', target: '" + REGISTRY.address() + "/shop/web', "
                + "signingKeyCredentialsId: 'signing-key'\n}", true));
        WorkflowRun noTag = r.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));
        r.assertLogContains("target: a tag (:TAG) or digest (@sha256:HEX) is required", noTag);

        job.setDefinition(new CpsFlowDefinition("node('builder') {\n"
                + "  pushSignedImage source: 'oci:../../etc', target: '" + REGISTRY.address() + "/shop/web:1', "
                + "signingKeyCredentialsId: 'signing-key', registryCredentialsId: 'registry', insecureHttp: true\n}", true));
        WorkflowRun escape = r.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));
        r.assertLogContains("is not inside the workspace", escape);
    }

    private static KeyPair ecKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    @Test
    void provenanceAndAnSbomAreAttachedAndRequiredOnTheDeploySide(JenkinsRule r) throws Exception {
        KeyPair signing = ecKey();
        DumbSlave agent = r.createOnlineSlave(Label.get("builder"));
        WorkflowJob job = r.createProject(WorkflowJob.class, "release");
        Path layout = dir.resolve("layout");
        TestImages.ociLayout(layout, "latest", new int[] {4000, 2000}, 12);
        new FilePath(layout.toFile()).copyRecursiveTo(agent.getWorkspaceFor(job).child("build/image"));
        addCredentials(signing);
        agent.getWorkspaceFor(job).child("bom.cdx.json").write("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\"}", "UTF-8");
        String target = REGISTRY.address() + "/shop/attested:1";
        String verify = "verifyImageSignature image: pushed.reference, publicKeyCredentialsId: 'signing-pub', "
                + "registryCredentialsId: 'registry', insecureHttp: true, requireSbom: true, requireProvenance: true, "
                + "sourceRepository: 'https://github.com/example/*', builderId: ";
        job.setDefinition(new CpsFlowDefinition("node('builder') {\n"
                + "  withEnv(['GIT_URL=https://ci-user:s3cr3t-token@github.com/example/shop.git', "
                + "'GIT_COMMIT=0123456789abcdef0123456789abcdef01234567']) {\n"
                + "    def pushed = pushSignedImage source: 'oci:build/image:latest', target: '" + target + "', "
                + "signingKeyCredentialsId: 'signing-key', registryCredentialsId: 'registry', insecureHttp: true, "
                + "provenance: true, attestations: ['sbom=bom.cdx.json']\n"
                + "    echo 'attestations=' + pushed.attestations\n"
                + "    " + verify + "env.JENKINS_URL + 'job/release/'\n"
                + "    " + verify + "'https://elsewhere.example/**'\n"
                + "  }\n}", true));
        WorkflowRun b = r.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));
        ManifestDocument manifest = REGISTRY.client().getManifest("shop/attested", "1");
        Digest digest = Digest.of(manifest.bytes());
        r.assertLogContains("attestations=" + REGISTRY.address() + "/shop/attested:" + digest.attestationTag(), b);
        r.assertLogContains("verifyImageSignature: checked provenance in attestation layer 0: builder id http", b);
        r.assertLogContains("job/release/ matches http", b);
        r.assertLogContains("does not match https://elsewhere.example/**", b);
        r.assertLogNotContains("s3cr3t-token", b);

        // What was stored, read with the engine directly: the build's provenance, its source without the token.
        io.jenkins.plugins.securepipeline.image.ImageReference image = io.jenkins.plugins.securepipeline.image.ImageReference
                .parse(REGISTRY.address() + "/shop/attested@" + digest, "image");
        io.jenkins.plugins.securepipeline.signing.attest.AttestationVerifier.Verification verification =
                new io.jenkins.plugins.securepipeline.signing.attest.AttestationVerifier(REGISTRY.client()).verify(image,
                        io.jenkins.plugins.securepipeline.signing.EcdsaP256Verifier.of((java.security.interfaces.ECPublicKey) signing.getPublic()),
                        new io.jenkins.plugins.securepipeline.signing.attest.AttestationPolicy(java.util.Set.of(), true, null,
                                io.jenkins.plugins.securepipeline.signing.attest.GlobPattern.compile("https://github.com/example/shop.git", "s"), true));
        assertEquals(true, verification.verified(), verification.problems().toString());
        assertEquals(java.util.List.of("https://slsa.dev/provenance/v1", "https://cyclonedx.org/bom"), verification.predicateTypes());
    }

    @Test
    void theAdministratorsAttestationRequirementsApplyToEveryVerification(JenkinsRule r) throws Exception {
        WorkflowJob job = jobWithImageOnAnAgent(r, ecKey());
        String target = REGISTRY.address() + "/shop/plain:1";
        // Signed, but pushed without any attestation; the Jenkinsfile asks for none.
        job.setDefinition(new CpsFlowDefinition("node('builder') {\n"
                + "  def pushed = pushSignedImage source: 'oci:build/image:latest', target: '" + target + "', "
                + "signingKeyCredentialsId: 'signing-key', registryCredentialsId: 'registry', insecureHttp: true\n"
                + "  verifyImageSignature image: pushed.reference, publicKeyCredentialsId: 'signing-pub', "
                + "registryCredentialsId: 'registry', insecureHttp: true\n"
                + "}", true));
        r.assertBuildStatus(Result.SUCCESS, job.scheduleBuild2(0));

        SecurePipelineConfiguration.get().setImageSourceRepositoryPattern("https://github.com/example/**");
        WorkflowRun refused = r.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));
        r.assertLogContains("source repository matching https://github.com/example/**", refused);
    }
}
