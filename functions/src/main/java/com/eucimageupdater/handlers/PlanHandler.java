package com.eucimageupdater.handlers;

import com.eucimageupdater.plan.PlanRequest;
import com.eucimageupdater.plan.RunPlan;
import com.eucimageupdater.plan.RunPlanner;

/** Validates the execution input (or takes the configured images) and plans each image; calls no AWS API. */
public final class PlanHandler extends JsonHandler<PlanRequest, RunPlan> {
    private final RunPlanner planner = new RunPlanner();

    public PlanHandler() {
        super(PlanRequest.class);
    }

    @Override
    RunPlan handle(PlanRequest request) {
        return planner.plan(request);
    }
}
