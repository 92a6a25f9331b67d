package io.jenkins.plugins.securepipeline.plugin;

import hudson.EnvVars;
import hudson.model.Cause;
import hudson.model.Run;
import io.jenkins.plugins.securepipeline.role.BuildContext;

/** Who and what a build is, as the audit log and AWS session names and tags record it. */
public final class BuildIdentity {
    private BuildIdentity() {}

    /** The user who started the build, or null when a timer, an SCM event or an upstream build did. */
    public static String triggeringUser(Run<?, ?> run) {
        Cause.UserIdCause cause = run.getCause(Cause.UserIdCause.class);
        return cause == null ? null : cause.getUserId();
    }

    /** {@code folder/job#42}, stable across renames of the display name. */
    public static String buildId(Run<?, ?> run) {
        return run.getExternalizableId();
    }

    /** @param env the step's environment, for {@code BRANCH_NAME} of multibranch jobs; may be null */
    public static BuildContext context(Run<?, ?> run, EnvVars env) {
        String branch = env == null ? null : env.get("BRANCH_NAME");
        return new BuildContext(run.getParent().getFullName(), run.getNumber(), triggeringUser(run), branch);
    }
}
