package com.eucimageupdater.workflow;

/** The execution input that the deployment itself writes: the monthly schedule's. */
public final class WorkflowInput {
    /** The time the schedule's start was due ({@code <aws.scheduler.scheduled-time>}); a run started by hand has none. */
    public static final String SCHEDULED_TIME = "scheduledTime";

    private WorkflowInput() {}
}
