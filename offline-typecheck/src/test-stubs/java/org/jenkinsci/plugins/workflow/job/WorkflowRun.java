// Compile-only signature for offline type-checking; checked against jenkinsci/workflow-job-plugin src/main/java/org/jenkinsci/plugins/workflow/job/WorkflowRun.java.
// Holds only the members the plugin uses. Never packaged or shipped.
package org.jenkinsci.plugins.workflow.job;

import hudson.model.Queue;
import hudson.model.Run;

public final class WorkflowRun extends Run<WorkflowJob, WorkflowRun> implements Queue.Executable {
    public WorkflowRun(WorkflowJob job) throws java.io.IOException {
        super(job);
    }

    public org.kohsuke.stapler.HttpResponse doStop() {
        throw new UnsupportedOperationException("compile-only signature");
    }

    @Override
    public void run() {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
