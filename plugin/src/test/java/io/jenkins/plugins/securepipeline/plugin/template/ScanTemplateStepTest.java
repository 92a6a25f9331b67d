package io.jenkins.plugins.securepipeline.plugin.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.model.Label;
import hudson.model.Result;
import io.jenkins.plugins.securepipeline.audit.AuditLog;
import io.jenkins.plugins.securepipeline.audit.AuditOutcome;
import io.jenkins.plugins.securepipeline.plugin.SecurePipelineConfiguration;
import io.jenkins.plugins.securepipeline.plugin.SecurePipelineRunAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class ScanTemplateStepTest {
    static final String PUBLIC_BUCKET = "AWSTemplateFormatVersion: '2010-09-09'\\nResources:\\n  Site:\\n"
            + "    Type: AWS::S3::Bucket\\n    Properties:\\n      AccessControl: PublicReadWrite\\n";
    static final String PRIVATE_BUCKET = "AWSTemplateFormatVersion: '2010-09-09'\\nResources:\\n  Site:\\n"
            + "    Type: AWS::S3::Bucket\\n    Properties:\\n      PublicAccessBlockConfiguration:\\n"
            + "        BlockPublicAcls: true\\n        BlockPublicPolicy: true\\n        IgnorePublicAcls: true\\n"
            + "        RestrictPublicBuckets: true\\n";

    private static WorkflowRun run(JenkinsRule r, Result expected, String label, String body) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "p");
        job.setDefinition(new CpsFlowDefinition("node('" + label + "') {\n" + body + "\n}", true));
        return r.assertBuildStatus(expected, job.scheduleBuild2(0));
    }

    @Test
    void blockingFindingsFailTheBuildOnARealAgentAndReportsLandInTheWorkspace(JenkinsRule r) throws Exception {
        r.createOnlineSlave(Label.get("remote"));
        WorkflowRun b = run(r, Result.FAILURE, "remote",
                "writeFile file: 'infra/site.yaml', text: \"" + PUBLIC_BUCKET + "\"\n"
                + "writeFile file: 'infra/notes.yaml', text: 'just: notes'\n"
                + "try { scanTemplate files: 'infra/**' } finally {\n"
                + "  echo 'sarif=' + fileExists('scan-template.sarif') + ' json=' + fileExists('scan-template.json')\n}");
        r.assertLogContains("infra/site.yaml:6: critical ASP-S3-003 Site", b);
        r.assertLogContains("[blocking]", b);
        r.assertLogContains("1 other file(s) skipped", b);
        r.assertLogContains("sarif=true json=true", b);
        r.assertLogContains("scanTemplate: ", b);
        assertEquals(AuditOutcome.BLOCKED,
                AuditLog.read(SecurePipelineConfiguration.get().auditLog().file()).events().get(0).outcome());
        SecurePipelineRunAction.FindingRow worst = b.getAction(SecurePipelineRunAction.class).getFindings().get(0);
        assertEquals("ASP-S3-003", worst.getRuleId());
        assertEquals("infra/site.yaml", worst.getFile());
        assertEquals(6, worst.getLine());
        assertEquals(true, worst.isBlocking());
    }

    @Test
    void aCleanTemplatePassesAndTheSummaryIsReturned(JenkinsRule r) throws Exception {
        WorkflowRun b = run(r, Result.SUCCESS, "built-in",
                "writeFile file: 'site.yaml', text: \"" + PRIVATE_BUCKET + "\"\n"
                + "def summary = scanTemplate files: '*.yaml'\n"
                + "echo \"templates=${summary.templates} blocking=${summary.blocking} medium=${summary.bySeverity.medium}\"");
        r.assertLogContains("templates=1 blocking=0 medium=2", b);
    }

    @Test
    void unstableInsteadOfFailure(JenkinsRule r) throws Exception {
        WorkflowRun b = run(r, Result.UNSTABLE, "built-in",
                "writeFile file: 'site.yaml', text: \"" + PUBLIC_BUCKET + "\"\nscanTemplate files: '*.yaml', unstable: true\necho 'went on'");
        r.assertLogContains("the build is marked unstable", b);
        r.assertLogContains("went on", b);
    }

    @Test
    void aJenkinsfileCannotLoosenTheAdministratorsThreshold(JenkinsRule r) throws Exception {
        SecurePipelineConfiguration.get().setScanThreshold("medium");
        WorkflowRun b = run(r, Result.FAILURE, "built-in",
                "writeFile file: 'site.yaml', text: \"" + PRIVATE_BUCKET + "\"\nscanTemplate files: '*.yaml', failOn: 'critical'");
        r.assertLogContains("ignored: failOn 'critical' (the administrator's threshold medium applies)", b);
        r.assertLogContains("2 blocking at medium and above", b);
    }

    @Test
    void nothingMatchingIsAFailureNotASilentPass(JenkinsRule r) throws Exception {
        WorkflowRun b = run(r, Result.FAILURE, "built-in", "scanTemplate files: 'infra/**/*.yaml'");
        r.assertLogContains("no file in the workspace matches files: 'infra/**/*.yaml'", b);
    }

    @Test
    void anUnreadableTemplateFailsClosedWithItsLine(JenkinsRule r) throws Exception {
        WorkflowRun b = run(r, Result.FAILURE, "built-in",
                "writeFile file: 'broken.yaml', text: \"Resources:\\n  A: [unclosed\\n\"\nscanTemplate files: '*.yaml', failOn: 'never'");
        r.assertLogContains("broken.yaml:", b);
        r.assertLogContains("could not be read", b);
    }

    @Test
    void aSymbolicLinkInTheWorkspaceIsAnErrorNotAControllerFileRead(JenkinsRule r) throws Exception {
        WorkflowRun b = run(r, Result.FAILURE, "built-in",
                "writeFile file: 'infra/site.yaml', text: \"" + PRIVATE_BUCKET + "\"\n"
                + "sh 'ln -s /etc/hostname infra/leak.yaml'\n"
                + "scanTemplate files: 'infra/**', failOn: 'never'");
        r.assertLogContains("infra/leak.yaml: symbolic link, not followed", b);
    }
}
