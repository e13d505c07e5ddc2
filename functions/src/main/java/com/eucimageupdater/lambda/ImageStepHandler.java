package com.eucimageupdater.lambda;

import com.eucimageupdater.aws.ImageServices;
import com.eucimageupdater.model.ImageJob;

/** A step on one image (check, start, poll, distribute): an {@link ImageJob} in, a record out. */
public abstract class ImageStepHandler<O extends Record> extends RecordStepHandler<ImageJob, O> {

    public ImageStepHandler(ImageServices services) {
        super(services, ImageJob.class);
    }

    /** An image's job as the poll step gets it: every record the image steps read and write. */
    private static final String SAMPLE_JOB = """
            {"item": {"service": "APPSTREAM", "image": "Base-Win2022", "displayName": "Base", "description": "Monthly patch",
                      "tags": {"team": "euc"}, "stagingTargets": ["Base-Test"], "productionTargets": ["Base-Prod"], "keep": 3},
             "run": {"executionName": "priming", "runDate": "2026-11-10", "account": "123456789012", "pollIntervalSeconds": 900,
                     "maxPolls": 32, "maxWaitMinutes": 480, "maxWaitText": "8 h", "approval": "required",
                     "approvalTimeoutSeconds": 259200, "dryRun": false},
             "check": {"updateAvailable": true, "sourceName": "Base-Win2022", "detail": "updates",
                       "newImageName": "Base-Win2022-2026-11-10", "newImageDescription": "Monthly patch", "newImageDisplayName": "Base",
                       "lineage": "Base-Win2022"},
             "start": {"newImage": "Base-Win2022-2026-11-10", "newImageName": "Base-Win2022-2026-11-10", "adopted": false,
                       "waitingForQuota": false, "quotaWaitSeconds": 0, "retryInSeconds": 0, "startedAt": "2026-11-10T06:00:00Z"},
             "poll": {"state": "PENDING", "serviceState": "PENDING", "pollsDone": 1, "observedAt": "2026-11-10T06:15:00Z"},
             "unknown": [1, {"field": null}]}""";

    @Override
    protected final String sampleInput() {
        return SAMPLE_JOB;
    }

    @Override
    protected final StepLog logFor(ImageJob job) {
        return new StepLog(step(), job.executionName(), job.service() == null ? null : job.service().name(), job.image());
    }
}
