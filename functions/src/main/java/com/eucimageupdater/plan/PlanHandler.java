package com.eucimageupdater.plan;

import com.eucimageupdater.lambda.RunStepHandler;
import com.eucimageupdater.lambda.StepLog;


/** Validates the execution input (or takes the configured images) and plans each image; calls no AWS API. */
public final class PlanHandler extends RunStepHandler<PlanRequest, RunPlan> {
    private final RunPlanner planner = new RunPlanner();

    public PlanHandler() {
        super(PlanRequest.class);
    }

    @Override
    protected RunPlan handle(PlanRequest request) {
        return planner.plan(request);
    }

    @Override
    protected StepLog logFor(PlanRequest request) {
        return new StepLog(step(), request.executionName(), null, null);
    }

    @Override
    protected String outcome(RunPlan plan) {
        return plan.problems().isEmpty() ? "PLANNED " + plan.images().size() + " images" : "INPUT_REJECTED " + plan.problems().size() + " problems";
    }

    @Override
    protected String sampleInput() {
        return """
                {"input": {"images": [{"service": "APPSTREAM", "image": "Base-Win2022", "tags": {"team": "euc"}},
                                      {"service": "WORKSPACES", "image": "wsi-0a1b2c3d4"}]},
                 "executionName": "priming", "executionId": "arn:aws:states:us-east-1:123456789012:execution:priming:priming",
                 "startTime": "2026-11-10T06:00:00.123Z", "configuredImages": "[]", "pollIntervalSeconds": "900",
                 "maxWaitMinutes": "480", "maxConcurrency": "5", "timeZone": "UTC", "daysAfterPatchTuesday": "1",
                 "approval": "required", "approvalTimeoutHours": "72", "keepImages": "0"}""";
    }
}
