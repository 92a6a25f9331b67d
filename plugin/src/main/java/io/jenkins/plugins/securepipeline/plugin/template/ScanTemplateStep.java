package io.jenkins.plugins.securepipeline.plugin.template;

import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.securepipeline.template.BlockingThreshold;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.guard.pack.GuardRulePack;
import java.util.Arrays;
import java.util.List;
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
 * The administrator's scan policy applies; a Jenkinsfile can only tighten it. CloudFormation Guard rules from the
 * workspace ({@code rules}) and the administrator's rule packs run in the same scan and report; a baseline lets a team
 * adopt the gate without fixing every existing finding first.
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
    private String rules;
    private String rulePacks;
    private String guardSeverity;
    private String baseline;

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

    public String getRules() {
        return rules;
    }

    /**
     * CloudFormation Guard rule files in the workspace (Ant patterns, comma-separated, e.g.
     * {@code 'policy/**}{@code /*.guard'}), run next to the built-in rules; only {@code .guard} and {@code .ruleset}
     * files are read. Patterns that select no rule file fail the step.
     */
    @DataBoundSetter
    public void setRules(String rules) {
        this.rules = blankToNull(rules);
    }

    public String getRulePacks() {
        return rulePacks;
    }

    /**
     * Administrator Guard rule packs to run as well, comma-separated names; packs that are mandatory for the job run
     * whether named or not.
     */
    @DataBoundSetter
    public void setRulePacks(String rulePacks) {
        this.rulePacks = blankToNull(rulePacks);
    }

    List<String> rulePackNames() {
        return rulePacks == null ? List.of()
                : Arrays.stream(rulePacks.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    public String getGuardSeverity() {
        return guardSeverity;
    }

    /** The severity of failures of this pipeline's own Guard rules ({@code rules}); blank is high. */
    @DataBoundSetter
    public void setGuardSeverity(String guardSeverity) {
        this.guardSeverity = blankToNull(guardSeverity);
    }

    public String getBaseline() {
        return baseline;
    }

    /**
     * A baseline file in the workspace (written by {@code secure-pipeline scan-template --create-baseline}): the
     * findings it records are reported, marked, but do not block; new findings do.
     */
    @DataBoundSetter
    public void setBaseline(String baseline) {
        this.baseline = blankToNull(baseline);
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
        if (guardSeverity != null) {
            try {
                Severity.parse(guardSeverity);
            } catch (IllegalArgumentException e) {
                throw new AbortException("scanTemplate: guardSeverity: " + e.getMessage());
            }
        }
        if (guardSeverity != null && rules == null) {
            throw new AbortException("scanTemplate: guardSeverity applies to the pipeline's own Guard rules: give rules as"
                    + " well, or leave it out (a rule pack's severity is the administrator's)");
        }
        for (String name : rulePackNames()) {
            if (!GuardRulePack.NAME.matcher(name).matches()) {
                throw new AbortException("scanTemplate: rulePacks: '" + name + "' is not a rule pack name");
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
