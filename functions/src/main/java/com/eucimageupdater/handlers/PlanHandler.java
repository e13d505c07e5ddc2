package com.eucimageupdater.handlers;

import com.eucimageupdater.plan.PlanRequest;
import com.eucimageupdater.plan.RunPlan;
import com.eucimageupdater.plan.RunPlanner;

/** Validates the execution input (or takes the configured images) and plans each image; calls no AWS API. */
public final class PlanHandler extends DatabindHandler<PlanRequest, RunPlan> {
    private final RunPlanner planner = new RunPlanner();

    public PlanHandler() {
        super(PlanRequest.class);
    }

    @Override
    RunPlan handle(PlanRequest request) {
        return planner.plan(request);
    }

    @Override
    StepLog logFor(PlanRequest request) {
        return new StepLog(step(), request.executionName(), null, null);
    }

    @Override
    String outcome(RunPlan plan) {
        return plan.problems().isEmpty() ? "PLANNED " + plan.images().size() + " images" : "INPUT_REJECTED " + plan.problems().size() + " problems";
    }
}
