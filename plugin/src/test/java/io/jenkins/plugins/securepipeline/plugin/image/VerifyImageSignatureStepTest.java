package io.jenkins.plugins.securepipeline.plugin.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.securepipeline.audit.AuditLog;
import io.jenkins.plugins.securepipeline.audit.AuditOutcome;
import io.jenkins.plugins.securepipeline.image.ImageReference;
import io.jenkins.plugins.securepipeline.image.ImageSource;
import io.jenkins.plugins.securepipeline.image.OciLayoutSource;
import io.jenkins.plugins.securepipeline.image.TestImages;
import io.jenkins.plugins.securepipeline.image.publish.SignedImagePublisher;
import io.jenkins.plugins.securepipeline.image.registry.ImagePusher;
import io.jenkins.plugins.securepipeline.image.registry.LocalRegistry;
import io.jenkins.plugins.securepipeline.image.registry.RegistryClient;
import io.jenkins.plugins.securepipeline.plugin.SecurePipelineConfiguration;
import io.jenkins.plugins.securepipeline.signing.EcdsaP256Signer;
import io.jenkins.plugins.securepipeline.signing.cosign.SignerPayloadSigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Against the real distribution registry on 127.0.0.1 (Debian docker-registry), with htpasswd authentication. */
@WithJenkins
class VerifyImageSignatureStepTest {
    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    Path dir;

    @Test
    void acceptsTheTrustedKeysSignatureAndRefusesAnyOther(JenkinsRule r) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair trusted = generator.generateKeyPair();
        KeyPair other = generator.generateKeyPair();

        Path layout = dir.resolve("layout");
        TestImages.ociLayout(layout, "v1", new int[] {3000, 5000}, 7);
        RegistryClient client = REGISTRY.client();
        SignedImagePublisher.Outcome pushed;
        try (ImageSource source = OciLayoutSource.directory(layout, "v1")) {
            pushed = new SignedImagePublisher(client, new ImagePusher(client, 2, null)).publish(source,
                    ImageReference.parse(REGISTRY.address() + "/app/web:1", "target"),
                    new SignerPayloadSigner(new EcdsaP256Signer((ECPrivateKey) trusted.getPrivate(), "release")), null, Map.of());
        }
        String image = REGISTRY.address() + "/app/web@" + pushed.push().digest();

        String password = Files.readString(REGISTRY.writePasswordFile(dir.resolve("password")), StandardCharsets.UTF_8).strip();
        SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
        store.getCredentials().add(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "registry", "test registry",
                LocalRegistry.USER, password));
        store.getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL, "release-key", "cosign.pub",
                Secret.fromString(pem(trusted))));
        store.getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL, "other-key", "another key",
                Secret.fromString(pem(other))));
        store.save();

        WorkflowJob job = r.createProject(WorkflowJob.class, "deploy");
        job.setDefinition(new CpsFlowDefinition("def v = verifyImageSignature image: '" + image + "', publicKeyCredentialsId: "
                + "'release-key', registryCredentialsId: 'registry', insecureHttp: true\necho 'signatures=' + v.signatures", true));
        WorkflowRun ok = r.assertBuildStatus(Result.SUCCESS, job.scheduleBuild2(0));
        r.assertLogContains("is signed by the trusted key", ok);
        r.assertLogContains("signatures=1", ok);

        job.setDefinition(new CpsFlowDefinition("verifyImageSignature image: '" + image + "', publicKeyCredentialsId: "
                + "'other-key', registryCredentialsId: 'registry', insecureHttp: true", true));
        WorkflowRun refused = r.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));
        r.assertLogContains("no valid signature by the trusted key", refused);
        r.assertLogNotContains(password, refused);
        assertEquals(AuditOutcome.BLOCKED,
                AuditLog.read(SecurePipelineConfiguration.get().auditLog().file()).events().get(1).outcome());
    }

    @Test
    void aTagIsNotEnough(JenkinsRule r) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "deploy");
        job.setDefinition(new CpsFlowDefinition("verifyImageSignature image: '" + REGISTRY.address()
                + "/app/web:1', publicKeyCredentialsId: 'release-key'", true));
        WorkflowRun b = r.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));
        r.assertLogContains("give REGISTRY/REPO@sha256:HEX", b);
    }

    private static String pem(KeyPair key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
