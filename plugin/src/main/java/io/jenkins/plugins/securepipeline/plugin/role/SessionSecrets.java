package io.jenkins.plugins.securepipeline.plugin.role;

import hudson.util.Secret;
import io.jenkins.plugins.securepipeline.audit.SecretMask;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every value of a role block that must never be shown: the first session's keys, each renewed session's keys (with
 * a credential endpoint) and the endpoint's token. Shared by the block's log filter and failure handler, which
 * therefore mask keys that did not exist yet when the block started. Kept as {@link Secret}s: it is saved in the
 * pipeline's state with the block (one object there, shared, as in memory).
 */
final class SessionSecrets implements Serializable {
    private static final long serialVersionUID = 1L;

    private final CopyOnWriteArrayList<Secret> values = new CopyOnWriteArrayList<>();

    SessionSecrets(List<String> initial) {
        add(initial);
    }

    void add(List<String> more) {
        more.stream().filter(value -> value != null && !value.isEmpty()).map(Secret::fromString).forEach(values::add);
    }

    /** How many values there are: a log stream rebuilds its mask when this grows. */
    int count() {
        return values.size();
    }

    SecretMask mask() {
        return SecretMask.of(values.stream().map(Secret::getPlainText).toList());
    }
}
