package io.jenkins.plugins.securepipeline.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.ExtensionList;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.jenkins.plugins.securepipeline.plugin.integrity.VerifyArtifactHashStep;
import io.jenkins.plugins.securepipeline.plugin.role.WebIdentityIdentity;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** A credential drop-down lists credentials only for users who may choose one; others get the current value back. */
@WithJenkins
class CredentialItemsTest {
    private static final String STORED_ID = "oidc-token";

    private JenkinsRule r;

    // The rule comes in here only: JenkinsExtension starts Jenkins each time it resolves a JenkinsRule parameter.
    // Item/ExtendedRead is disabled unless a system property enables it (Jenkins then checks Item/Configure), so the
    // user who may choose a step's credential is the one who configures the job.
    @BeforeEach
    void usersAndOneCredential(JenkinsRule rule) throws Exception {
        r = rule;
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE).everywhere().to("configurer")
                .grant(Jenkins.ADMINISTER).everywhere().to("admin"));
        SystemCredentialsProvider.getInstance().getCredentials().add(
                new StringCredentialsImpl(CredentialsScope.GLOBAL, STORED_ID, "token", Secret.fromString("not-listed")));
        SystemCredentialsProvider.getInstance().save();
    }

    private static List<String> values(ListBoxModel model) {
        List<String> values = new ArrayList<>();
        for (ListBoxModel.Option option : model) {
            values.add(option.value);
        }
        return values;
    }

    private static ListBoxModel tokenItemsAs(String user, String currentValue) {
        WebIdentityIdentity.DescriptorImpl descriptor = ExtensionList.lookupSingleton(WebIdentityIdentity.DescriptorImpl.class);
        try (ACLContext ignored = ACL.as2(User.getById(user, true).impersonate2())) {
            return descriptor.doFillTokenCredentialsIdItems(currentValue);
        }
    }

    private static ListBoxModel publicKeyItemsAs(String user, Item item, String currentValue) {
        VerifyArtifactHashStep.DescriptorImpl descriptor = ExtensionList.lookupSingleton(VerifyArtifactHashStep.DescriptorImpl.class);
        try (ACLContext ignored = ACL.as2(User.getById(user, true).impersonate2())) {
            return descriptor.doFillPublicKeyCredentialsIdItems(item, currentValue);
        }
    }

    @Test
    void globalFieldWithoutAdministerGivesOnlyTheCurrentValue() {
        assertEquals(List.of("kept-id"), values(tokenItemsAs("reader", "kept-id")));
        assertEquals(List.of("kept-id"), values(tokenItemsAs("configurer", "kept-id")));
    }

    @Test
    void globalFieldListsCredentialsForAnAdministrator() {
        List<String> values = values(tokenItemsAs("admin", "kept-id"));
        assertTrue(values.contains(STORED_ID), "listed: " + values);
        assertTrue(values.contains("kept-id"), "current value kept: " + values);
    }

    @Test
    void stepFieldWithoutPermissionOnTheJobGivesOnlyTheCurrentValue() throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "deploy");
        assertEquals(List.of("kept-id"), values(publicKeyItemsAs("reader", job, "kept-id")));
        // No job (the global snippet generator): administrators only.
        assertEquals(List.of("kept-id"), values(publicKeyItemsAs("configurer", null, "kept-id")));
    }

    @Test
    void stepFieldListsCredentialsForAUserWhoConfiguresTheJob() throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "deploy");
        List<String> values = values(publicKeyItemsAs("configurer", job, "kept-id"));
        assertTrue(values.contains(STORED_ID), "listed: " + values);
        assertTrue(values.contains("kept-id"), "current value kept: " + values);
        assertTrue(values(publicKeyItemsAs("admin", null, "")).contains(STORED_ID));
    }
}
