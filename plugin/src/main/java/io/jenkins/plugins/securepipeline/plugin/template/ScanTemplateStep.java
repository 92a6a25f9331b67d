package io.jenkins.plugins.securepipeline.plugin.template;

import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.securepipeline.template.BlockingThreshold;
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
 * {@code scanTemplate(files: 'infra/**}{@code /*.yaml', failOn: 'high')}: security analysis of CloudFormation and SAM
 * templates from the workspace; blocks the build on findings at or above the threshold that are not suppressed.
 * The administrator's scan policy applies; a Jenkinsfile can only tighten it.
 */
public class ScanTemplateStep extends Step {
    private final String files;
    private String excludes;
    private String failOn;
    private String parameters;
    private String policy;
    private String sarifFile = "scan-template.sarif";
    private String jsonFile = "scan-template.json";
    private boolean unstable;
    private boolean allowEmpty;

    @DataBoundConstructor
    public ScanTemplateStep(String files) {
        this.files = files;
    }

    public String getFiles() {
        return files;
    }

    public String getExcludes() {
        return excludes;
    }

    @DataBoundSetter
    public void setExcludes(String excludes) {
        this.excludes = blankToNull(excludes);
    }

    public String getFailOn() {
        return failOn;
    }

    /**
     * low, medium, high, critical or never; the administrator's threshold applies when stricter, and when this is
     * unset or blank (a blank failOn never means "never").
     */
    @DataBoundSetter
    public void setFailOn(String failOn) {
        this.failOn = blankToNull(failOn);
    }

    public String getParameters() {
        return parameters;
    }

    @DataBoundSetter
    public void setParameters(String parameters) {
        this.parameters = blankToNull(parameters);
    }

    public String getPolicy() {
        return policy;
    }

    @DataBoundSetter
    public void setPolicy(String policy) {
        this.policy = blankToNull(policy);
    }

    public String getSarifFile() {
        return sarifFile;
    }

    @DataBoundSetter
    public void setSarifFile(String sarifFile) {
        this.sarifFile = blankToNull(sarifFile);
    }

    public String getJsonFile() {
        return jsonFile;
    }

    @DataBoundSetter
    public void setJsonFile(String jsonFile) {
        this.jsonFile = blankToNull(jsonFile);
    }

    public boolean isUnstable() {
        return unstable;
    }

    /** Mark the build UNSTABLE instead of failing it when findings block (unreadable templates still fail it). */
    @DataBoundSetter
    public void setUnstable(boolean unstable) {
        this.unstable = unstable;
    }

    public boolean isAllowEmpty() {
        return allowEmpty;
    }

    /**
     * Pass when the files select no template. By default that fails the step ("nothing scanned"): a scan that looked
     * at nothing must not look like a pass.
     */
    @DataBoundSetter
    public void setAllowEmpty(boolean allowEmpty) {
        this.allowEmpty = allowEmpty;
    }

    /** Arguments are checked here rather than in the setters, so a mistake is one clear line, not a stack trace. */
    @Override
    public StepExecution start(StepContext context) throws Exception {
        if (files == null || files.isBlank()) {
            throw new AbortException("scanTemplate: files: required, e.g. 'infra/**/*.yaml'");
        }
        if (failOn != null) {
            try {
                BlockingThreshold.parse("failOn", failOn);
            } catch (IllegalArgumentException e) {
                throw new AbortException("scanTemplate: " + e.getMessage());
            }
        }
        return new ScanTemplateExecution(this, context);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    @Extension
    @Symbol("scanTemplate")
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "scanTemplate";
        }

        @Override
        public String getDisplayName() {
            return "Scan CloudFormation and SAM templates for security problems";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(FilePath.class, Run.class, TaskListener.class);
        }

        @POST
        public FormValidation doCheckFailOn(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.READ);
            if (BlockingThreshold.isBlank(value)) {
                return FormValidation.ok("Blank: the administrator's threshold applies.");
            }
            try {
                BlockingThreshold.parse("failOn", value);
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }
    }
}
