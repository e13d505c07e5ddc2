package com.eucimageupdater.workflow;

/**
 * The workflow's steps: each is one Lambda function, named in the state machine definition as
 * {@code ${<step>FunctionArn}}. Handlers are named, not referenced, so that the stack does not load them.
 */
public enum WorkflowStep {
    PLAN("Plan", "plan.PlanHandler"),
    RESOLVE("Resolve", "rollout.ResolveHandler"),
    CHECK("Check", "build.CheckHandler"),
    START("Start", "build.StartHandler"),
    POLL("Poll", "build.PollHandler"),
    DISTRIBUTE("Distribute", "distribute.DistributeHandler"),
    SUMMARIZE_BUILDS("SummarizeBuilds", "build.SummarizeBuildsHandler"),
    MOVE_TARGETS("MoveTargets", "rollout.MoveTargetsHandler"),
    RETIRE("Retire", "retire.RetireHandler"),
    PLAN_ROLLOUT("PlanRollout", "rollout.PlanRolloutHandler"),
    REQUEST_APPROVAL("RequestApproval", "approve.RequestApprovalHandler"),
    FIND_ROLLOUT("FindRollout", "rollback.FindRolloutHandler"),
    REPORT("Report", "report.ReportHandler");

    private static final String BASE_PACKAGE = "com.eucimageupdater.";

    private final String stepName;
    private final String handlerClass;

    WorkflowStep(String stepName, String handlerClass) {
        this.stepName = stepName;
        this.handlerClass = BASE_PACKAGE + handlerClass;
    }

    /** The step's name: its function's name part and its definition placeholder's prefix. */
    public String stepName() {
        return stepName;
    }

    /** The fully qualified name of the step's handler class. */
    public String handlerClass() {
        return handlerClass;
    }

    /** The Lambda handler setting: the handler class and its method. */
    public String handler() {
        return handlerClass + "::handleRequest";
    }

    public static WorkflowStep named(String stepName) {
        for (WorkflowStep step : values()) {
            if (step.stepName.equals(stepName)) {
                return step;
            }
        }
        throw new IllegalArgumentException("no workflow step is named " + stepName);
    }
}
