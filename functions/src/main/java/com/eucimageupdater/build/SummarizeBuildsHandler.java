package com.eucimageupdater.build;

import com.eucimageupdater.aws.ImageServices;
import com.eucimageupdater.lambda.JsonView;
import com.eucimageupdater.lambda.RunStepHandler;
import com.eucimageupdater.lambda.StepLog;
import com.eucimageupdater.model.Location;
import com.eucimageupdater.report.ImageResult;
import com.eucimageupdater.rollout.RolloutPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Closes one account and Region's child execution: its images' raw results become a few fields each, with what goes
 * to production there, so that the parent execution holds a thousand images' results within its 256 KB. It keeps each
 * lineage's count of failed scheduled months on its source image (disableAfterFailures), and lists the images a scheduled
 * run skipped.
 */
public final class SummarizeBuildsHandler extends RunStepHandler<SummarizeBuildsRequest, BuiltLocation> {
    private final FailingLineages failing;

    public SummarizeBuildsHandler() {
        this(ImageServices.shared());
    }

    public SummarizeBuildsHandler(ImageServices services) {
        super(SummarizeBuildsRequest.class);
        this.failing = new FailingLineages(services::scheduledFailures);
    }

    @Override
    protected BuiltLocation handle(SummarizeBuildsRequest request) {
        List<JsonView> built = request.results().stream().map(JsonView::of).toList();
        Map<String, String> counts = failing.record(built, request.run(), new Location(request.account(), request.region()));
        List<ImageResult> results = new ArrayList<>(built.stream().map(ImageResult::from)
                .map(result -> counts.containsKey(result.image()) ? result.withNote(counts.get(result.image())) : result).toList());
        request.skipped().forEach(skipped -> results.add(ImageResult.skipped(skipped)));
        return BuiltLocation.of(request.account(), request.region(), results, RolloutPlan.production(built),
                RolloutPlan.wouldRebuild(built));
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
