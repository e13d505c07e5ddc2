package com.eucimageupdater.report;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.eucimageupdater.lambda.RunStepHandler;
import com.eucimageupdater.lambda.StepLog;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes the run's mail (subject, body, message attributes) and counts, which the state machine publishes, and
 * emits the run's metrics.
 */
public final class ReportHandler extends RunStepHandler<ReportRequest, RunReport> {
    private final RunReporter reporter = new RunReporter();
    private final RunMetrics metrics;

    public ReportHandler() {
        this(RunMetrics.fromEnvironment());
    }

    ReportHandler(RunMetrics metrics) {
        super(ReportRequest.class);
        this.metrics = metrics;
    }

    @Override
    protected RunReport handle(ReportRequest request) {
        return reporter.report(request);
    }

    /**
     * Through the runtime's logger as bytes: unformatted, so each event stays a top-level JSON object that
     * CloudWatch reads as metrics, and at no level, so no log level setting drops them.
     */
    @Override
    protected void after(ReportRequest request, RunReport report, Context context) {
        for (String event : metrics.events(request, report, Instant.now())) {
            context.getLogger().log((event + "\n").getBytes(StandardCharsets.UTF_8), LogLevel.UNDEFINED);
        }
    }

    @Override
    protected StepLog logFor(ReportRequest request) {
        return new StepLog(step(), request.executionName(), null, null);
    }

    @Override
    protected String outcome(RunReport report) {
        return report.messageAttributes().get("status").StringValue();
    }

    /** A run with one image built and one failed after waiting for a quota. */
    @Override
    protected String sampleInput() {
        return """
                {"executionName": "priming", "runDate": "2026-11-10", "problems": [], "results": [
                  {"service": "APPSTREAM", "image": "Base-Win2022", "outcome": "UPDATED", "newImage": "Base-Win2022-2026-11-10",
                   "state": "AVAILABLE", "start": {"startedAt": "2026-11-10T06:00:00Z"}, "poll": {"observedAt": "2026-11-10T07:00:00Z"}},
                  {"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "outcome": "FAILED", "quotaWaitSeconds": 60,
                   "error": {"Error": "com.eucimageupdater.model.ImageUpdateException", "Cause": "{\\"errorMessage\\": \\"quota\\"}"}}]}""";
    }
}
