package com.eucimageupdater.rollout;

import com.eucimageupdater.aws.ImageServices;
import com.eucimageupdater.build.FailingLineages;
import com.eucimageupdater.lambda.RecordStepHandler;
import com.eucimageupdater.lambda.StepLog;
import java.util.List;

/**
 * Reads the fleets and bundles the run names, before anything changes: the source a fleet or bundle uses, and
 * whether each target can take the new image; and, for a scheduled run, which lineages it skips (disableAfterFailures). A run
 * by hand without targets passes through without an AWS call.
 */
public final class ResolveHandler extends RecordStepHandler<RunItems, RunItems> {
    private final TargetResolver resolver;
    private final FailingLineages failing;

    public ResolveHandler() {
        this(ImageServices.shared());
    }

    public ResolveHandler(ImageServices services) {
        super(services, RunItems.class);
        this.resolver = new TargetResolver(services::targets);
        this.failing = new FailingLineages(services::scheduledFailures);
    }

    @Override
    protected RunItems handle(RunItems run) {
        if (!run.problems().isEmpty()) {
            return run;
        }
        TargetResolver.Resolved resolved = run.hasTargets() ? resolver.resolve(run.images(), run.run().location())
                : new TargetResolver.Resolved(run.images(), List.of());
        if (!resolved.problems().isEmpty()) {
            return run.resolved(resolved.images(), resolved.problems());
        }
        // A scheduled run reads each lineage's count of failed months here, once, so that the build steps do no more.
        return run.resolved(resolved.images(), failing.skipped(resolved.images(), run.run()), List.of());
    }

    @Override
    protected StepLog logFor(RunItems run) {
        return new StepLog(step(), run.executionName(), null, null);
    }

    @Override
    protected String outcome(RunItems run) {
        return run.problems().isEmpty() ? "RESOLVED " + run.builds().stream().mapToInt(build -> build.images().size()).sum() + " images in "
                + run.builds().size() + " accounts and Regions" : "REFUSED " + run.problems().size() + " problems";
    }

    @Override
    protected String sampleInput() {
        return """
                {"executionName": "priming", "runDate": "2026-11-10", "maxConcurrency": 5,
                 "run": {"executionName": "priming", "runDate": "2026-11-10", "account": "123456789012", "region": "us-east-1",
                         "pollIntervalSeconds": 900,
                         "maxPolls": 32, "maxWaitMinutes": 480, "maxWaitText": "8 h", "approval": "required",
                         "approvalTimeoutSeconds": 259200, "dryRun": false, "expectedBuildMinutes": 90, "maxConcurrency": 5},
                 "images": [{"service": "APPSTREAM", "fromTarget": "Base-Prod", "stagingTargets": ["Base-Test"], "keep": 3}],
                 "problems": []}""";
    }

    @Override
    protected List<RunItems> sampleResults(RunItems run) {
        return List.of(run);
    }
}
