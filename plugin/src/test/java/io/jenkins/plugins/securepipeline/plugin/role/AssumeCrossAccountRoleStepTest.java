package io.jenkins.plugins.securepipeline.plugin.role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.securepipeline.audit.AuditEvent;
import io.jenkins.plugins.securepipeline.audit.AuditLog;
import io.jenkins.plugins.securepipeline.audit.AuditOutcome;
import io.jenkins.plugins.securepipeline.aws.testing.AwsRequest;
import io.jenkins.plugins.securepipeline.aws.testing.LocalAwsEndpoint;
import io.jenkins.plugins.securepipeline.plugin.BuildFiles;
import io.jenkins.plugins.securepipeline.plugin.SecurePipelineConfiguration;
import io.jenkins.plugins.securepipeline.plugin.SecurePipelineRunAction;
import io.jenkins.plugins.securepipeline.plugin.window.FreezeCalendar;
import io.jenkins.plugins.securepipeline.role.StsAnswers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Real pipelines against a local STS that verifies SigV4: the controller identity is the SDK default chain, fed
 * through system properties with the endpoint's test key.
 */
@WithJenkins
class AssumeCrossAccountRoleStepTest {
    private static final String ROLE = "arn:aws:iam::111122223333:role/deployer";

    private LocalAwsEndpoint sts;
    private final List<StsAnswers.IssuedKeys> issued = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startSts() {
        sts = LocalAwsEndpoint.start("sts", "eu-west-1");
        issueSessionsOf(Duration.ofHours(1));
        System.setProperty("aws.accessKeyId", LocalAwsEndpoint.ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", LocalAwsEndpoint.SECRET_ACCESS_KEY);
    }

    /** Each AssumeRole gets new keys, valid for {@code lifetime}, which the local STS then accepts as signers. */
    private void issueSessionsOf(Duration lifetime) {
        sts.handler(request -> {
            StsAnswers.IssuedKeys keys = StsAnswers.IssuedKeys.next();
            issued.add(keys);
            sts.trust(keys.accessKeyId(), keys.secretAccessKey());
            return StsAnswers.assumeRole(request, keys, Instant.now().plus(lifetime));
        });
    }

    @AfterEach
    void stopSts() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        sts.close();
    }

    private void configure() {
        SecurePipelineConfiguration config = SecurePipelineConfiguration.get();
        config.setRegion("eu-west-1");
        config.setStsEndpoint(sts.uri().toString());
        config.setIdentity(new DefaultChainIdentity());
    }

