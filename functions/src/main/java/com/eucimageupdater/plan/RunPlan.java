package com.eucimageupdater.plan;

import com.eucimageupdater.model.ImageRequest;
import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.RunSettings;
import java.util.List;

/**
 * The images to process in this run, or the problems that stop it before any AWS call.
 *
 * @param run the settings every image shares, handed once to each Map iteration beside its item (null when the
 *            run stops before any image)
 * @param rollback the execution whose roll-out this run reverses, or null
 * @param promote the execution whose staged images this run rolls out to production, or null
 * @param skipped true for a scheduled start on a day of the schedule's window that is not this month's run day
 * @param skipReason why it was skipped, for the execution's output
 * @param maxConcurrency images at once in the whole run
 * @param locations for a rollback or a promote: every account and Region the deployment works in, where that execution's
 *                  images are looked for
 */
public record RunPlan(String executionName, String runDate, int maxConcurrency, RunSettings run, List<ImageRequest> images,
        String rollback, String promote, List<String> problems, boolean skipped, String skipReason, List<Location> locations) {

    /** A run that updates these images. */
    static RunPlan update(RunSettings run, int maxConcurrency, List<ImageRequest> images) {
        return new RunPlan(run.executionName(), run.runDate(), maxConcurrency, run, images, null, null, List.of(), false, null, List.of());
    }

    /** A run that moves the fleets and bundles of execution {@code rollback} back, its images looked for in {@code locations}. */
    static RunPlan rollback(RunSettings run, int maxConcurrency, String rollback, List<Location> locations) {
        return new RunPlan(run.executionName(), run.runDate(), maxConcurrency, run, List.of(), rollback, null, List.of(), false, null,
                locations);
    }

    /** A run that rolls out to production what execution {@code promote} staged, its images looked for in {@code locations}. */
    static RunPlan promote(RunSettings run, int maxConcurrency, String promote, List<Location> locations) {
        return new RunPlan(run.executionName(), run.runDate(), maxConcurrency, run, List.of(), null, promote, List.of(), false, null,
                locations);
    }

    static RunPlan skip(String executionName, String runDate, String reason) {
        return new RunPlan(executionName, runDate, 1, null, List.of(), null, null, List.of(), true, reason, List.of());
    }

    static RunPlan rejected(String executionName, String runDate, int maxConcurrency, List<String> problems) {
        return new RunPlan(executionName, runDate, maxConcurrency, null, List.of(), null, null, problems, false, null, List.of());
    }
}
