package io.jenkins.plugins.securepipeline.plugin;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.securepipeline.audit.AuditLog;
import io.jenkins.plugins.securepipeline.plugin.role.AccountRule;
import io.jenkins.plugins.securepipeline.plugin.role.ControllerIdentityRule;
import io.jenkins.plugins.securepipeline.plugin.role.ControllerAws;
import io.jenkins.plugins.securepipeline.plugin.role.ControllerIdentity;
import io.jenkins.plugins.securepipeline.plugin.role.DefaultChainIdentity;
import io.jenkins.plugins.securepipeline.plugin.template.GuardRulePackSetting;
import io.jenkins.plugins.securepipeline.plugin.window.FreezeCalendar;
import io.jenkins.plugins.securepipeline.role.AccountPolicy;
import io.jenkins.plugins.securepipeline.role.AccountPolicyRule;
import io.jenkins.plugins.securepipeline.role.ControllerIdentityPolicy;
import io.jenkins.plugins.securepipeline.role.ControllerIdentityPolicyRule;
import io.jenkins.plugins.securepipeline.template.BlockingThreshold;
import io.jenkins.plugins.securepipeline.signing.attest.AttestationPolicy;
import io.jenkins.plugins.securepipeline.signing.attest.GlobPattern;
import io.jenkins.plugins.securepipeline.template.ScanPolicy;
import io.jenkins.plugins.securepipeline.template.TemplateSelectionLimits;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
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
    static final String DEFAULT_AUDIT_LOG = "aws-secure-pipeline/audit.jsonl";
    /** JCasC names of the scan limits, which refusals name so an administrator knows what to change. */
    public static final String SCAN_MAX_FILES = "scanMaxFiles";
    public static final String SCAN_MAX_FILE_BYTES = "scanMaxFileBytes";
    public static final String SCAN_MAX_TOTAL_BYTES = "scanMaxTotalBytes";
    /** Region names as AWS forms them (partition prefix, area, number), e.g. eu-west-1, us-gov-east-1, cn-north-1. */
    private static final Pattern REGION_NAME = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    private String region;
    private String auditLogPath;
    private boolean fips;
    private String stsEndpoint;
    private String ecrEndpoint;
    private String kmsEndpoint;
    private String ssmEndpoint;
    private String rolesAnywhereEndpoint;
    private ControllerIdentity identity;
    private List<AccountRule> accountRules = new ArrayList<>();
    private List<ControllerIdentityRule> controllerIdentityRules = new ArrayList<>();
    private List<FreezeCalendar> calendars = new ArrayList<>();
    private List<GuardRulePackSetting> guardRulePacks = new ArrayList<>();
    private boolean sourceIdentityFromUser;
    private String imageBuilderIdPattern;
    private String imageSourceRepositoryPattern;
    private boolean imageRequireSbom;
    private String scanThreshold = "high";
    private String scanDisabledRules;
    private String scanSeverityOverrides;
    private String scanMaxFiles;
    private String scanMaxFileBytes;
    private String scanMaxTotalBytes;

    public SecurePipelineConfiguration() {
        load();
    }

    public static SecurePipelineConfiguration get() {
        return ExtensionList.lookupSingleton(SecurePipelineConfiguration.class);
    }

    /**
     * A form with every row of a list deleted sends no such key, and binding would keep the old rows: each absent list
     * is bound as an empty one, so the form is the whole truth. The live lists are not emptied before binding: a
     * setter that refuses its value (a mistyped scan threshold) ends the binding, and lists emptied before it would
     * stay empty, already saved by the setters that ran, and every scan would run without the mandatory rule packs.
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws Descriptor.FormException {
        for (String list : List.of("accountRules", "controllerIdentityRules", "calendars", "guardRulePacks")) {
            if (!json.containsKey(list)) {
                json.put(list, new ArrayList<>());
            }
        }
        req.bindJSON(this, json);
        save();
        return true;
    }

    /** The AWS region the steps use when a Jenkinsfile names none; null when unset. */
    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = blankToNull(region);
        save();
    }

    /** Where the audit log is written; null means the default under JENKINS_HOME. */
    public String getAuditLogPath() {
        return auditLogPath;
    }

    @DataBoundSetter
    public void setAuditLogPath(String auditLogPath) {
        this.auditLogPath = blankToNull(auditLogPath);
        save();
    }

    public boolean isFips() {
        return fips;
    }

    @DataBoundSetter
    public void setFips(boolean fips) {
        this.fips = fips;
        save();
    }

    public String getStsEndpoint() {
        return stsEndpoint;
    }

    @DataBoundSetter
    public void setStsEndpoint(String stsEndpoint) {
        this.stsEndpoint = blankToNull(stsEndpoint);
        save();
    }

    public String getEcrEndpoint() {
        return ecrEndpoint;
    }

    @DataBoundSetter
    public void setEcrEndpoint(String ecrEndpoint) {
        this.ecrEndpoint = blankToNull(ecrEndpoint);
        save();
    }

    public String getKmsEndpoint() {
        return kmsEndpoint;
    }

    @DataBoundSetter
    public void setKmsEndpoint(String kmsEndpoint) {
        this.kmsEndpoint = blankToNull(kmsEndpoint);
        save();
    }

    public String getSsmEndpoint() {
        return ssmEndpoint;
    }

    @DataBoundSetter
    public void setSsmEndpoint(String ssmEndpoint) {
        this.ssmEndpoint = blankToNull(ssmEndpoint);
        save();
    }

    public String getRolesAnywhereEndpoint() {
        return rolesAnywhereEndpoint;
    }

    @DataBoundSetter
    public void setRolesAnywhereEndpoint(String rolesAnywhereEndpoint) {
        this.rolesAnywhereEndpoint = blankToNull(rolesAnywhereEndpoint);
        save();
    }

    /** Endpoint overrides by AWS signing name, for PrivateLink (interface VPC endpoints) or FIPS hosts. */
    public Map<String, String> endpointOverrides() {
        Map<String, String> overrides = new LinkedHashMap<>();
        putIfSet(overrides, "sts", stsEndpoint);
        putIfSet(overrides, "ecr", ecrEndpoint);
        putIfSet(overrides, "kms", kmsEndpoint);
        putIfSet(overrides, "ssm", ssmEndpoint);
        putIfSet(overrides, "rolesanywhere", rolesAnywhereEndpoint);
        return overrides;
    }

    /** How the controller gets its first AWS identity; the SDK default chain when never configured. */
    public ControllerIdentity getIdentity() {
        return identity == null ? new DefaultChainIdentity() : identity;
    }

    @DataBoundSetter
    public void setIdentity(ControllerIdentity identity) {
        this.identity = identity;
        save();
    }

    public List<AccountRule> getAccountRules() {
        return accountRules == null ? List.of() : List.copyOf(accountRules);
    }

    @DataBoundSetter
    public void setAccountRules(List<AccountRule> accountRules) {
        this.accountRules = accountRules == null ? new ArrayList<>() : new ArrayList<>(accountRules);
        save();
    }

    /** @throws io.jenkins.plugins.securepipeline.role.InvalidRoleRequestException for a broken rule: fail closed */
    public AccountPolicy accountPolicy() {
        List<AccountPolicyRule> rules = new ArrayList<>();
        for (AccountRule rule : getAccountRules()) {
            rules.add(rule.toPolicyRule());
        }
        return new AccountPolicy(rules);
    }

    public List<ControllerIdentityRule> getControllerIdentityRules() {
        return controllerIdentityRules == null ? List.of() : List.copyOf(controllerIdentityRules);
    }

    @DataBoundSetter
    public void setControllerIdentityRules(List<ControllerIdentityRule> controllerIdentityRules) {
        this.controllerIdentityRules = controllerIdentityRules == null ? new ArrayList<>()
                : new ArrayList<>(controllerIdentityRules);
        save();
    }

    /** @throws io.jenkins.plugins.securepipeline.role.InvalidRoleRequestException for a broken rule: fail closed */
    public ControllerIdentityPolicy controllerIdentityPolicy() {
        List<ControllerIdentityPolicyRule> rules = new ArrayList<>();
        for (ControllerIdentityRule rule : getControllerIdentityRules()) {
            rules.add(rule.toPolicyRule());
        }
        return new ControllerIdentityPolicy(rules);
    }

    public List<FreezeCalendar> getCalendars() {
        return calendars == null ? List.of() : List.copyOf(calendars);
    }

    @DataBoundSetter
    public void setCalendars(List<FreezeCalendar> calendars) {
        this.calendars = calendars == null ? new ArrayList<>() : new ArrayList<>(calendars);
        save();
    }

    /** The calendar with that name, or null. */
    public FreezeCalendar calendar(String name) {
        for (FreezeCalendar calendar : getCalendars()) {
            if (calendar.getName() != null && calendar.getName().equals(name)) {
                return calendar;
            }
        }
        return null;
    }

    public List<GuardRulePackSetting> getGuardRulePacks() {
        return guardRulePacks == null ? List.of() : List.copyOf(guardRulePacks);
    }

    @DataBoundSetter
    public void setGuardRulePacks(List<GuardRulePackSetting> guardRulePacks) {
        this.guardRulePacks = guardRulePacks == null ? new ArrayList<>() : new ArrayList<>(guardRulePacks);
        save();
    }

    /** The Guard rule pack with that name, or null. */
    public GuardRulePackSetting guardRulePack(String name) {
        for (GuardRulePackSetting pack : getGuardRulePacks()) {
            if (pack.getName() != null && pack.getName().equals(name)) {
                return pack;
            }
        }
        return null;
    }

    public boolean isSourceIdentityFromUser() {
        return sourceIdentityFromUser;
    }

    /**
     * Sets the STS SourceIdentity to the user who started the build: it stays on the session through role chaining
     * and appears in the target account's CloudTrail. Needs {@code sts:SetSourceIdentity} in the trust policy.
     */
    @DataBoundSetter
    public void setSourceIdentityFromUser(boolean sourceIdentityFromUser) {
        this.sourceIdentityFromUser = sourceIdentityFromUser;
        save();
    }

    public String getImageBuilderIdPattern() {
        return imageBuilderIdPattern;
    }

    /** Every verifyImageSignature requires a provenance whose builder id matches this; a pipeline can only narrow it. */
    @DataBoundSetter
    public void setImageBuilderIdPattern(String imageBuilderIdPattern) {
        this.imageBuilderIdPattern = blankToNull(imageBuilderIdPattern);
        save();
    }

    public String getImageSourceRepositoryPattern() {
        return imageSourceRepositoryPattern;
    }

    /** Every verifyImageSignature requires a provenance whose source repository matches this. */
    @DataBoundSetter
    public void setImageSourceRepositoryPattern(String imageSourceRepositoryPattern) {
        this.imageSourceRepositoryPattern = blankToNull(imageSourceRepositoryPattern);
        save();
    }

    public boolean isImageRequireSbom() {
        return imageRequireSbom;
    }

    /** Every verifyImageSignature requires an SBOM attestation (CycloneDX or SPDX). */
    @DataBoundSetter
    public void setImageRequireSbom(boolean imageRequireSbom) {
        this.imageRequireSbom = imageRequireSbom;
        save();
    }

    /**
     * What every image verification requires of attestations, whatever the Jenkinsfile asks; combined with the
     * pipeline's own requirements it can only get stricter.
     *
     * @throws IllegalArgumentException naming the setting, for a pattern that cannot be used: fail closed
     */
    public AttestationPolicy imageAttestationPolicy() {
        return new AttestationPolicy(Set.of(), false,
                imageBuilderIdPattern == null ? null : GlobPattern.compile(imageBuilderIdPattern, "imageBuilderIdPattern"),
                imageSourceRepositoryPattern == null ? null
                        : GlobPattern.compile(imageSourceRepositoryPattern, "imageSourceRepositoryPattern"),
                imageRequireSbom);
    }

    public String getScanThreshold() {
        return scanThreshold;
    }

    /**
     * The severity at and above which scanTemplate blocks (low, medium, high, critical) or never. Blank means the
     * default, high: only the word never turns blocking off.
     *
     * @throws IllegalArgumentException naming the setting, for any other value (so JCasC refuses a typo)
     */
    @DataBoundSetter
    public void setScanThreshold(String scanThreshold) {
        BlockingThreshold.parse("scanThreshold", scanThreshold);
        this.scanThreshold = blankToNull(scanThreshold);
        save();
    }

    public String getScanDisabledRules() {
        return scanDisabledRules;
    }

    /** Rule IDs, separated by commas or white space, that no pipeline is scanned with. */
    @DataBoundSetter
    public void setScanDisabledRules(String scanDisabledRules) {
        this.scanDisabledRules = blankToNull(scanDisabledRules);
        save();
    }

    public String getScanSeverityOverrides() {
        return scanSeverityOverrides;
    }

    /** One {@code RULE-ID=severity} per line. */
    @DataBoundSetter
    public void setScanSeverityOverrides(String scanSeverityOverrides) {
        this.scanSeverityOverrides = blankToNull(scanSeverityOverrides);
        save();
    }

    public String getScanMaxFiles() {
        return scanMaxFiles;
    }

    /**
     * The most files one scanTemplate step may select (templates and symbolic links); blank or 0 means 5000.
     *
     * @throws IllegalArgumentException naming the setting, for a negative number or other text
     */
    @DataBoundSetter
    public void setScanMaxFiles(String scanMaxFiles) {
        AdminScanPolicy.maxFiles(scanMaxFiles);
        this.scanMaxFiles = blankToNull(scanMaxFiles);
        save();
    }

    public String getScanMaxFileBytes() {
        return scanMaxFileBytes;
    }

    /** The largest template file scanTemplate copies, in bytes; blank or 0 means (and at most) 10485760. */
    @DataBoundSetter
    public void setScanMaxFileBytes(String scanMaxFileBytes) {
        AdminScanPolicy.maxFileBytes(scanMaxFileBytes);
        this.scanMaxFileBytes = blankToNull(scanMaxFileBytes);
        save();
    }

    public String getScanMaxTotalBytes() {
        return scanMaxTotalBytes;
    }

    /** The most bytes one scanTemplate step copies in all; blank or 0 means 268435456 (256 MiB). */
    @DataBoundSetter
    public void setScanMaxTotalBytes(String scanMaxTotalBytes) {
        AdminScanPolicy.maxTotalBytes(scanMaxTotalBytes);
        this.scanMaxTotalBytes = blankToNull(scanMaxTotalBytes);
        save();
    }

    /**
     * The administrator's scan policy. An unknown rule ID or severity is an error rather than being skipped: a typo
     * must not silently turn a rule off or leave it on. A blank threshold is the default, high.
     */
    public ScanPolicy scanPolicy() {
        return AdminScanPolicy.parse(scanThreshold, scanDisabledRules, scanSeverityOverrides);
    }

    /**
     * How much one scanTemplate step may copy from a workspace. Checked again here because a configuration file
     * edited by hand is loaded without the setters.
     *
     * @throws IllegalArgumentException naming the setting at fault
     */
    public TemplateSelectionLimits templateSelectionLimits() {
        return AdminScanPolicy.limits(scanMaxFiles, scanMaxFileBytes, scanMaxTotalBytes);
    }

    /** The setting that sets {@code limit}. */
    public static String scanLimitSetting(TemplateSelectionLimits.Limit limit) {
        return switch (limit) {
            case FILES -> SCAN_MAX_FILES;
            case FILE_BYTES -> SCAN_MAX_FILE_BYTES;
            case TOTAL_BYTES -> SCAN_MAX_TOTAL_BYTES;
        };
    }

    @POST
    public FormValidation doCheckScanThreshold(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        if (BlockingThreshold.isBlank(value)) {
            return FormValidation.ok("Blank means the default, high. Only never turns blocking off.");
        }
        return AdminScanPolicy.check(() -> AdminScanPolicy.parse(value, null, null));
    }

    @POST
    public FormValidation doCheckScanMaxFiles(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return AdminScanPolicy.checkLimit(value, AdminScanPolicy::maxFiles);
    }

    @POST
    public FormValidation doCheckScanMaxFileBytes(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return AdminScanPolicy.checkLimit(value, AdminScanPolicy::maxFileBytes);
    }

    @POST
    public FormValidation doCheckScanMaxTotalBytes(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return AdminScanPolicy.checkLimit(value, AdminScanPolicy::maxTotalBytes);
    }

    @POST
    public FormValidation doCheckScanDisabledRules(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return AdminScanPolicy.check(() -> AdminScanPolicy.parse(null, value, null));
    }

    @POST
    public FormValidation doCheckScanSeverityOverrides(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return AdminScanPolicy.check(() -> AdminScanPolicy.parse(null, null, value));
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

    @POST
    public FormValidation doCheckStsEndpoint(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return checkEndpoint(value);
    }

    @POST
    public FormValidation doCheckEcrEndpoint(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return checkEndpoint(value);
    }

    @POST
    public FormValidation doCheckKmsEndpoint(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return checkEndpoint(value);
    }

    @POST
    public FormValidation doCheckSsmEndpoint(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return checkEndpoint(value);
    }

    @POST
    public FormValidation doCheckRolesAnywhereEndpoint(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return checkEndpoint(value);
    }

    /**
     * Proves the saved identity works by assuming {@code testRoleArn} (no account policy: this is the
     * administrator's own check) and says which session it got; never shows a key.
     */
    @POST
    public FormValidation doTestConnection(@QueryParameter String testRoleArn, @QueryParameter String testRegion) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        if (testRoleArn == null || testRoleArn.isBlank()) {
            return FormValidation.error("Give a role ARN to assume, e.g. arn:aws:iam::111122223333:role/jenkins-smoke-test");
        }
        try {
            return FormValidation.ok(io.jenkins.plugins.securepipeline.plugin.role.RoleConnectionTest.run(testRoleArn.trim(), blankToNull(testRegion)));
        } catch (RuntimeException e) {
            return FormValidation.error("Could not assume " + testRoleArn.trim() + ": " + e.getMessage());
        }
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

    static FormValidation checkEndpoint(String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        try {
            ControllerAws.checkEndpoint(URI.create(value.trim()));
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    private static void putIfSet(Map<String, String> overrides, String service, String endpoint) {
        if (endpoint != null) {
            overrides.put(service, endpoint);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
