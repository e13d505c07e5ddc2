package com.eucimageupdater.build;

import com.eucimageupdater.lambda.RunStepHandler;
import com.eucimageupdater.lambda.StepLog;
import com.eucimageupdater.report.ImageResult;
import com.eucimageupdater.rollout.RolloutPlan;

/**
 * Closes one account and Region's child execution: its images' raw results become a few fields each, with what goes
 * to production there, so that the parent execution holds a thousand images' results within its 256 KB.
 */
public final class SummarizeBuildsHandler extends RunStepHandler<SummarizeBuildsRequest, BuiltLocation> {

    public SummarizeBuildsHandler() {
        super(SummarizeBuildsRequest.class);
    }

    @Override
    protected BuiltLocation handle(SummarizeBuildsRequest request) {
        return BuiltLocation.of(request.account(), request.region(), request.results().stream().map(ImageResult::from).toList(),
                RolloutPlan.production(request.results()));
    }

    @Override
    protected StepLog logFor(SummarizeBuildsRequest request) {
        return new StepLog(step(), request.run() == null ? null : request.run().executionName(), null,
                request.account() + "/" + request.region());
    }

    @Override
    protected String outcome(BuiltLocation built) {
        return built.results().size() + " IMAGES, " + built.production().size() + " TO PRODUCTION";
    }

    @Override
    protected String sampleInput() {
        return """
                {"account": "123456789012", "region": "us-east-1",
                 "results": [{"service": "APPSTREAM", "image": "Base-Win2022", "account": "123456789012", "region": "us-east-1",
                              "outcome": "UPDATED", "lineage": "Base-Win2022", "state": "AVAILABLE",
                              "start": {"newImage": "Base-Win2022-2026-11-10", "newImageName": "Base-Win2022-2026-11-10"},
                              "staged": {"moved": [{"target": "Base-Test", "previous": "Base-Win2022", "note": "sessions"}]},
                              "item": {"service": "APPSTREAM", "image": "Base-Win2022", "productionTargets": ["Base-Prod"], "keep": 3}},
                             {"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "outcome": "FAILED",
                              "error": {"Error": "States.Timeout", "Cause": "timed out"}}],
                 "run": {"executionName": "priming", "runDate": "2026-11-10", "account": "123456789012", "region": "us-east-1"}}""";
    }
}
