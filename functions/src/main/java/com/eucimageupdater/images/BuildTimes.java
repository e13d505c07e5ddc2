package com.eucimageupdater.images;

import java.time.Duration;
import java.time.Instant;

/**
 * Adaptive polling: the first poll comes shortly before the build time the image's lineage took last month (or the
 * deployment's expected build time), then polls follow at the short poll interval. A three-hour build then costs a
 * handful of polls instead of a dozen, and the mail follows the last image within one interval.
 */
public final class BuildTimes {
    /** Polls start a little before the expected end: builds vary, and an early finish should not wait long. */
    private static final double FIRST_POLL_SHARE = 0.95;

    private BuildTimes() {}

    /** Seconds from the start to the first poll: at least one interval, and within what is left of the maximum wait. */
    static int firstPollSeconds(ImageJob job, int quotaWaitSeconds) {
        RunSettings run = job.run();
        Integer learned = job.check() == null ? null : job.check().lastBuildMinutes();
        int expectedMinutes = learned != null ? learned : run.expectedBuildMinutes();
        int seconds = (int) (expectedMinutes * 60 * FIRST_POLL_SHARE);
        int leftOfMaxWait = run.maxWaitMinutes() * 60 - quotaWaitSeconds;
        return Math.max(run.pollIntervalSeconds(), Math.min(seconds, leftOfMaxWait));
    }

    /** The polls the first wait stands for, so that the wait loop's bound still counts the whole maximum wait. */
    static int pollsInFirstWait(StartedImage start, int pollIntervalSeconds) {
        return Math.max(1, (start.firstPollSeconds() + pollIntervalSeconds - 1) / pollIntervalSeconds);
    }

    /** Whole minutes from the start to the poll that saw the image AVAILABLE, at least 1. */
    public static int buildMinutes(String startedAt, Instant availableAt) {
        return (int) Math.max(1, Duration.between(Instant.parse(startedAt), availableAt).toMinutes());
    }
}
