package io.jenkins.plugins.securepipeline.plugin.role;

import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.securepipeline.role.RoleArn;
import io.jenkins.plugins.securepipeline.role.RoleSessionRequest;
import io.jenkins.plugins.securepipeline.window.DurationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code assumeCrossAccountRole(roleArn: 'arn:aws:iam::333333333333:role/deployer') { ... }}: short-lived STS
 * credentials for the body, masked, tagged with the build, limited by the administrator's account rules and
 * account freezes. Every argument is an identifier or a limit: nothing secret is ever passed to this step.
 */
public class AssumeCrossAccountRoleStep extends Step {
    private final String roleArn;
    private String externalId;
    private String duration;
    private String sessionName;
    private String sourceIdentity;
    private List<String> sessionTags = new ArrayList<>();
    private List<String> transitiveTagKeys = new ArrayList<>();
    private String policy;
    private List<String> managedPolicyArns = new ArrayList<>();
    private String region;
    private String credentials;

    @DataBoundConstructor
    public AssumeCrossAccountRoleStep(String roleArn) {
        this.roleArn = roleArn == null ? null : roleArn.trim();
    }

    public String getRoleArn() {
        return roleArn;
    }

    public String getExternalId() {
        return externalId;
    }

    @DataBoundSetter
    public void setExternalId(String externalId) {
        this.externalId = blankToNull(externalId);
    }

    public String getDuration() {
        return duration;
    }

    /** e.g. {@code 30m}, {@code 2h}; default 1h. */
    @DataBoundSetter
    public void setDuration(String duration) {
        this.duration = blankToNull(duration);
    }

    public String getSessionName() {
        return sessionName;
    }

    @DataBoundSetter
    public void setSessionName(String sessionName) {
        this.sessionName = blankToNull(sessionName);
    }

    public String getSourceIdentity() {
        return sourceIdentity;
    }

    @DataBoundSetter
    public void setSourceIdentity(String sourceIdentity) {
        this.sourceIdentity = blankToNull(sourceIdentity);
    }

    public List<String> getSessionTags() {
        return sessionTags;
    }

    /**
     * {@code KEY=VALUE} entries, like {@code withEnv}: Pipeline step arguments cannot be maps.
     */
    @DataBoundSetter
    public void setSessionTags(List<String> sessionTags) {
        this.sessionTags = sessionTags == null ? new ArrayList<>() : new ArrayList<>(sessionTags);
    }

    /** @throws IllegalArgumentException naming the entry that is not {@code KEY=VALUE} */
    Map<String, String> parsedSessionTags() {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < sessionTags.size(); i++) {
            String entry = sessionTags.get(i);
            int eq = entry == null ? -1 : entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("sessionTags[" + i + "]: expected KEY=VALUE, got '" + entry + "'");
            }
            if (tags.put(entry.substring(0, eq), entry.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("sessionTags[" + i + "]: tag " + entry.substring(0, eq) + " is given twice");
            }
        }
        return tags;
    }

    public List<String> getTransitiveTagKeys() {
        return transitiveTagKeys;
    }

    @DataBoundSetter
    public void setTransitiveTagKeys(List<String> transitiveTagKeys) {
        this.transitiveTagKeys = transitiveTagKeys == null ? new ArrayList<>() : new ArrayList<>(transitiveTagKeys);
    }

    public String getPolicy() {
        return policy;
    }

    /** An inline session policy (JSON) that narrows the role for this block. */
    @DataBoundSetter
    public void setPolicy(String policy) {
        this.policy = blankToNull(policy);
    }

    public List<String> getManagedPolicyArns() {
        return managedPolicyArns;
    }

    @DataBoundSetter
    public void setManagedPolicyArns(List<String> managedPolicyArns) {
        this.managedPolicyArns = managedPolicyArns == null ? new ArrayList<>() : new ArrayList<>(managedPolicyArns);
    }

    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = blankToNull(region);
    }

    public String getCredentials() {
        return credentials;
    }

    /**
     * How the block's processes get the session: {@code environment} (the default: keys in AWS_* variables, fixed for
     * the block) or {@code endpoint} (a credential endpoint on the node's loopback that renews the session).
     */
    @DataBoundSetter
    public void setCredentials(String credentials) {
        String value = blankToNull(credentials);
        if (value != null && !value.equals(ENVIRONMENT) && !value.equals(ENDPOINT)) {
            throw new IllegalArgumentException("credentials: '" + value + "' is not 'environment' or 'endpoint'");
        }
        this.credentials = ENVIRONMENT.equals(value) ? null : value;
    }

    static final String ENVIRONMENT = "environment";
    static final String ENDPOINT = "endpoint";

    boolean servesFromEndpoint() {
        return ENDPOINT.equals(credentials);
    }

    Duration parsedDuration() {
        if (duration == null) {
            return RoleSessionRequest.DEFAULT_DURATION;
        }
        try {
            return DurationText.parse(duration);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("duration: " + e.getMessage());
        }
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new AssumeCrossAccountRoleExecution(this, context);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    @Extension
    @Symbol("assumeCrossAccountRole")
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "assumeCrossAccountRole";
        }

        @Override
        public String getDisplayName() {
            return "Run a block with short-lived credentials of an AWS role";
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, EnvVars.class);
        }

        @Override
        public Set<? extends Class<?>> getProvidedContext() {
            return Set.of(AwsRoleSession.class);
        }

        @POST
        public FormValidation doCheckRoleArn(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.READ);
            try {
                RoleArn.parse("roleArn", value == null ? "" : value.trim());
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        @POST
        public FormValidation doCheckDuration(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.READ);
            if (value == null || value.isBlank()) {
                return FormValidation.ok("Default: 1h");
            }
            try {
                DurationText.parse(value);
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }
    }
}
