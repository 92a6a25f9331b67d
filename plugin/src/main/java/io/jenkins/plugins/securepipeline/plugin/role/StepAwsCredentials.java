package io.jenkins.plugins.securepipeline.plugin.role;

import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.securepipeline.audit.AuditEvent;
import io.jenkins.plugins.securepipeline.audit.AuditOutcome;
import io.jenkins.plugins.securepipeline.plugin.AuditTrail;
import io.jenkins.plugins.securepipeline.plugin.BuildIdentity;
import io.jenkins.plugins.securepipeline.plugin.SecurePipelineConfiguration;
import io.jenkins.plugins.securepipeline.role.AwsPurpose;
import io.jenkins.plugins.securepipeline.role.ControllerIdentityPolicy;
import io.jenkins.plugins.securepipeline.role.InvalidRoleRequestException;
import io.jenkins.plugins.securepipeline.role.PolicyDecision;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The only way a step gets AWS credentials, so that every AWS call it makes rests on an administrator's decision:
 * inside {@code assumeCrossAccountRole} the block's session (allowed by the account rules when the block started, and
 * again at each renewal); outside it the controller's own identity only where a controller identity rule grants the
 * job that purpose. Otherwise the step is refused, saying which block or rule is missing, and the refusal is audited.
 * {@code PluginArchitectureTest} keeps every other class away from the controller's identity.
 */
public final class StepAwsCredentials {
    private StepAwsCredentials() {}

    /**
     * @param session the enclosing role block's session, or null outside any block
     * @param step the step asking, for the message and the audit event
     * @param target what the call is about (a registry, a key), for the message and the audit event
     * @throws Refused when no block or rule allows it (already audited)
     */
    public static AwsCredentialsProvider forStep(AwsRoleSession session, Run<?, ?> run, String step, AwsPurpose purpose,
            String target) throws IOException {
        if (session != null) {
            return session.credentialsProvider(run);
        }
        String job = run.getParent().getFullName();
        Map<String, String> subject = new LinkedHashMap<>();
        subject.put("purpose", purpose.name());
        subject.put("target", target);
        subject.put("identity", "controller");
        PolicyDecision decision;
        try {
            decision = controllerIdentityPolicy().decide(job, purpose);
        } catch (InvalidRoleRequestException e) {
            decision = new PolicyDecision(false, java.util.Optional.empty(),
                    "the controller identity rules are invalid, so none applies: " + e.getMessage());
        }
        decision.ruleName().ifPresent(rule -> subject.put("rule", rule));
        AuditTrail.record(run, new AuditEvent(Instant.now(), step, decision.allowed() ? AuditOutcome.ALLOWED : AuditOutcome.DENIED,
                decision.reason(), BuildIdentity.triggeringUser(run), BuildIdentity.buildId(run), subject));
        if (!decision.allowed()) {
            throw new Refused(step + ": refused: " + target + " needs AWS credentials for " + purpose.description()
                    + ", and there are none here: " + decision.reason() + ". Run the step inside "
                    + "assumeCrossAccountRole(roleArn: ...) { ... }, or ask a Jenkins administrator for a controller "
                    + "identity rule covering job '" + job + "' and " + purpose.name()
                    + " (Manage Jenkins > System > AWS Secure Pipeline)");
        }
        return ControllerAws.controllerIdentity(run, purpose.description());
    }

    /** A refusal, already audited: steps pass it on as it is, without adding their own failure event. */
    public static final class Refused extends AbortException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    static ControllerIdentityPolicy controllerIdentityPolicy() {
        return SecurePipelineConfiguration.get().controllerIdentityPolicy();
    }
}
