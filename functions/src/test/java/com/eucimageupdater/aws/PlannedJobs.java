package com.eucimageupdater.aws;

import com.eucimageupdater.model.Approval;
import com.eucimageupdater.model.ImageJob;
import com.eucimageupdater.model.ImageRequest;
import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.PipelineTags;
import com.eucimageupdater.model.RunSettings;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.model.StartedImage;
import com.eucimageupdater.model.UpdateCheck;
import java.util.Map;

/** Image jobs as the plan step makes them for one run, and as the state machine extends them step by step. */
public final class PlannedJobs {
    static final String RUN_DATE = "2026-11-10";
    static final String EXECUTION = "monthly-2026-11";
    static final String ACCOUNT = "123456789012";

    private PlannedJobs() {}

    public static RunSettings run(String executionName, String runDate) {
        return RunSettings.builder().executionName(executionName).runDate(runDate).location(new Location(ACCOUNT, "us-east-1"))
                .pollIntervalSeconds(900).maxPolls(32).maxWaitMinutes(480).maxWaitText("8 h").approval(Approval.REQUIRED)
                .approvalTimeoutSeconds(72 * 3600).expectedBuildMinutes(90).maxConcurrency(5).timeZone("UTC").build();
    }

    public static ImageJob planned(Service service, String image) {
        return ImageJob.planned(new ImageRequest(service, image, null, null, Map.of("team", "euc")), run(EXECUTION, RUN_DATE));
    }

    static ImageJob describedAs(ImageJob job, String displayName, String description) {
        ImageRequest item = new ImageRequest(job.service(), job.image(), displayName, description, job.tags());
        return new ImageJob(item, job.run(), job.check(), job.start(), job.poll());
    }

    public static ImageJob inExecution(ImageJob job, String executionName) {
        return new ImageJob(job.item(), run(executionName, job.runDate()), job.check(), job.start(), job.poll());
    }

    /** The job as the start step receives it: the check's result at {@code $.check}. */
    public static ImageJob checked(ImageJob job, UpdateCheck check) {
        return new ImageJob(job.item(), job.run(), check, job.start(), job.poll());
    }


    /** The job as the start step receives it again after a wait: the previous attempt's result at {@code $.start}. */
    public static ImageJob started(ImageJob job, StartedImage start) {
        return new ImageJob(job.item(), job.run(), job.check(), start, job.poll());
    }

    /** The job as the distribute step receives it in {@code executionName}: the new image AVAILABLE, in account ACCOUNT, us-east-1. */
    static ImageJob distributing(Service service, String source, String newImage, String newImageName, String executionName) {
        return started(inExecution(planned(service, source), executionName), StartedImage.created(newImage, newImageName, 0));
    }

    /** The expected tags on an image this run creates: the admin's plus the pipeline's. */
    static Map<String, String> pipelineTags(String source, String executionName) {
        return Map.of("team", "euc", PipelineTags.SOURCE_IMAGE, source, PipelineTags.RUN_DATE, RUN_DATE,
                PipelineTags.EXECUTION, executionName, PipelineTags.LINEAGE, source);
    }
}
