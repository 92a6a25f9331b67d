package io.jenkins.plugins.securepipeline.plugin.role;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.securepipeline.audit.AuditEvent;
import io.jenkins.plugins.securepipeline.audit.AuditOutcome;
import io.jenkins.plugins.securepipeline.aws.AwsCallException;
import io.jenkins.plugins.securepipeline.plugin.AuditTrail;
import io.jenkins.plugins.securepipeline.plugin.BuildIdentity;
import io.jenkins.plugins.securepipeline.plugin.SecurePipelineConfiguration;
import io.jenkins.plugins.securepipeline.plugin.window.FreezeCalendars;
import io.jenkins.plugins.securepipeline.role.AccountPolicy;
import io.jenkins.plugins.securepipeline.role.AssumedRole;
import io.jenkins.plugins.securepipeline.role.BuildContext;
import io.jenkins.plugins.securepipeline.role.CredentialSource;
import io.jenkins.plugins.securepipeline.role.InvalidRoleRequestException;
import io.jenkins.plugins.securepipeline.role.PolicyDecision;
import io.jenkins.plugins.securepipeline.role.RoleAssumer;
import io.jenkins.plugins.securepipeline.role.RoleDeniedException;
import io.jenkins.plugins.securepipeline.role.RoleSessionRequest;
import io.jenkins.plugins.securepipeline.window.CalendarSet;
import io.jenkins.plugins.securepipeline.window.WindowDecision;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.FailureHandler;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs the checks and the STS call on a background thread (never the CPS VM thread), then starts the body with
 * the session as environment (encrypted in the pipeline's state, masked in the log and in failures leaving the
 * block) and as a context object for the steps inside. Order: validate the request, refuse frozen accounts, apply the account rules, call STS.
 */
final class AssumeCrossAccountRoleExecution extends GeneralNonBlockingStepExecution {
    private static final long serialVersionUID = 1L;
    static final String STEP = "assumeCrossAccountRole";

    private final transient AssumeCrossAccountRoleStep step;

