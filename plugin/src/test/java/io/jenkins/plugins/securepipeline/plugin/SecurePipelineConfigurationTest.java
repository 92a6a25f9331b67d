package io.jenkins.plugins.securepipeline.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class SecurePipelineConfigurationTest {

    @Test
    void regionSurvivesTheSystemConfigurationForm(JenkinsRule r) throws Exception {
        SecurePipelineConfiguration.get().setRegion("eu-central-1");
        r.configRoundtrip();
        assertEquals("eu-central-1", SecurePipelineConfiguration.get().getRegion());
    }

    @Test
    void regionIsSavedAndLoadedFromDisk(JenkinsRule r) {
        SecurePipelineConfiguration.get().setRegion(" us-gov-west-1 ");
        assertEquals("us-gov-west-1", new SecurePipelineConfiguration().getRegion());
    }

    @Test
    void blankRegionMeansUnset(JenkinsRule r) {
        SecurePipelineConfiguration.get().setRegion("   ");
        assertNull(new SecurePipelineConfiguration().getRegion());
    }

    @Test
    void formChecksNeedAdministerPermission(JenkinsRule r) {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().to("reader")
                .grant(Jenkins.ADMINISTER).everywhere().to("admin"));
        SecurePipelineConfiguration config = SecurePipelineConfiguration.get();
        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            assertThrows(org.springframework.security.access.AccessDeniedException.class,
                    () -> config.doCheckRegion("eu-west-1"));
            assertThrows(org.springframework.security.access.AccessDeniedException.class,
                    () -> config.doCheckAuditLogPath("/var/log/audit.jsonl"));
        }
        try (ACLContext ignored = ACL.as2(User.getById("admin", true).impersonate2())) {
            assertEquals(FormValidation.Kind.OK, config.doCheckRegion("eu-west-1").kind);
        }
    }

    @Test
    void auditLogPathMustBeAbsolute(JenkinsRule r) {
        assertEquals(FormValidation.Kind.ERROR, SecurePipelineConfiguration.get().doCheckAuditLogPath("logs/audit.jsonl").kind);
        assertEquals(FormValidation.Kind.OK, SecurePipelineConfiguration.get().doCheckAuditLogPath("/var/log/jenkins/audit.jsonl").kind);
    }

    @Test
    void auditLogDefaultsToJenkinsHome(JenkinsRule r) {
        assertEquals(r.jenkins.getRootDir().toPath().resolve("aws-secure-pipeline/audit.jsonl").toAbsolutePath(),
                SecurePipelineConfiguration.get().auditLog().file());
    }

    @Test
    void regionCheckRefusesWhatIsNotARegionName(JenkinsRule r) {
        assertEquals(FormValidation.Kind.ERROR, SecurePipelineConfiguration.get().doCheckRegion("EU_WEST_1").kind);
        assertEquals(FormValidation.Kind.ERROR, SecurePipelineConfiguration.get().doCheckRegion("eu-west-1; rm").kind);
        assertEquals(FormValidation.Kind.WARNING, SecurePipelineConfiguration.get().doCheckRegion("xx-nowhere-9").kind);
        assertEquals(FormValidation.Kind.OK, SecurePipelineConfiguration.get().doCheckRegion("eu-west-1").kind);
        assertEquals(FormValidation.Kind.OK, SecurePipelineConfiguration.get().doCheckRegion("").kind);
    }

    @Test
    void configurationSavedWithTheRemovedCloudFormationEndpointStillLoads(JenkinsRule r) throws Exception {
        // Earlier versions saved a cloudFormationEndpoint; Jenkins' reflection converter skips the unknown element
        // and loads the rest (the file loses the element on the next save).
        String name = SecurePipelineConfiguration.class.getName();
        Files.writeString(r.jenkins.getRootDir().toPath().resolve(name + ".xml"), "<?xml version='1.1' encoding='UTF-8'?>\n"
                + "<" + name + ">\n"
                + "  <region>eu-west-1</region>\n"
                + "  <ssmEndpoint>https://ssm.eu-west-1.amazonaws.com</ssmEndpoint>\n"
                + "  <cloudFormationEndpoint>https://cloudformation.eu-west-1.amazonaws.com</cloudFormationEndpoint>\n"
                + "</" + name + ">\n", StandardCharsets.UTF_8);
        SecurePipelineConfiguration loaded = new SecurePipelineConfiguration();
        assertEquals("eu-west-1", loaded.getRegion());
        assertEquals(Map.of("ssm", "https://ssm.eu-west-1.amazonaws.com"), loaded.endpointOverrides());
    }

    @Test
    void scanSettingChecksNeedAdministerAndExplainBlankValues(JenkinsRule r) {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().to("reader")
                .grant(Jenkins.ADMINISTER).everywhere().to("admin"));
        SecurePipelineConfiguration config = SecurePipelineConfiguration.get();
        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            assertThrows(org.springframework.security.access.AccessDeniedException.class, () -> config.doCheckScanThreshold("high"));
            assertThrows(org.springframework.security.access.AccessDeniedException.class, () -> config.doCheckScanMaxFiles("1"));
            assertThrows(org.springframework.security.access.AccessDeniedException.class, () -> config.doCheckScanMaxFileBytes("1"));
            assertThrows(org.springframework.security.access.AccessDeniedException.class, () -> config.doCheckScanMaxTotalBytes("1"));
        }
        try (ACLContext ignored = ACL.as2(User.getById("admin", true).impersonate2())) {
            assertEquals(FormValidation.Kind.OK, config.doCheckScanThreshold("").kind);
            assertEquals(FormValidation.Kind.OK, config.doCheckScanThreshold("never").kind);
            assertEquals(FormValidation.Kind.ERROR, config.doCheckScanThreshold("hgih").kind);
            FormValidation blank = config.doCheckScanMaxFiles(" ");
            assertEquals(FormValidation.Kind.OK, blank.kind);
            assertEquals("Default: 5000", blank.getMessage());
            assertEquals("Default: 5000", config.doCheckScanMaxFiles("0").getMessage());
            assertEquals(FormValidation.Kind.ERROR, config.doCheckScanMaxFiles("-3").kind);
            assertEquals(FormValidation.Kind.ERROR, config.doCheckScanMaxFileBytes("11000000").kind);
            assertEquals(FormValidation.Kind.ERROR, config.doCheckScanMaxTotalBytes("1 GB").kind);
            assertEquals(FormValidation.Kind.OK, config.doCheckScanMaxTotalBytes("1073741824").kind);
        }
    }
}
