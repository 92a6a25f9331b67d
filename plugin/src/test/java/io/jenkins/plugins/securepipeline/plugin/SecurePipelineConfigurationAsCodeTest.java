package io.jenkins.plugins.securepipeline.plugin;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.securepipeline.plugin.role.AccountRule;
import io.jenkins.plugins.securepipeline.plugin.role.RolesAnywhereIdentity;
import io.jenkins.plugins.securepipeline.plugin.template.GuardRulePackSetting;
import io.jenkins.plugins.securepipeline.plugin.window.FreezeCalendar;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateSelectionLimits;
import org.junit.jupiter.api.Test;

@WithJenkinsConfiguredWithCode
class SecurePipelineConfigurationAsCodeTest {

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void importsEverySetting(JenkinsConfiguredWithCodeRule r) {
        SecurePipelineConfiguration config = SecurePipelineConfiguration.get();
        assertEquals("eu-west-1", config.getRegion());
        assertTrue(config.isSourceIdentityFromUser());
        assertEquals("https://vpce-0123456789abcdef0-abcdefgh.sts.eu-west-1.vpce.amazonaws.com", config.endpointOverrides().get("sts"));
        RolesAnywhereIdentity identity = assertInstanceOf(RolesAnywhereIdentity.class, config.getIdentity());
        assertEquals("controller-certificate", identity.getCertificateCredentialsId());

        AccountRule rule = config.getAccountRules().get(0);
        assertEquals("payments-prod", rule.getName());
        assertEquals("payments/**", rule.getJobPattern());
        assertEquals(1, config.accountPolicy().rules().size(), "the imported rule is a valid policy rule");

        FreezeCalendar calendar = config.calendar("prod-freeze");
        assertTrue(calendar.appliesToJob("payments/api/main"));
        assertTrue(calendar.frozenAccounts().contains("333333333333"));
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void exportsWhatWasImported(JenkinsConfiguredWithCodeRule r) throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        String exported = toYamlString(getUnclassifiedRoot(context).get("awsSecurePipeline"));
        for (String expected : new String[] {"region: \"eu-west-1\"", "rolesAnywhere:", "certificateCredentialsId: \"controller-certificate\"",
                "name: \"payments-prod\"", "jobPattern: \"payments/**\"", "name: \"prod-freeze\"", "sourceIdentityFromUser: true"}) {
            assertTrue(exported.contains(expected), "export lacks " + expected + ":\n" + exported);
        }
    }

    @Test
    @ConfiguredWithCode("configuration-as-code-scan.yml")
    void aBlankScanThresholdIsTheDefaultAndTheScanLimitsAreImported(JenkinsConfiguredWithCodeRule r) throws Exception {
        SecurePipelineConfiguration config = SecurePipelineConfiguration.get();
        assertEquals(Severity.HIGH, config.scanPolicy().threshold(), "scanThreshold: \"\" must not turn blocking off");
        assertEquals(new TemplateSelectionLimits(200, 1_048_576, TemplateSelectionLimits.DEFAULT_MAX_TOTAL_BYTES),
                config.templateSelectionLimits());

        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        String exported = toYamlString(getUnclassifiedRoot(context).get("awsSecurePipeline"));
        GuardRulePackSetting pack = config.guardRulePack("org-baseline");
        assertTrue(pack.appliesToJob("payments/api/main"));
        assertTrue(pack.appliesToJob("release-web"));
        assertEquals(Severity.CRITICAL, pack.severityOfFindings());
        assertEquals("https://rules.example.com/guard/org-baseline.guard", pack.getLocation());
        for (String expected : new String[] {"scanMaxFiles: \"200\"", "scanMaxFileBytes: \"1048576\"",
                "name: \"org-baseline\"", "severity: \"critical\""}) {
            assertTrue(exported.contains(expected), "export lacks " + expected + ":\n" + exported);
        }
    }
}