    AssumeCrossAccountRoleExecution(AssumeCrossAccountRoleStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    public boolean start() {
        run(this::assumeAndStartBody);
        return false;
    }

    private void assumeAndStartBody() throws Exception {
        StepContext context = getContext();
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        AwsRoleSession parent = context.get(AwsRoleSession.class);
        SecurePipelineConfiguration config = SecurePipelineConfiguration.get();
        String job = run.getParent().getFullName();
        BuildContext build = BuildIdentity.context(run, context.get(EnvVars.class));
        Map<String, String> subject = new LinkedHashMap<>();
        subject.put("roleArn", String.valueOf(step.getRoleArn()));

        RoleRequestSpec spec;
        RoleSessionRequest request;
        try {
            spec = new RoleRequestSpec(step.getRoleArn(), step.getSessionName(), step.parsedDuration(), step.getExternalId(),
                    sourceIdentity(config, build), step.parsedSessionTags(), step.getTransitiveTagKeys(), step.getPolicy(),
                    step.getManagedPolicyArns(), build);
            request = spec.toRequest();
        } catch (IllegalArgumentException e) {
            throw refuse(run, AuditOutcome.DENIED, "invalid request: " + e.getMessage(), subject);
        }
        String region = step.getRegion() != null ? step.getRegion() : parent != null ? parent.getRegion() : config.getRegion();
        subject.put("account", request.roleArn().accountId());
        subject.put("sessionName", request.roleSessionName());
        subject.put("durationSeconds", String.valueOf(request.duration().toSeconds()));
        subject.put("region", String.valueOf(region));
        subject.put("chained", String.valueOf(parent != null));

        Instant now = Instant.now();
        CalendarSet freezes = FreezeCalendars.forAccount(run, request.roleArn().accountId(), now);
        if (freezes != null) {
            WindowDecision freeze = freezes.decide(now, null);
            if (!freeze.isOpen()) {
                throw refuse(run, AuditOutcome.DENIED, "account " + request.roleArn().accountId() + " is frozen: "
                        + String.join("; ", freeze.reasons().stream().map(r -> r.message()).toList())
                        + (freeze.closedUntil() != null ? " (until " + freeze.closedUntil() + ")" : ""), subject);
            }
        }

        AccountPolicy policy;
        try {
            policy = config.accountPolicy();
        } catch (InvalidRoleRequestException e) {
            throw refuse(run, AuditOutcome.DENIED, "the account rules are invalid, so nothing is allowed: " + e.getMessage(), subject);
        }
        PolicyDecision decision = policy.evaluate(job, request);
        decision.ruleName().ifPresent(rule -> subject.put("rule", rule));
        if (!decision.allowed()) {
            throw refuse(run, AuditOutcome.DENIED, decision.reason(), subject);
        }

        ControllerIdentity identity = config.getIdentity();
        listener.getLogger().println("Assuming " + request.roleArn() + " as session " + request.roleSessionName() + " for "
                + request.duration().toMinutes() + " min in " + region + " with "
                + (parent != null ? "the enclosing session " + parent.getRoleArn() + " (role chaining: at most 1 hour)"
                        : identity.describe()) + "; " + decision.reason());
        AssumedRole role;
        try {
            CredentialSource source = parent != null ? parent.chainedSource(run) : identity.credentialSource(run);
            role = new RoleAssumer(ControllerAws.clients(region)).assume(policy, job, source, request);
        } catch (RoleDeniedException e) {
            throw refuse(run, AuditOutcome.DENIED, e.decision().reason(), subject);
        } catch (AwsCallException | IllegalArgumentException | IllegalStateException e) {
            throw refuse(run, AuditOutcome.FAILED, e.getMessage(), subject);
        }
        role.notices().forEach(notice -> listener.getLogger().println(notice));

        AwsRoleSession session = new AwsRoleSession(spec, region, parent, role);
        subject.put("assumedRoleArn", String.valueOf(role.assumedRoleArn()));
        subject.put("expiration", role.expiration().toString());
        AuditTrail.record(run, new AuditEvent(Instant.now(), STEP, AuditOutcome.ALLOWED, decision.reason(),
                BuildIdentity.triggeringUser(run), BuildIdentity.buildId(run), subject));
        listener.getLogger().println("Assumed " + role.assumedRoleArn() + " until " + role.expiration()
                + "; AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN are set and masked in this block.");

        context.newBodyInvoker()
                .withContexts(session,
                        EnvironmentExpander.merge(context.get(EnvironmentExpander.class), new AwsSessionEnvironment(session)),
                        BodyInvoker.mergeConsoleLogFilters(context.get(ConsoleLogFilter.class),
                                new SessionMaskingFilter(session.secretValues())),
                        FailureHandler.merge(context.get(FailureHandler.class), new SessionFailureMasking(session.secretValues())))
                .withCallback(new SessionEnded(request.roleArn().toString()))
                .start();
    }

    /**
     * A Jenkinsfile may name a SourceIdentity only when the administrator has not bound it to the triggering user:
     * otherwise one could write someone else's name into the target account's CloudTrail.
     */
    private String sourceIdentity(SecurePipelineConfiguration config, BuildContext build) {
        if (config.isSourceIdentityFromUser()) {
            if (step.getSourceIdentity() != null && !step.getSourceIdentity().equals(build.user())) {
                throw new IllegalArgumentException("sourceIdentity: the administrator sets SourceIdentity to the user who "
                        + "started the build; a Jenkinsfile cannot choose another");
            }
            return build.user();
        }
        return step.getSourceIdentity();
    }

    private static AbortException refuse(Run<?, ?> run, AuditOutcome outcome, String reason, Map<String, String> subject)
            throws java.io.IOException {
        AuditTrail.record(run, new AuditEvent(Instant.now(), STEP, outcome, reason, BuildIdentity.triggeringUser(run),
                BuildIdentity.buildId(run), subject));
        return new AbortException(STEP + ": " + (outcome == AuditOutcome.DENIED ? "refused: " : "failed: ") + reason);
    }

    /** Says in the log that the block's credentials are no longer in use; they expire on their own at STS. */
    private final class SessionEnded extends TailCall {
        private static final long serialVersionUID = 1L;
        private final String roleArn;

        SessionEnded(String roleArn) {
            this.roleArn = roleArn;
        }

        @Override
        protected void finished(StepContext context) throws Exception {
            context.get(TaskListener.class).getLogger().println("Left the " + roleArn + " session");
        }
    }
}
