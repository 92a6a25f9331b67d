package io.jenkins.plugins.securepipeline.plugin.role;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.securepipeline.audit.AuditEvent;
import io.jenkins.plugins.securepipeline.audit.AuditOutcome;
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
import io.jenkins.plugins.securepipeline.role.RenewingCredentialsProvider;
import io.jenkins.plugins.securepipeline.role.RoleAssumer;
import io.jenkins.plugins.securepipeline.role.RoleDeniedException;
import io.jenkins.plugins.securepipeline.role.RoleSessionRequest;
import io.jenkins.plugins.securepipeline.window.CalendarSet;
import io.jenkins.plugins.securepipeline.window.WindowDecision;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jenkins.util.Timer;
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
    /** With {@code credentials: 'endpoint'}: the endpoint, the session it renews, and what must stay masked. */
    private SessionEndpoint endpoint;
    private AwsRoleSession servedSession;
    private SessionSecrets secrets;
    private volatile long servedUntilMillis;
    /** Set when the served session expired without a renewal: the block then fails with it. */
    private volatile String renewalFailure;
    private volatile boolean ended;
    private transient ScheduledFuture<?> renewal;

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
        FilePath node = context.get(FilePath.class);
        if (step.servesFromEndpoint() && node == null) {
            throw refuse(run, AuditOutcome.DENIED, "credentials: 'endpoint' serves the session on the node that runs the "
                    + "block, so the block must run inside node { ... } (or an agent)", subject);
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
        } catch (RuntimeException e) {
            // AWS call failures and refused arguments, and the SDK's own exceptions from a credential that itself
            // assumes a role: each is a FAILED audit event with its reason, never a failure without one.
            throw refuse(run, AuditOutcome.FAILED, String.valueOf(e.getMessage()), subject);
        }
        role.notices().forEach(notice -> listener.getLogger().println(notice));

        AwsRoleSession session = new AwsRoleSession(spec, region, parent, role);
        SessionSecrets masked = new SessionSecrets(session.secretValues());
        subject.put("assumedRoleArn", String.valueOf(role.assumedRoleArn()));
        subject.put("expiration", role.expiration().toString());
        EnvironmentExpander environment;
        if (step.servesFromEndpoint()) {
            SessionEndpoint served = SessionEndpoint.on(node);
            try {
                served.start(role);
            } catch (IOException e) {
                throw refuse(run, AuditOutcome.FAILED, e.getMessage(), subject);
            }
            masked.add(List.of(served.token().getPlainText()));
            endpoint = served;
            if (ended) {
                // stop() ran (an abort) while the endpoint was starting and found none to stop; the step is ended.
                endServing(true);
                return;
            }
            servedSession = session;
            secrets = masked;
            servedUntilMillis = role.expiration().toEpochMilli();
            subject.put("credentials", "endpoint");
            environment = new EndpointEnvironment(served.uri(), served.token(), region);
            scheduleRenewal(role.expiration());
        } else {
            environment = new AwsSessionEnvironment(session);
        }
        // From here on an endpoint may be serving on the agent and a renewal be scheduled: if the audit record or the
        // body's start fails, the body's callback (SessionEnded) never runs and stop() is not called on a step that has
        // already failed, so nothing else would take them down.
        try {
            AuditTrail.record(run, new AuditEvent(Instant.now(), STEP, AuditOutcome.ALLOWED, decision.reason(),
                    BuildIdentity.triggeringUser(run), BuildIdentity.buildId(run), subject));
            listener.getLogger().println("Assumed " + role.assumedRoleArn() + " until " + role.expiration() + "; "
                    + (endpoint != null ? "served to this block from a credential endpoint on 127.0.0.1 of its node "
                            + "(AWS_CONTAINER_CREDENTIALS_FULL_URI, AWS_CONTAINER_AUTHORIZATION_TOKEN), renewed before it expires."
                            : "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN are set and masked in this block."));

            context.newBodyInvoker()
                    .withContexts(session,
                            EnvironmentExpander.merge(context.get(EnvironmentExpander.class), environment),
                            BodyInvoker.mergeConsoleLogFilters(context.get(ConsoleLogFilter.class), new SessionMaskingFilter(masked)),
                            FailureHandler.merge(context.get(FailureHandler.class), new SessionFailureMasking(masked)))
                    .withCallback(new SessionEnded(request.roleArn().toString()))
                    .start();
        } catch (Exception | Error e) {
            endServing(true);
            throw e;
        }
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

    private void scheduleRenewal(Instant expiration) {
        Instant now = Instant.now();
        Duration lifetime = Duration.between(now, expiration);
        Duration margin = RenewingCredentialsProvider.DEFAULT_RENEW_BEFORE.compareTo(lifetime.dividedBy(2)) < 0
                ? RenewingCredentialsProvider.DEFAULT_RENEW_BEFORE : lifetime.dividedBy(2);
        scheduleRenewalIn(Duration.between(now, expiration.minus(margin)));
    }

    /** Synchronized for the {@code renewal} field only; never held across I/O. */
    private synchronized void scheduleRenewalIn(Duration delay) {
        if (!ended) {
            renewal = Timer.get().schedule(this::renew, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Re-assumes the role (the account rules apply again) and hands the session to the endpoint. A failure is logged,
     * audited and retried each minute while the served session is valid; once it has expired, the endpoint answers
     * with the reason and the block fails with it: never stale keys.
     */
    private void renew() {
        if (ended) {
            return;
        }
        Run<?, ?> run;
        TaskListener listener;
        try {
            run = getContext().get(Run.class);
            listener = getContext().get(TaskListener.class);
        } catch (IOException | InterruptedException e) {
            return;
        }
        Map<String, String> subject = new LinkedHashMap<>();
        subject.put("roleArn", servedSession.getRoleArn());
        subject.put("credentials", "endpoint");
        try {
            AssumedRole renewed = servedSession.reassume(run);
            secrets.add(List.of(renewed.credentials().accessKeyId(), renewed.credentials().secretAccessKey(),
                    renewed.credentials().sessionToken()));
            if (!endpoint.update(renewed)) {
                // The agent lost it (a restart of either side): back on the same port with the same token.
                endpoint.start(renewed);
                if (ended) {
                    endpoint.stop();
                    return;
                }
            }
            servedUntilMillis = renewed.expiration().toEpochMilli();
            renewalFailure = null;
            subject.put("expiration", renewed.expiration().toString());
            AuditTrail.record(run, new AuditEvent(Instant.now(), STEP, AuditOutcome.ALLOWED,
                    "renewed the session served by the block's credential endpoint", BuildIdentity.triggeringUser(run),
                    BuildIdentity.buildId(run), subject));
            listener.getLogger().println("Renewed the " + servedSession.getRoleArn() + " session until " + renewed.expiration());
            scheduleRenewal(renewed.expiration());
        } catch (IOException | InterruptedException | RuntimeException e) {
            // Every failure, also the SDK's own (an access key credential that itself assumes a role): one that escaped
            // would end the renewals silently, with no audit event and no reason for the endpoint to give.
            String reason = e instanceof RoleDeniedException denied ? denied.decision().reason() : String.valueOf(e.getMessage());
            boolean lastChance = Instant.now().plus(RENEWAL_RETRY).isAfter(Instant.ofEpochMilli(servedUntilMillis));
            subject.put("reason", reason);
            try {
                AuditTrail.record(run, new AuditEvent(Instant.now(), STEP, AuditOutcome.FAILED,
                        "could not renew the session served by the block's credential endpoint: " + reason,
                        BuildIdentity.triggeringUser(run), BuildIdentity.buildId(run), subject));
            } catch (IOException ignored) {
                // the audit log's own failure is reported by AuditTrail; the renewal outcome is what matters here
            }
            if (lastChance) {
                renewalFailure = reason;
                listener.getLogger().println("Could not renew the " + servedSession.getRoleArn() + " session: " + reason
                        + "; the credential endpoint answers with this reason once the session expires at "
                        + Instant.ofEpochMilli(servedUntilMillis) + ", and the block fails");
                try {
                    endpoint.renewalFailed(reason);
                } catch (IOException | InterruptedException notReached) {
                    // the agent is gone: so is its endpoint
                }
            } else {
                listener.getLogger().println("Could not renew the " + servedSession.getRoleArn() + " session (" + reason
                        + "); trying again in a minute");
                scheduleRenewalIn(RENEWAL_RETRY);
            }
        }
    }

    private static final Duration RENEWAL_RETRY = Duration.ofMinutes(1);

    /** No more renewals, and the endpoint goes (on a background thread: stop() runs on the CPS VM thread). */
    private void endServing(boolean inThisThread) {
        ScheduledFuture<?> pending;
        synchronized (this) {
            ended = true;
            pending = renewal;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        if (endpoint != null) {
            Runnable stopEndpoint = () -> {
                try {
                    endpoint.stop();
                } catch (IOException | InterruptedException e) {
                    // an agent that cannot be reached has lost the endpoint with its connection
                }
            };
            if (inThisThread) {
                stopEndpoint.run();
            } else {
                Timer.get().submit(stopEndpoint);
            }
        }
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        endServing(false);
        super.stop(cause);
    }

    /**
     * After a controller restart the block goes on: the endpoint is brought back on its port with its token (the
     * block's processes hold them) with a freshly assumed session, and renewals are scheduled again.
     */
    @Override
    public void onResume() {
        super.onResume();
        if (endpoint != null && !ended) {
            scheduleRenewalIn(Duration.ZERO);
        }
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
            endServing(true);
            context.get(TaskListener.class).getLogger().println("Left the " + roleArn + " session");
            if (renewalFailure != null) {
                throw new AbortException(STEP + ": the credential endpoint could not renew the " + roleArn
                        + " session: " + renewalFailure);
            }
        }
    }
}
