package com.eucimageupdater.handlers;

import com.eucimageupdater.images.ImageJob;
import com.eucimageupdater.images.ImageServices;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A step on one image (check, start, poll): an {@link ImageJob} in, a record out, through {@link RecordJson}. */
abstract class ImageStepHandler<O extends Record> extends JsonHandler<ImageJob, O> {
    final ImageServices services;

    ImageStepHandler(ImageServices services) {
        this.services = services;
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

    /** The step's answer for the sample job, for priming the writer: the record the sample already holds. */
    abstract O sampleResult(ImageJob job);

    /** The JSON reader and writer on a sample job, and each service's client through a round trip without AWS. */
    @Override
    final void prime() throws IOException {
        ImageJob job = read(new ByteArrayInputStream(SAMPLE_JOB.getBytes(StandardCharsets.UTF_8)));
        write(OutputStream.nullOutputStream(), sampleResult(job));
        services.prime();
    }

    @Override
    final ImageJob read(InputStream input) throws IOException {
        return RecordJson.read(input, ImageJob.class);
    }

    @Override
    final void write(OutputStream output, O result) throws IOException {
        RecordJson.write(output, result);
    }

    @Override
    final StepLog logFor(ImageJob job) {
        return new StepLog(step(), job.executionName(), job.service() == null ? null : job.service().name(), job.image());
    }
}
