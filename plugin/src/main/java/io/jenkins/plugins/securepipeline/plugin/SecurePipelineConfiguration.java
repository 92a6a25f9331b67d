package io.jenkins.plugins.securepipeline.plugin;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import io.jenkins.plugins.securepipeline.audit.AuditLog;
import java.nio.file.Path;
import java.util.regex.Pattern;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import software.amazon.awssdk.regions.Region;

/**
 * The administrator's settings for every AWS Secure Pipeline step (Manage Jenkins → System), configurable as code
 * under {@code unclassified: awsSecurePipeline:}. Settings here bound what a Jenkinsfile may do; a Jenkinsfile can
 * narrow them, never widen them.
 */
@Extension
@Symbol("awsSecurePipeline")
public class SecurePipelineConfiguration extends GlobalConfiguration {
    /** Region names as AWS forms them (partition prefix, area, number), e.g. eu-west-1, us-gov-east-1, cn-north-1. */
    static final String DEFAULT_AUDIT_LOG = "aws-secure-pipeline/audit.jsonl";
    private static final Pattern REGION_NAME = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    private String region;
    private String auditLogPath;

    public SecurePipelineConfiguration() {
        load();
    }

    public static SecurePipelineConfiguration get() {
        return ExtensionList.lookupSingleton(SecurePipelineConfiguration.class);
    }

    /** The AWS region the steps use when a Jenkinsfile names none; null when unset. */
    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = region == null || region.isBlank() ? null : region.trim();
        save();
    }

    /** Where the audit log is written; null means the default under JENKINS_HOME. */
    public String getAuditLogPath() {
        return auditLogPath;
    }

    @DataBoundSetter
    public void setAuditLogPath(String auditLogPath) {
        this.auditLogPath = auditLogPath == null || auditLogPath.isBlank() ? null : auditLogPath.trim();
        save();
    }

    /** The controller's append-only audit log (see {@link AuditTrail}). */
    public AuditLog auditLog() {
        if (auditLogPath != null) {
            return new AuditLog(Path.of(auditLogPath));
        }
        return new AuditLog(Jenkins.get().getRootDir().toPath().resolve(DEFAULT_AUDIT_LOG));
    }

    @POST
    public FormValidation doCheckAuditLogPath(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        if (value == null || value.isBlank()) {
            return FormValidation.ok("Default: $JENKINS_HOME/" + DEFAULT_AUDIT_LOG);
        }
        if (!Path.of(value.trim()).isAbsolute()) {
            return FormValidation.error("Give an absolute path; a relative one would depend on the controller's working directory.");
        }
        return FormValidation.ok();
    }

    @POST
    public FormValidation doCheckRegion(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return checkRegion(value);
    }

    /** Separate from the form endpoint so the rule can be tested without a request. */
    static FormValidation checkRegion(String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        String name = value.trim();
        if (!REGION_NAME.matcher(name).matches()) {
            return FormValidation.error("Not an AWS region name (expected something like eu-west-1): " + name);
        }
        if (!Region.regions().contains(Region.of(name))) {
            // New regions appear before the SDK bundled with Jenkins knows them: warn, do not refuse.
            return FormValidation.warning("This AWS SDK does not know the region " + name + "; check the spelling.");
        }
        return FormValidation.ok();
    }
}
