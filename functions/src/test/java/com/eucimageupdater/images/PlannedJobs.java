package com.eucimageupdater.images;

import java.util.Map;

/** Image jobs as the plan step makes them for one run, and as the state machine extends them step by step. */
final class PlannedJobs {
    static final String RUN_DATE = "2026-11-10";
    static final String EXECUTION = "monthly-2026-11";

    private PlannedJobs() {}

    static ImageJob planned(Service service, String image) {
        return new ImageJob(service, image, null, null, Map.of("team", "euc"), RUN_DATE, EXECUTION, 900, 32, "8 h",
                null, null, null);
    }

    static ImageJob describedAs(ImageJob job, String displayName, String description) {
        return new ImageJob(job.service(), job.image(), displayName, description, job.tags(), job.runDate(), job.executionName(),
                job.pollIntervalSeconds(), job.maxPolls(), job.maxWaitText(), job.check(), job.start(), job.poll());
    }

    static ImageJob inExecution(ImageJob job, String executionName) {
        return new ImageJob(job.service(), job.image(), job.displayName(), job.description(), job.tags(), job.runDate(),
                executionName, job.pollIntervalSeconds(), job.maxPolls(), job.maxWaitText(), job.check(), job.start(), job.poll());
    }

    /** The job as the start step receives it: the check's result at {@code $.check}. */
    static ImageJob checked(ImageJob job, UpdateCheck check) {
        return new ImageJob(job.service(), job.image(), job.displayName(), job.description(), job.tags(), job.runDate(),
                job.executionName(), job.pollIntervalSeconds(), job.maxPolls(), job.maxWaitText(), check, job.start(), job.poll());
    }

    /** The expected tags on an image this run creates: the admin's plus the pipeline's. */
    static Map<String, String> pipelineTags(String source, String executionName) {
        return Map.of("team", "euc", PipelineTags.SOURCE_IMAGE, source, PipelineTags.RUN_DATE, RUN_DATE,
                PipelineTags.EXECUTION, executionName);
    }
}
