package io.jenkins.plugins.securepipeline.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import hudson.util.FormValidation;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
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
    void regionCheckRefusesWhatIsNotARegionName(JenkinsRule r) {
        assertEquals(FormValidation.Kind.ERROR, SecurePipelineConfiguration.get().doCheckRegion("EU_WEST_1").kind);
        assertEquals(FormValidation.Kind.ERROR, SecurePipelineConfiguration.get().doCheckRegion("eu-west-1; rm").kind);
        assertEquals(FormValidation.Kind.WARNING, SecurePipelineConfiguration.get().doCheckRegion("xx-nowhere-9").kind);
        assertEquals(FormValidation.Kind.OK, SecurePipelineConfiguration.get().doCheckRegion("eu-west-1").kind);
        assertEquals(FormValidation.Kind.OK, SecurePipelineConfiguration.get().doCheckRegion("").kind);
    }
}
