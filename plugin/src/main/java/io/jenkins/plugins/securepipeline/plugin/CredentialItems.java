package io.jenkins.plugins.securepipeline.plugin;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/**
 * Credential drop-downs for the {@code doFill...Items} form endpoints, the way the credentials plugin documents them:
 * a user who may not choose a credential gets only the current value back (the form still saves unchanged, and
 * nothing about other credentials leaks); a user who may gets every matching credential, listed as whoever will
 * use it.
 */
public final class CredentialItems {
    private CredentialItems() {}

    /**
     * For a field of the global configuration (the controller's own identity): listed as SYSTEM from the root,
     * which is where the controller looks them up, and only for administrators.
     */
    public static ListBoxModel forAdministrators(Class<? extends StandardCredentials> type, String currentValue) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return new StandardListBoxModel().includeCurrentValue(currentValue);
        }
        return new StandardListBoxModel()
                .includeEmptyValue()
                .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), type, List.of(), CredentialsMatchers.always())
                .includeCurrentValue(currentValue);
    }

    /**
     * For a step field, looked up in the build's context: listed with the authentication the job's builds run as,
     * so the list holds what the build can use. Without a job (the global snippet generator) it is an
     * administrator's list from the root.
     */
    public static ListBoxModel forItem(Item item, Class<? extends StandardCredentials> type, String currentValue) {
        if (item == null) {
            return forAdministrators(type, currentValue);
        }
        if (!item.hasPermission(Item.EXTENDED_READ) && !item.hasPermission(CredentialsProvider.USE_ITEM)) {
            return new StandardListBoxModel().includeCurrentValue(currentValue);
        }
        Authentication buildAuthentication = item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
        return new StandardListBoxModel()
                .includeEmptyValue()
                .includeMatchingAs(buildAuthentication, item, type, List.of(), CredentialsMatchers.always())
                .includeCurrentValue(currentValue);
    }
}
