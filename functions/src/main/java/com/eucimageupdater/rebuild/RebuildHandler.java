package com.eucimageupdater.rebuild;

import com.eucimageupdater.aws.ImageServices;
import com.eucimageupdater.lambda.RecordStepHandler;
import com.eucimageupdater.lambda.StepLog;
import java.time.Clock;
import java.util.List;

/**
 * One call of a bundle's rebuild in waves: the state machine waits until the answer's {@code waitUntil} and calls again, until
 * it is done.
 */
public final class RebuildHandler extends RecordStepHandler<RebuildJob, RebuildProgress> {
    private final WaveRebuilder rebuilder;
    private final Clock clock;

    public RebuildHandler() {
        this(ImageServices.shared(), Clock.systemUTC());
    }

    /** @param clock the time the windows and the waves' timeouts are reckoned in (the local runner's jumps to each wait's end) */
    public RebuildHandler(ImageServices services, Clock clock) {
        super(services, RebuildJob.class);
        this.rebuilder = new WaveRebuilder(services::bundleWorkspaces);
        this.clock = clock;
    }

    @Override
    protected RebuildProgress handle(RebuildJob job) {
        return rebuilder.next(job, clock.instant());
    }

    @Override
    protected StepLog logFor(RebuildJob job) {
        return new StepLog(step(), job.run() == null ? null : job.run().executionName(), job.bundle() == null ? null : "WORKSPACES",
                job.bundle() == null ? null : job.bundle().bundle());
    }

    @Override
    protected String outcome(RebuildProgress progress) {
        return progress.done() ? progress.result().outcome().name() : "WAITING UNTIL " + progress.waitUntil();
    }

    @Override
    protected String sampleInput() {
        return """
                {"bundle": {"service": "WORKSPACES", "account": "123456789012", "region": "us-east-1", "bundle": "wsb-0a1b2c3d4",
                            "image": "wsi-7k2m9p4q1", "from": "wsi-0a1b2c3d4", "mode": "ROLLOUT",
                            "settings": {"canary": 2, "batchSize": 25, "maxFailures": 3, "waveTimeoutMinutes": 120,
                                         "window": {"days": ["SAT", "SUN"], "start": "22:00", "hours": 6}}},
                 "run": {"executionName": "priming", "runDate": "2026-11-10", "account": "123456789012", "region": "us-east-1",
                         "timeZone": "Europe/Paris", "dryRun": false},
                 "runStartedAt": "2026-11-10T06:00:00.123Z",
                 "rebuild": {"done": false, "waitUntil": "2026-11-14T21:10:00Z", "calls": 3, "maxCalls": 1200,
                             "wave": ["ws-0a1b2c3d4e"], "toRequest": [], "canaryWave": true, "waveStartedAt": "2026-11-14T21:00:00Z",
                             "checkedUpTo": "ws-0a1b2c3d4e",
                             "retry": [{"reason": "NOT_AVAILABLE", "state": "SUSPENDED", "count": 1, "workspaceIds": ["ws-0a1b2c3d4f"]}],
                             "result": {"service": "WORKSPACES", "bundle": "wsb-0a1b2c3d4", "mode": "ROLLOUT", "workspaces": 3,
                                        "failed": [{"workspaceId": "ws-0a1b2c3d4g", "state": "ERROR", "reason": "ended ERROR"}],
                                        "failedCount": 1, "waves": 1}}}""";
    }

    @Override
    protected List<RebuildProgress> sampleResults(RebuildJob job) {
        return List.of(job.rebuild());
    }
}