    private WorkflowRun run(JenkinsRule r, Result expected, String script) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "p");
        job.setDefinition(new CpsFlowDefinition(script, true));
        return r.assertBuildStatus(expected, job.scheduleBuild2(0));
    }

    @Test
    void bodyGetsTheSessionMaskedAndNothingSecretIsStored(JenkinsRule r) throws Exception {
        configure();
        WorkflowRun b = run(r, Result.SUCCESS, "assumeCrossAccountRole(roleArn: '" + ROLE + "', duration: '30m') {\n"
                + "  echo 'secret=' + env.AWS_SECRET_ACCESS_KEY\n"
                + "  echo 'token=' + env.AWS_SESSION_TOKEN\n"
                + "  echo 'region=' + env.AWS_REGION + ' default=' + env.AWS_DEFAULT_REGION\n"
                + "}\n");
        StsAnswers.IssuedKeys keys = issued.get(0);
        r.assertLogContains("secret=****", b);
        r.assertLogContains("token=****", b);
        r.assertLogContains("region=eu-west-1 default=eu-west-1", b);
        r.assertLogContains("Assumed arn:aws:sts::111122223333:assumed-role/deployer/Jenkins-p-1", b);
        r.assertLogNotContains(keys.secretAccessKey(), b);
        r.assertLogNotContains(keys.sessionToken(), b);
        assertEquals(List.of(), BuildFiles.containing(b.getRootDir().toPath(), keys.secretAccessKey()));
        assertEquals(List.of(), BuildFiles.containing(b.getRootDir().toPath(), keys.sessionToken()));

        AwsRequest assumeRole = sts.requests().get(0);
        assertEquals("AssumeRole", assumeRole.operation());
        Map<String, String> form = assumeRole.formParameters();
        assertEquals(ROLE, form.get("RoleArn"));
        assertEquals("Jenkins-p-1", form.get("RoleSessionName"));
        assertEquals("1800", form.get("DurationSeconds"));
        assertTrue(form.containsValue("JenkinsJob"), "the session is tagged with the job: " + form);
        assertEquals(List.of(), sts.rejected());

        List<AuditEvent> events = AuditLog.read(SecurePipelineConfiguration.get().auditLog().file()).events();
        assertEquals(1, events.size());
        assertEquals(AuditOutcome.ALLOWED, events.get(0).outcome());
        assertEquals(ROLE, events.get(0).subject().get("roleArn"));
        assertEquals(1, b.getAction(SecurePipelineRunAction.class).getEntries().size());
    }

    @Test
    void aFailureShowingTheSessionIsMaskedInTheLogAndInTheStoredErrors(JenkinsRule r) throws Exception {
        configure();
        // The error leaves the block: the final ERROR line and the flow nodes' error records are outside the
        // block's console filter. Also in a JSON-escaped spelling, as a tool dumping its request would print it.
        WorkflowRun b = run(r, Result.FAILURE, "assumeCrossAccountRole(roleArn: '" + ROLE + "') {\n"
                + "  error('token ' + env.AWS_SESSION_TOKEN + ' json ' + env.AWS_SECRET_ACCESS_KEY.replace('/', '\\\\/'))\n"
                + "}\n");
        StsAnswers.IssuedKeys keys = issued.get(0);
        r.assertLogContains("ERROR: token **** json ****", b);
        r.assertLogNotContains(keys.sessionToken(), b);
        r.assertLogNotContains(keys.secretAccessKey().replace("/", "\\/"), b);
        assertEquals(List.of(), BuildFiles.containing(b.getRootDir().toPath(), keys.sessionToken()));
        assertEquals(List.of(), BuildFiles.containing(b.getRootDir().toPath(), keys.secretAccessKey()));
    }

    /** Asks the block's credential endpoint the way an SDK does, from a shell on the node (bash's /dev/tcp). */
    private static final String FETCH_SCRIPT = String.join("\n",
            "u=${AWS_CONTAINER_CREDENTIALS_FULL_URI#http://127.0.0.1:}",
            "port=${u%%/*}",
            "path=/${u#*/}",
            "exec 3<>/dev/tcp/127.0.0.1/$port",
            "printf 'GET %s HTTP/1.1\\r\\nHost: 127.0.0.1:%s\\r\\nAuthorization: %s\\r\\nConnection: close\\r\\n\\r\\n' "
                    + "\"$path\" \"$port\" \"$AWS_CONTAINER_AUTHORIZATION_TOKEN\" >&3",
            "cat <&3",
            "echo", "");

    @Test
    void anEndpointServesTheSessionAndItsRenewalsWithoutKeysInTheEnvironment(JenkinsRule r) throws Exception {
        configure();
        // Short sessions, so that the controller renews within the test: half-way through a 90-second session.
        issueSessionsOf(Duration.ofSeconds(90));
        WorkflowJob job = r.createProject(WorkflowJob.class, "p");
        r.jenkins.getWorkspaceFor(job).child("fetch.sh").write(FETCH_SCRIPT, "UTF-8");
        job.setDefinition(new CpsFlowDefinition("node {\n"
                + "  assumeCrossAccountRole(roleArn: '" + ROLE + "', credentials: 'endpoint') {\n"
                + "    echo 'keys in env: ' + (env.AWS_SECRET_ACCESS_KEY != null || env.AWS_SESSION_TOKEN != null)\n"
                + "    sh 'bash fetch.sh >> served.txt'\n"
                + "    sleep 60\n"
                + "    sh 'bash fetch.sh >> served.txt'\n"
                + "  }\n"
                + "}\n", true));
        WorkflowRun b = r.assertBuildStatus(Result.SUCCESS, job.scheduleBuild2(0));
        r.assertLogContains("keys in env: false", b);
        r.assertLogContains("served to this block from a credential endpoint", b);
        r.assertLogContains("Renewed the " + ROLE + " session", b);
        String served = r.jenkins.getWorkspaceFor(job).child("served.txt").readToString();
        assertTrue(served.contains("\"AccessKeyId\":\"" + issued.get(0).accessKeyId() + "\""), served);
        assertTrue(served.contains("\"AccessKeyId\":\"" + issued.get(1).accessKeyId() + "\""), served);
        r.assertLogNotContains(issued.get(1).secretAccessKey(), b);
        assertEquals(List.of(), BuildFiles.containing(b.getRootDir().toPath(), issued.get(1).secretAccessKey()));
        List<AuditEvent> events = AuditLog.read(SecurePipelineConfiguration.get().auditLog().file()).events();
        assertTrue(events.stream().anyMatch(e -> e.reason().contains("renewed the session served by the block's credential endpoint")));
    }

    @Test
    void anEndpointNeedsANode(JenkinsRule r) throws Exception {
        configure();
        WorkflowRun b = run(r, Result.FAILURE, "assumeCrossAccountRole(roleArn: '" + ROLE + "', credentials: 'endpoint') {\n"
                + "  echo 'never'\n}\n");
        r.assertLogContains("must run inside node", b);
        assertEquals(List.of(), sts.requests(), "refused before STS");
    }

    @Test
    void accountRulesRefuseBeforeStsIsCalled(JenkinsRule r) throws Exception {
        configure();
        AccountRule rule = new AccountRule("other-team", "other/**");
        rule.setAccountIds("111122223333");
        SecurePipelineConfiguration.get().setAccountRules(List.of(rule));
        WorkflowRun b = run(r, Result.FAILURE, "assumeCrossAccountRole(roleArn: '" + ROLE + "') { echo 'inside' }");
        r.assertLogContains("assumeCrossAccountRole: refused: no account policy rule covers job 'p'", b);
        r.assertLogNotContains("the body ran", b);
        assertEquals(List.of(), sts.requests());
        assertEquals(AuditOutcome.DENIED,
                AuditLog.read(SecurePipelineConfiguration.get().auditLog().file()).events().get(0).outcome());
    }

    @Test
    void aRuleThatCoversTheJobAllowsIt(JenkinsRule r) throws Exception {
        configure();
        AccountRule rule = new AccountRule("deployers", "**");
        rule.setAccountIds("111122223333");
        rule.setMaxDuration("1h");
        SecurePipelineConfiguration.get().setAccountRules(List.of(rule));
        WorkflowRun b = run(r, Result.SUCCESS, "assumeCrossAccountRole(roleArn: '" + ROLE + "') { echo 'inside' }");
        r.assertLogContains("rule 'deployers' allows job 'p'", b);
        r.assertLogContains("inside", b);
    }

    @Test
    void aFrozenAccountIsRefused(JenkinsRule r) throws Exception {
        configure();
        FreezeCalendar freeze = new FreezeCalendar("prod-freeze", "timeZone: UTC\nwindows:\n"
                + "  - {name: change-freeze, kind: deny, from: 2000-01-01T00:00, to: 2100-01-01T00:00}\n");
        freeze.setAccountIds("111122223333");
        SecurePipelineConfiguration.get().setCalendars(List.of(freeze));
        WorkflowRun b = run(r, Result.FAILURE, "assumeCrossAccountRole(roleArn: '" + ROLE + "') { echo 'inside' }");
        r.assertLogContains("account 111122223333 is frozen", b);
        r.assertLogContains("change-freeze", b);
        assertEquals(List.of(), sts.requests());
    }

    @Test
    void nestedBlocksChainAndTheOneHourCapIsCheckedBeforeCalling(JenkinsRule r) throws Exception {
        configure();
        WorkflowRun ok = run(r, Result.SUCCESS, "assumeCrossAccountRole(roleArn: '" + ROLE + "', duration: '30m') {\n"
                + "  assumeCrossAccountRole(roleArn: 'arn:aws:iam::444455556666:role/reader') { echo 'inner' }\n"
                + "}\n");
        r.assertLogContains("role chaining", ok);
        r.assertLogContains("inner", ok);
        // outer, then the outer again as the first hop of the chain, then the inner role
        assertEquals(3, sts.requests().size());
        assertEquals("arn:aws:iam::444455556666:role/reader", sts.requests().get(2).formParameters().get("RoleArn"));

        WorkflowJob job = r.jenkins.getItemByFullName("p", WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("assumeCrossAccountRole(roleArn: '" + ROLE + "') {\n"
                + "  assumeCrossAccountRole(roleArn: 'arn:aws:iam::444455556666:role/reader', duration: '2h') { echo 'inner' }\n"
                + "}\n", true));
        WorkflowRun capped = r.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));
        r.assertLogContains("caps role chaining", capped);
        r.assertLogNotContains("inner", capped);
        assertEquals(4, sts.requests().size(), "only the outer block called STS");
    }

    @Test
    void sessionTagsAreKeyValueEntries(JenkinsRule r) throws Exception {
        configure();
        run(r, Result.SUCCESS, "assumeCrossAccountRole(roleArn: '" + ROLE + "', sessionTags: ['Team=payments'], "
                + "transitiveTagKeys: ['Team']) { echo 'inside' }");
        Map<String, String> form = sts.requests().get(0).formParameters();
        assertTrue(form.containsValue("Team") && form.containsValue("payments"), form.toString());
        assertEquals("Team", form.get("TransitiveTagKeys.member.1"));

        WorkflowJob job = r.jenkins.getItemByFullName("p", WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("assumeCrossAccountRole(roleArn: '" + ROLE + "', sessionTags: ['Team']) { echo 'inside' }", true));
        WorkflowRun bad = r.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));
        r.assertLogContains("sessionTags[0]: expected KEY=VALUE, got 'Team'", bad);
        assertEquals(1, sts.requests().size());
    }

    /** A trust policy conditioning on aws:RequestTag/JenkinsJob must not be satisfiable from the Jenkinsfile. */
    @Test
    void aPipelineCannotSetTheBuildsOwnSessionTags(JenkinsRule r) throws Exception {
        configure();
        WorkflowRun b = run(r, Result.FAILURE, "assumeCrossAccountRole(roleArn: '" + ROLE + "', "
                + "sessionTags: ['jenkinsjob=payments/app']) { echo 'the body ran' }");
        r.assertLogContains("sessionTags: jenkinsjob is one of the tags the plugin sets from the build itself", b);
        r.assertLogNotContains("the body ran", b);
        assertEquals(0, sts.requests().size(), "nothing was sent to STS");
    }

    @Test
    void anInvalidRoleArnIsAClearErrorNamingTheField(JenkinsRule r) throws Exception {
        configure();
        WorkflowRun b = run(r, Result.FAILURE, "assumeCrossAccountRole(roleArn: 'arn:aws:iam::12345:role/x') { echo 'inside' }");
        r.assertLogContains("roleArn", b);
        r.assertLogNotContains("\tat io.jenkins", b);
        assertEquals(List.of(), sts.requests());
    }

    @Test
    void stsRefusalFailsTheStepWithTheServicesReason(JenkinsRule r) throws Exception {
        configure();
        sts.handler(request -> io.jenkins.plugins.securepipeline.aws.testing.AwsResponse.queryError(403, "AccessDenied",
                "User is not authorized to perform: sts:AssumeRole"));
        WorkflowRun b = run(r, Result.FAILURE, "assumeCrossAccountRole(roleArn: '" + ROLE + "') { echo 'inside' }");
        r.assertLogContains("AccessDenied", b);
        r.assertLogNotContains("the body ran", b);
        assertEquals(AuditOutcome.FAILED,
                AuditLog.read(SecurePipelineConfiguration.get().auditLog().file()).events().get(0).outcome());
    }
}
