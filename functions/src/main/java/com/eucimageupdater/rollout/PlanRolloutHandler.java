package com.eucimageupdater.rollout;

import com.eucimageupdater.lambda.RunStepHandler;
import com.eucimageupdater.lambda.StepLog;


/** Decides what goes to production from the built images, and whether an approval comes first; calls no AWS API. */
public final class PlanRolloutHandler extends RunStepHandler<PlanRolloutRequest, RolloutPlan> {

    public PlanRolloutHandler() {
        super(PlanRolloutRequest.class);
    }

    @Override
    protected RolloutPlan handle(PlanRolloutRequest request) {
        return RolloutPlan.of(request.builds(), request.run());
    }

    @Override
    protected StepLog logFor(PlanRolloutRequest request) {
        return new StepLog(step(), request.run() == null ? null : request.run().executionName(), null, null);
    }

    @Override
    protected String outcome(RolloutPlan plan) {
        return plan.production().size() + " TO PRODUCTION" + (plan.approvalNeeded() ? ", AWAITING APPROVAL" : "");
    }

    @Override
    protected String sampleInput() {
        return """
                {"builds": [{"account": "123456789012", "region": "us-east-1",
                             "results": [{"service": "APPSTREAM", "image": "Base-Win2022", "outcome": "UPDATED",
                                          "newImage": "Base-Win2022-2026-11-10"}],
                             "production": [{"service": "APPSTREAM", "account": "123456789012", "region": "us-east-1",
                                             "source": "Base-Win2022", "newImage": "Base-Win2022-2026-11-10",
                                             "newImageName": "Base-Win2022-2026-11-10", "targets": ["Base-Prod"],
                                             "lineage": "Base-Win2022", "keep": 3}]}],
                 "run": {"executionName": "priming", "runDate": "2026-11-10", "account": "123456789012", "approval": "required",
                         "approvalTimeoutSeconds": 259200, "dryRun": false}}""";
    }
}
