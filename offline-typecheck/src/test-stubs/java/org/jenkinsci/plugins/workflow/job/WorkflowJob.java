// Compile-only signature for offline type-checking; checked against jenkinsci/workflow-job-plugin src/main/java/org/jenkinsci/plugins/workflow/job/WorkflowJob.java.
// Holds only the members the plugin uses (ParameterizedJob's scheduleBuild2 declared here, as WorkflowJob overrides it). Never packaged or shipped.
package org.jenkinsci.plugins.workflow.job;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.TopLevelItem;
import hudson.model.queue.QueueTaskFuture;
import org.jenkinsci.plugins.workflow.flow.FlowDefinition;

public final class WorkflowJob extends Job<WorkflowJob, WorkflowRun> implements TopLevelItem {
    public WorkflowJob(hudson.model.ItemGroup parent, String name) {
        super(parent, name);
    }

    public void setDefinition(FlowDefinition definition) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public WorkflowRun getBuildByNumber(int n) {
        throw new UnsupportedOperationException("compile-only signature");
    }

    public QueueTaskFuture<WorkflowRun> scheduleBuild2(int quietPeriod, Action... actions) {
        throw new UnsupportedOperationException("compile-only signature");
    }
}
