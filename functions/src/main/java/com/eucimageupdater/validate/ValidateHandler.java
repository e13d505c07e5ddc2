package com.eucimageupdater.validate;

import com.eucimageupdater.aws.ImageServices;
import com.eucimageupdater.lambda.RecordStepHandler;
import com.eucimageupdater.lambda.StepLog;
import java.util.List;

/** One check of the gate after staging: the state machine loops on it, waiting between checks, until it has decided. */
public final class ValidateHandler extends RecordStepHandler<ValidationJob, ValidationProgress> {
    private final StagedImageGate gate;

    public ValidateHandler() {
        this(ImageServices.shared());
    }

    public ValidateHandler(ImageServices services) {
        super(services, ValidationJob.class);
        this.gate = new StagedImageGate(services::stagedTargets, services::streamingSessions, services::canaryWorkspaces);
    }

    @Override
    protected ValidationProgress handle(ValidationJob job) {
        return gate.check(job);
    }

    @Override
    protected StepLog logFor(ValidationJob job) {
        return new StepLog(step(), job.run().executionName(), job.item().service() == null ? null : job.item().service().name(),
                job.item().image());
    }

    @Override
    protected String outcome(ValidationProgress progress) {
        return !progress.done() ? "WAITING " + progress.polls() : progress.passed() ? "PASSED" : "FAILED";
    }

    @Override
    protected String sampleInput() {
        return """
                {"item": {"service": "APPSTREAM", "image": "Base-Win2022", "stagingTargets": ["Base-Test"], "account": "123456789012",
                          "region": "us-east-1", "gate": {"timeoutMinutes": 60, "maxPolls": 15}},
                 "run": {"executionName": "priming", "runDate": "2026-11-10", "account": "123456789012", "region": "us-east-1",
                         "pollIntervalSeconds": 240},
                 "start": {"newImage": "Base-Win2022-2026-11-10", "newImageName": "Base-Win2022-2026-11-10"},
                 "validation": {"done": false, "passed": false, "polls": 1,
                                "checks": [{"check": "fleet", "target": "Base-Test", "status": "WAITING", "answer": "STARTING"}]}}""";
    }

    @Override
    protected List<ValidationProgress> sampleResults(ValidationJob job) {
        return List.of(job.validation());
    }
}
