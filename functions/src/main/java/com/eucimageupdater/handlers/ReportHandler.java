package com.eucimageupdater.handlers;

import com.eucimageupdater.report.ReportRequest;
import com.eucimageupdater.report.RunReport;
import com.eucimageupdater.report.RunReporter;

/** Writes the run's mail (subject, body, message attributes) and counts; the state machine publishes it. */
public final class ReportHandler extends JsonHandler<ReportRequest, RunReport> {
    private final RunReporter reporter = new RunReporter();

    public ReportHandler() {
        super(ReportRequest.class);
    }

    @Override
    RunReport handle(ReportRequest request) {
        return reporter.report(request);
    }
}
