package com.eucimageupdater.build;

import com.eucimageupdater.model.ImageJob;
import com.eucimageupdater.model.RunSettings;
import com.eucimageupdater.model.StartedImage;
import java.time.Duration;
import java.time.Instant;

/**
 * Adaptive polling: the first poll comes one poll interval before the build time the image's lineage took last month
 * (or the deployment's expected build time), the second at that time, then polls follow at the short interval. A
 * three-hour build as long as last month's then costs two polls instead of twelve, and the mail follows the last image
 * within one interval; one a little faster is seen at the first poll.
 */
public final class BuildTimes {

    private BuildTimes() {}

    /** Seconds from the start to the first poll: at least one interval, and within what is left of the maximum wait. */
    public static int firstPollSeconds(ImageJob job, int quotaWaitSeconds) {
        RunSettings run = job.run();
        Integer learned = job.check() == null ? null : job.check().lastBuildMinutes();
        int expectedSeconds = (learned != null ? learned : run.expectedBuildMinutes()) * 60;
        int leftOfMaxWait = run.maxWaitMinutes() * 60 - quotaWaitSeconds;
        return Math.max(run.pollIntervalSeconds(), Math.min(expectedSeconds - run.pollIntervalSeconds(), leftOfMaxWait));
    }

    /** The polls the first wait stands for, so that the wait loop's bound still counts the whole maximum wait. */
    public static int pollsInFirstWait(StartedImage start, int pollIntervalSeconds) {
        return Math.max(1, (start.firstPollSeconds() + pollIntervalSeconds - 1) / pollIntervalSeconds);
    }

    /** Whole minutes from the start to the poll that saw the image AVAILABLE, at least 1. */
    public static int buildMinutes(String startedAt, Instant availableAt) {
        return (int) Math.max(1, Duration.between(Instant.parse(startedAt), availableAt).toMinutes());
    }
}
