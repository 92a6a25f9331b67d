package io.jenkins.plugins.securepipeline.plugin.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Label;
import hudson.model.Result;
import io.jenkins.plugins.securepipeline.audit.AuditEvent;
import io.jenkins.plugins.securepipeline.audit.AuditLog;
import io.jenkins.plugins.securepipeline.audit.AuditOutcome;
import io.jenkins.plugins.securepipeline.plugin.SecurePipelineConfiguration;
import io.jenkins.plugins.securepipeline.plugin.SecurePipelineRunAction;
import io.jenkins.plugins.securepipeline.template.TemplateSelectionLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    /** A new job of a unique name for each call: Jenkins refuses a second item of the same name. */
    private static WorkflowRun run(JenkinsRule r, Result expected, String label, String body) throws Exception {
        return run(r, r.createProject(WorkflowJob.class), expected, label, body);
    }

    private static WorkflowRun run(JenkinsRule r, WorkflowJob job, Result expected, String label, String body)
            throws Exception {
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
    void aSelectionWithoutTemplatesFailsUnlessAllowed(JenkinsRule r) throws Exception {
        WorkflowRun b = run(r, Result.FAILURE, "built-in",
                "writeFile file: 'infra/notes.yaml', text: 'just: notes'\nscanTemplate files: 'infra/**'");
        r.assertLogContains("files 'infra/**': nothing scanned", b);
        WorkflowRun allowed = run(r, Result.SUCCESS, "built-in",
                "writeFile file: 'infra/notes.yaml', text: 'just: notes'\n"
                + "def summary = scanTemplate files: 'infra/**', allowEmpty: true\necho \"templates=${summary.templates}\"");
        r.assertLogContains("templates=0", allowed);
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

    private static AuditEvent lastAuditEvent() throws Exception {
        List<AuditEvent> events = AuditLog.read(SecurePipelineConfiguration.get().auditLog().file()).events();
        return events.get(events.size() - 1);
    }

    private static String writeTemplates(String... names) {
        StringBuilder script = new StringBuilder();
        for (String name : names) {
            script.append("writeFile file: '").append(name).append("', text: \"").append(PRIVATE_BUCKET).append("\"\n");
        }
        return script.toString();
    }

    @Test
    void tooManyFilesAreRefusedOnARealAgentBeforeAnythingIsCopied(JenkinsRule r) throws Exception {
        SecurePipelineConfiguration.get().setScanMaxFiles("2");
        r.createOnlineSlave(Label.get("remote"));
        WorkflowRun b = run(r, Result.FAILURE, "remote",
                writeTemplates("infra/a.yaml", "infra/b.yaml", "infra/c/d.yaml")
                + "writeFile file: 'infra/notes.md', text: 'not a template: neither copied nor counted'\n"
                + "scanTemplate files: 'infra/**'");
        r.assertLogContains("scanTemplate: files: 'infra/**' selects 3 files, more than the limit of 2 files per scan"
                + " (administrator setting scanMaxFiles); nothing was copied", b);
        r.assertLogNotContains("scanTemplate: copied", b);
        AuditEvent event = lastAuditEvent();
        assertEquals(AuditOutcome.FAILED, event.outcome());
        assertEquals("scanMaxFiles", event.subject().get("limit"));
        assertEquals("3", event.subject().get("selected"));
        assertEquals("infra/**", event.subject().get("files"));
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeAnythingIsCopied(JenkinsRule r) throws Exception {
        SecurePipelineConfiguration.get().setScanMaxFileBytes("100");
        WorkflowRun b = run(r, Result.FAILURE, "built-in", "writeFile file: 'small.yaml', text: 'a: b'\n"
                + writeTemplates("site.yaml") + "scanTemplate files: '*.yaml'");
        r.assertLogContains("scanTemplate: files: '*.yaml' selects site.yaml (267 bytes), more than the limit of 100 bytes"
                + " per file (administrator setting scanMaxFileBytes); nothing was copied", b);
        r.assertLogNotContains("scanTemplate: copied", b);
        assertEquals("scanMaxFileBytes", lastAuditEvent().subject().get("limit"));
    }

    @Test
    void aSelectionLargerThanTheTotalLimitIsRefusedBeforeAnythingIsCopied(JenkinsRule r) throws Exception {
        SecurePipelineConfiguration.get().setScanMaxTotalBytes("500");
        WorkflowRun b = run(r, Result.FAILURE, "built-in",
                writeTemplates("a.yaml", "b.yaml") + "scanTemplate files: '*.yaml'");
        r.assertLogContains("scanTemplate: files: '*.yaml' selects 534 bytes in total, more than the limit of 500 bytes"
                + " per scan (administrator setting scanMaxTotalBytes); nothing was copied", b);
        r.assertLogNotContains("scanTemplate: copied", b);
        assertEquals("scanMaxTotalBytes", lastAuditEvent().subject().get("limit"));
    }

    @Test
    void aSelectionWithinTheLimitsIsCopiedAndScanned(JenkinsRule r) throws Exception {
        SecurePipelineConfiguration config = SecurePipelineConfiguration.get();
        config.setScanMaxFiles("2");
        config.setScanMaxFileBytes("267");
        config.setScanMaxTotalBytes("534");
        WorkflowRun b = run(r, Result.SUCCESS, "built-in", writeTemplates("a.yaml", "b.yaml")
                + "writeFile file: 'README.md', text: 'not selected'\n"
                + "def summary = scanTemplate files: '*'\necho \"templates=${summary.templates}\"");
        r.assertLogContains("scanTemplate: copied 2 template file(s), 534 bytes, from the workspace", b);
        r.assertLogContains("templates=2", b);
    }

    @Test
    void limitSettingsRefuseNegativeNumbersAndTextButBlankOrZeroIsTheDefault(JenkinsRule r) {
        SecurePipelineConfiguration config = SecurePipelineConfiguration.get();
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> config.setScanMaxFiles("-1"));
        assertTrue(negative.getMessage().startsWith("scanMaxFiles: -1 is negative"), negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> config.setScanMaxTotalBytes("lots"));
        assertThrows(IllegalArgumentException.class, () -> config.setScanMaxFileBytes("20000000"));
        config.setScanMaxFiles("0");
        config.setScanMaxFileBytes("");
        config.setScanMaxTotalBytes(null);
        assertEquals(TemplateSelectionLimits.DEFAULT, config.templateSelectionLimits());
    }

    @Test
    void aSymbolicLinkToAFolderIsNotFollowed(JenkinsRule r) throws Exception {
        WorkflowRun b = run(r, Result.FAILURE, "built-in",
                writeTemplates("infra/site.yaml", "elsewhere/other.yaml")
                + "sh 'ln -s ../elsewhere infra/linked'\n"
                + "scanTemplate files: 'infra/**', failOn: 'never'");
        r.assertLogContains("infra/linked: symbolic link, not followed", b);
        r.assertLogContains("scanTemplate: copied 1 template file(s)", b);
    }

    @Test
    void aBlankAdministratorThresholdIsTheDefaultHighNotNever(JenkinsRule r) throws Exception {
        SecurePipelineConfiguration.get().setScanThreshold("");
        WorkflowRun b = run(r, Result.FAILURE, "built-in",
                "writeFile file: 'site.yaml', text: \"" + PUBLIC_BUCKET + "\"\nscanTemplate files: '*.yaml'");
        r.assertLogContains("blocking at high and above", b);
        assertEquals(AuditOutcome.BLOCKED, lastAuditEvent().outcome());
    }

    @Test
    void aWhiteSpaceThresholdAndABlankFailOnStillBlock(JenkinsRule r) throws Exception {
        SecurePipelineConfiguration.get().setScanThreshold("   ");
        WorkflowRun b = run(r, Result.FAILURE, "built-in",
                "writeFile file: 'site.yaml', text: \"" + PUBLIC_BUCKET + "\"\nscanTemplate files: '*.yaml', failOn: ' '");
        r.assertLogContains("blocking at high and above", b);
    }

    @Test
    void onlyAnExplicitNeverTurnsBlockingOff(JenkinsRule r) throws Exception {
        SecurePipelineConfiguration.get().setScanThreshold("never");
        WorkflowRun b = run(r, Result.SUCCESS, "built-in",
                "writeFile file: 'site.yaml', text: \"" + PUBLIC_BUCKET + "\"\nscanTemplate files: '*.yaml'");
        r.assertLogContains("0 blocking at never and above", b);
    }

    @Test
    void anUnknownThresholdIsAnErrorNamingTheField(JenkinsRule r) throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SecurePipelineConfiguration.get().setScanThreshold("hgih"));
        assertTrue(e.getMessage().startsWith("scanThreshold: unknown severity 'hgih'"), e.getMessage());
        WorkflowRun b = run(r, Result.FAILURE, "built-in",
                "writeFile file: 'site.yaml', text: \"" + PRIVATE_BUCKET + "\"\nscanTemplate files: '*.yaml', failOn: 'none'");
        r.assertLogContains("scanTemplate: failOn: unknown severity 'none' (expected low, medium, high, critical or never)", b);
    }

    static final String QUEUE_RULE = "rule QUEUE_ENCRYPTED {\\n"
            + "  Resources.*[ Type == 'AWS::SQS::Queue' ] {\\n"
            + "    Properties.KmsMasterKeyId exists << queues use a customer key >>\\n  }\\n}\\n";
    static final String PLAIN_QUEUE = "Resources:\\n  Jobs:\\n    Type: AWS::SQS::Queue\\n"
            + "    Properties:\\n      MessageRetentionPeriod: 60\\n";

    @Test
    void guardRulesFromTheWorkspaceRunOnAnAgentsFilesInTheSameReport(JenkinsRule r) throws Exception {
        r.createOnlineSlave(Label.get("remote"));
        WorkflowRun b = run(r, Result.FAILURE, "remote",
                "writeFile file: 'infra/queue.yaml', text: \"" + PLAIN_QUEUE + "\"\n"
                + "writeFile file: 'policy/org.guard', text: \"" + QUEUE_RULE + "\"\n"
                + "writeFile file: 'policy/README.md', text: 'not a rule file'\n"
                + "try { scanTemplate files: 'infra/**', rules: 'policy/**' } finally {\n"
                + "  echo 'guard=' + readFile('scan-template.json').contains('\"org.guard/QUEUE_ENCRYPTED\"')\n}");
        r.assertLogContains("1 Guard rule file(s) from rules: 'policy/**', findings high", b);
        r.assertLogContains("high org.guard/QUEUE_ENCRYPTED Jobs", b);
        r.assertLogContains("queues use a customer key", b);
        r.assertLogContains("guard=true", b);
        assertEquals("rules policy/**", lastAuditEvent().subject().get("guardRules"));
    }

    @Test
    void aPipelinesOwnGuardSeverityDecidesWhetherItsRulesBlock(JenkinsRule r) throws Exception {
        WorkflowRun b = run(r, Result.SUCCESS, "built-in",
                "writeFile file: 'queue.yaml', text: \"" + PLAIN_QUEUE + "\"\n"
                + "writeFile file: 'org.guard', text: \"" + QUEUE_RULE + "\"\n"
                + "scanTemplate files: 'queue.yaml', rules: 'org.guard', guardSeverity: 'low'");
        r.assertLogContains("low org.guard/QUEUE_ENCRYPTED Jobs", b);
    }

    @Test
    void rulesThatSelectNoRuleFileOrDoNotParseFailTheStep(JenkinsRule r) throws Exception {
        WorkflowRun none = run(r, Result.FAILURE, "built-in",
                "writeFile file: 'queue.yaml', text: \"" + PLAIN_QUEUE + "\"\n"
                + "scanTemplate files: 'queue.yaml', rules: 'policy/**'");
        r.assertLogContains("no Guard rule file (.guard, .ruleset) in the workspace matches rules: 'policy/**'", none);
        WorkflowRun broken = run(r, Result.FAILURE, "built-in",
                "writeFile file: 'queue.yaml', text: \"" + PLAIN_QUEUE + "\"\n"
                + "writeFile file: 'bad.guard', text: 'rule a {\\n  Resources.A ~ 1\\n}\\n'\n"
                + "scanTemplate files: 'queue.yaml', rules: '*.guard'");
        r.assertLogContains("scanTemplate: bad.guard:2:", broken);
    }

    @Test
    void aMandatoryRulePackRunsForMatchingJobsWhateverTheJenkinsfileSays(JenkinsRule r, @TempDir Path packs)
            throws Exception {
        Files.writeString(packs.resolve("queues.guard"), QUEUE_RULE.replace("\\n", "\n"));
        GuardRulePackSetting pack = new GuardRulePackSetting("org-baseline", packs.toString());
        pack.setAppliesTo("release-*");
        pack.setSeverity("critical");
        SecurePipelineConfiguration.get().setGuardRulePacks(List.of(pack));
        String script = "writeFile file: 'queue.yaml', text: \"" + PLAIN_QUEUE + "\"\n"
                + "scanTemplate files: 'queue.yaml'";

        WorkflowRun release = run(r, r.createProject(WorkflowJob.class, "release-app"), Result.FAILURE, "built-in", script);
        r.assertLogContains("Guard rule pack 'org-baseline' (" + packs + "): 1 rule file(s), sha256 ", release);
        r.assertLogContains("(mandatory for this job)", release);
        r.assertLogContains("critical org-baseline/queues.guard/QUEUE_ENCRYPTED Jobs", release);
        assertTrue(lastAuditEvent().subject().get("guardRules").startsWith("pack org-baseline sha256:"));

        WorkflowRun other = run(r, r.createProject(WorkflowJob.class, "sandbox"), Result.SUCCESS, "built-in", script);
        r.assertLogNotContains("org-baseline", other);
        WorkflowRun named = run(r, r.createProject(WorkflowJob.class, "named"), Result.FAILURE, "built-in",
                script + ", rulePacks: 'org-baseline'");
        r.assertLogContains("critical org-baseline/queues.guard/QUEUE_ENCRYPTED Jobs", named);
    }

    @Test
    void aPackThatCannotBeReadOrIsNotConfiguredFailsClosed(JenkinsRule r, @TempDir Path empty) throws Exception {
        GuardRulePackSetting pack = new GuardRulePackSetting("cis", empty.toString());
        pack.setAppliesTo("**");
        SecurePipelineConfiguration.get().setGuardRulePacks(List.of(pack));
        WorkflowRun b = run(r, Result.FAILURE, "built-in",
                "writeFile file: 'queue.yaml', text: \"" + PLAIN_QUEUE + "\"\nscanTemplate files: 'queue.yaml'");
        r.assertLogContains("scanTemplate: Guard rule pack 'cis' cannot be used: Guard rule pack 'cis': no rule files", b);
        assertEquals(AuditOutcome.FAILED, lastAuditEvent().outcome());

        SecurePipelineConfiguration.get().setGuardRulePacks(List.of());
        WorkflowRun unknown = run(r, Result.FAILURE, "built-in",
                "writeFile file: 'queue.yaml', text: \"" + PLAIN_QUEUE + "\"\n"
                + "scanTemplate files: 'queue.yaml', rulePacks: 'pci'");
        r.assertLogContains("rulePacks: no Guard rule pack named 'pci' is configured", unknown);
    }

    @Test
    void rulePacksSurviveAConfigurationRoundTrip(JenkinsRule r) throws Exception {
        GuardRulePackSetting pack = new GuardRulePackSetting("cis", "https://rules.example.com/cis.guard");
        pack.setAppliesTo("prod/**");
        pack.setSeverity("medium");
        SecurePipelineConfiguration.get().setGuardRulePacks(List.of(pack));
        r.configRoundtrip();
        GuardRulePackSetting saved = SecurePipelineConfiguration.get().guardRulePack("cis");
        assertEquals("https://rules.example.com/cis.guard", saved.getLocation());
        assertEquals("prod/**", saved.getAppliesTo());
        assertEquals("medium", saved.getSeverity());
    }

    /** A baseline beside the templates' folder: paths in it are relative to its own directory. */
    static String baseline(String... ruleFileResource) {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < ruleFileResource.length; i += 4) {
            entries.append(i == 0 ? "" : ",").append("{\"rule\": \"").append(ruleFileResource[i])
                    .append("\", \"file\": \"").append(ruleFileResource[i + 1])
                    .append("\", \"resource\": \"").append(ruleFileResource[i + 2])
                    .append("\", \"message\": \"").append(ruleFileResource[i + 3]).append("\"}");
        }
        return "writeFile file: 'ci/baseline.json', text: '{\"format\": \"aws-secure-pipeline scan-template baseline\","
                + " \"formatVersion\": 1, \"entries\": [" + entries + "]}'\n";
    }

    static final String[] KNOWN_SITE_FINDINGS = {
        "ASP-S3-003", "../infra/site.yaml", "Site", "The bucket ACL PublicReadWrite opens the bucket to anyone on the internet",
        "ASP-S3-004", "../infra/site.yaml", "Site",
        "The bucket has no PublicAccessBlockConfiguration, so a policy or ACL could make it public"};

    @Test
    void aBaselineAcceptsKnownFindingsOnAnAgentAndNewOnesStillBlock(JenkinsRule r) throws Exception {
        r.createOnlineSlave(Label.get("remote"));
        WorkflowRun known = run(r, Result.SUCCESS, "remote",
                "writeFile file: 'infra/site.yaml', text: \"" + PUBLIC_BUCKET + "\"\n" + baseline(KNOWN_SITE_FINDINGS)
                + "def s = scanTemplate files: 'infra/**', baseline: 'ci/baseline.json'\n"
                + "echo \"blocking=${s.blocking} baselined=${s.baselined}\"\n"
                + "echo 'json=' + readFile('scan-template.json').contains('\"baselined\":true')");
        r.assertLogContains("baseline ci/baseline.json: 2 entries, 2 finding(s) accepted as known", known);
        r.assertLogContains("blocking=0 baselined=2", known);
        r.assertLogContains("json=true", known);
        SecurePipelineRunAction.FindingRow accepted = known.getAction(SecurePipelineRunAction.class).getFindings().stream()
                .filter(row -> row.getRuleId().equals("ASP-S3-003")).findFirst().orElseThrow();
        assertTrue(accepted.isBaselined());
        assertEquals(false, accepted.isBlocking());
        assertEquals("2", lastAuditEvent().subject().get("baselined"));

        WorkflowRun added = run(r, Result.FAILURE, "remote",
                "writeFile file: 'infra/site.yaml', text: \"" + PUBLIC_BUCKET + "\"\n"
                + "writeFile file: 'infra/other.yaml', text: \"" + PUBLIC_BUCKET + "\"\n" + baseline(KNOWN_SITE_FINDINGS)
                + "scanTemplate files: 'infra/**', baseline: 'ci/baseline.json'");
        r.assertLogContains("infra/other.yaml:6: critical ASP-S3-003 Site", added);
        r.assertLogNotContains("infra/site.yaml:6: critical ASP-S3-003", added);
    }

    /** The message a failure of QUEUE_RULE gets under the rule ID {@code id}, as a baseline records it. */
    static String queueFailure(String id) {
        return "Guard rule " + id + " failed at /Resources/Jobs/Properties/KmsMasterKeyId: queues use a customer key"
                + " (Properties.KmsMasterKeyId exists: KmsMasterKeyId is missing at /Resources/Jobs/Properties (could not"
                + " find key KmsMasterKeyId))";
    }

    @Test
    void aBaselineNeverWaivesTheAdministratorsRulePacks(JenkinsRule r, @TempDir Path packs) throws Exception {
        String queue = "writeFile file: 'infra/queue.yaml', text: \"" + PLAIN_QUEUE + "\"\n";
        // Control: the same rule from the workspace, and the same kind of entry, is accepted by the baseline.
        WorkflowRun own = run(r, Result.SUCCESS, "built-in", queue
                + "writeFile file: 'policy/queues.guard', text: \"" + QUEUE_RULE + "\"\n"
                + baseline("queues.guard/QUEUE_ENCRYPTED", "../infra/queue.yaml", "Jobs",
                        queueFailure("queues.guard/QUEUE_ENCRYPTED"))
                + "scanTemplate files: 'infra/**', rules: 'policy/**', baseline: 'ci/baseline.json'");
        r.assertLogContains("1 finding(s) accepted as known", own);

        Files.writeString(packs.resolve("queues.guard"), QUEUE_RULE.replace("\\n", "\n"));
        GuardRulePackSetting pack = new GuardRulePackSetting("org-baseline", packs.toString());
        pack.setAppliesTo("**");
        SecurePipelineConfiguration.get().setGuardRulePacks(List.of(pack));
        WorkflowRun b = run(r, Result.FAILURE, "built-in", queue
                + baseline("org-baseline/queues.guard/QUEUE_ENCRYPTED", "../infra/queue.yaml", "Jobs",
                        queueFailure("org-baseline/queues.guard/QUEUE_ENCRYPTED"))
                + "scanTemplate files: 'infra/**', baseline: 'ci/baseline.json'");
        r.assertLogContains("0 finding(s) accepted as known", b);
        r.assertLogContains("findings of administrator rule packs are never waived", b);
        r.assertLogContains("high org-baseline/queues.guard/QUEUE_ENCRYPTED Jobs", b);
    }

    @Test
    void aBrokenBaselineFailsTheStepNamingTheFile(JenkinsRule r) throws Exception {
        WorkflowRun b = run(r, Result.FAILURE, "built-in",
                writeTemplates("site.yaml") + "writeFile file: 'ci/baseline.json', text: '{\"format\": \"other\"}'\n"
                + "scanTemplate files: 'site.yaml', baseline: 'ci/baseline.json'");
        r.assertLogContains("scanTemplate: baseline: ci/baseline.json", b);
        WorkflowRun missing = run(r, Result.FAILURE, "built-in",
                writeTemplates("site.yaml") + "scanTemplate files: 'site.yaml', baseline: 'ci/none.json'");
        r.assertLogContains("the baseline file 'ci/none.json' is not in the workspace", missing);
    }

    @Test
    void inputFilesMustBeInsideTheWorkspaceAndNotLinks(JenkinsRule r) throws Exception {
        WorkflowRun outside = run(r, Result.FAILURE, "built-in",
                writeTemplates("site.yaml") + "scanTemplate files: 'site.yaml', policy: '../../secrets/policy.yaml'");
        r.assertLogContains("scanTemplate: policy: '../../secrets/policy.yaml' must be a relative path inside the workspace",
                outside);
        WorkflowRun linked = run(r, Result.FAILURE, "built-in",
                writeTemplates("site.yaml") + "sh 'ln -s /etc/hostname baseline.json'\n"
                + "scanTemplate files: 'site.yaml', baseline: 'baseline.json'");
        r.assertLogContains("scanTemplate: the baseline file 'baseline.json' could not be copied from the workspace:"
                + " Symlinks are prohibited.", linked);
    }
}
