package io.jenkins.plugins.securepipeline.plugin.role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.securepipeline.audit.AuditEvent;
import io.jenkins.plugins.securepipeline.audit.AuditLog;
import io.jenkins.plugins.securepipeline.audit.AuditOutcome;
import io.jenkins.plugins.securepipeline.aws.testing.AwsResponse;
import io.jenkins.plugins.securepipeline.aws.testing.LocalAwsEndpoint;
import io.jenkins.plugins.securepipeline.plugin.SecurePipelineConfiguration;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Outside an assumeCrossAccountRole block a step reaches AWS with the controller's identity only where an
 * administrator's controller identity rule grants its job that purpose; otherwise it is refused before any AWS call,
 * with the missing block or rule named and an audit event.
 */
@WithJenkins
class StepAwsCredentialsTest {
    private static final String IMAGE = "127.0.0.1:9/app@sha256:" + "a".repeat(64);
    private static final String VERIFY_WITH_KMS = "verifyImageSignature image: '" + IMAGE
            + "', key: 'awskms:///alias/release', insecureHttp: true\n";

    private LocalAwsEndpoint kms;

    @BeforeEach
    void startKms() {
        kms = LocalAwsEndpoint.start("kms", "eu-west-1");
        kms.handler(request -> AwsResponse.jsonError(400, "NotFoundException", "no such key in this test"));
        System.setProperty("aws.accessKeyId", LocalAwsEndpoint.ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", LocalAwsEndpoint.SECRET_ACCESS_KEY);
    }

    @AfterEach
    void stopKms() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        kms.close();
    }

    private static void configure(LocalAwsEndpoint kms) {
        SecurePipelineConfiguration config = SecurePipelineConfiguration.get();
        config.setRegion("eu-west-1");
        config.setKmsEndpoint(kms.uri().toString());
        config.setIdentity(new DefaultChainIdentity());
    }

    private static WorkflowRun run(JenkinsRule r, String name, String script) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return r.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));
    }

    private static List<AuditEvent> audit() throws Exception {
        return AuditLog.read(SecurePipelineConfiguration.get().auditLog().file()).events();
    }

    @Test
    void withoutABlockOrARuleTheControllerIdentityIsRefused(JenkinsRule r) throws Exception {
        configure(kms);
        WorkflowRun b = run(r, "p", VERIFY_WITH_KMS);

        r.assertLogContains("verifyImageSignature: refused", b);
        r.assertLogContains("assumeCrossAccountRole", b);
        r.assertLogContains("controller identity rule covering job 'p' and KMS", b);
        assertEquals(List.of(), kms.requests(), "no AWS call was made");
        AuditEvent refusal = audit().get(0);
        assertEquals(AuditOutcome.DENIED, refusal.outcome());
        assertEquals("KMS", refusal.subject().get("purpose"));
    }

    @Test
    void aRuleForAnotherPurposeOrJobDoesNotHelp(JenkinsRule r) throws Exception {
        configure(kms);
        ControllerIdentityRule ecrOnly = new ControllerIdentityRule("images", "**");
        ecrOnly.setEcr(true);
        ControllerIdentityRule otherJob = new ControllerIdentityRule("release signing", "release/*");
        otherJob.setKms(true);
        SecurePipelineConfiguration.get().setControllerIdentityRules(List.of(ecrOnly, otherJob));

        run(r, "p", VERIFY_WITH_KMS);

        assertEquals(List.of(), kms.requests());
        assertEquals(AuditOutcome.DENIED, audit().get(0).outcome());
    }

    @Test
    void aMatchingRuleLetsTheStepUseTheControllerIdentityAndIsAudited(JenkinsRule r) throws Exception {
        configure(kms);
        ControllerIdentityRule signing = new ControllerIdentityRule("deploy-side checks", "p");
        signing.setKms(true);
        SecurePipelineConfiguration.get().setControllerIdentityRules(List.of(signing));

        WorkflowRun b = run(r, "p", VERIFY_WITH_KMS);

        // The key does not exist at this KMS, but the call was made, signed with the controller's identity.
        r.assertLogNotContains("refused", b);
        assertEquals("GetPublicKey", kms.requests().get(0).operation());
        assertEquals(List.of(), kms.rejected());
        AuditEvent allowed = audit().get(0);
        assertEquals(AuditOutcome.ALLOWED, allowed.outcome());
        assertEquals("deploy-side checks", allowed.subject().get("rule"));
        assertTrue(allowed.reason().contains("controller identity rule 'deploy-side checks'"), allowed.reason());
    }
}
