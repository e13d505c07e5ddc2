package com.eucimageupdater.plan;

import com.eucimageupdater.model.ImageRequest;
import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.RebuildSettings;
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
 * @param locations every account and Region the deployment works in: where a rollback's or a promote's execution's images
 *                  are looked for, and the places a drift survey (the report's, and the monthly mail's section) reads
 * @param report the report this run writes instead of updating images ("drift"), or null
 * @param rebuildSettings for a promote, or a rollback that rebuilds ({@code "rebuild": true}), each configured production
 *                        bundle's rebuild settings, which its WorkSpaces are rebuilt with; else null
 */
public record RunPlan(String executionName, String runDate, int maxConcurrency, RunSettings run, List<ImageRequest> images,
        String rollback, String promote, List<String> problems, boolean skipped, String skipReason, List<Location> locations,
        String report, List<RebuildSettings.ForBundle> rebuildSettings) {

    /**
     * The fleets and bundles a drift report lists across all places, about 160 bytes each in the execution's data: with
     * the unused images as many again, well under its 256 KB however many places there are.
     */
    static final int DRIFT_ROWS = 400;

    /** A run that updates these images; its mail's drift section surveys {@code places}. */
    static RunPlan update(RunSettings run, int maxConcurrency, List<ImageRequest> images, List<Location> places) {
        return new RunPlan(run.executionName(), run.runDate(), maxConcurrency, run, images, null, null, List.of(), false, null, places,
                null, null);
    }

    /**
     * A run that mails where every fleet and bundle of {@code places} stands, and changes nothing: each place's survey lists
     * its share of {@link #DRIFT_ROWS}.
     */
    static RunPlan drift(RunSettings.Builder run, int maxConcurrency, List<Location> places) {
        RunSettings settings = run.surveyRows(Math.max(1, DRIFT_ROWS / places.size())).build();
        return new RunPlan(settings.executionName(), settings.runDate(), maxConcurrency, settings, List.of(), null, null, List.of(), false,
                null, places, "drift", null);
    }

    /**
     * A run that moves the fleets and bundles of execution {@code rollback} back, its images looked for in {@code locations};
     * with {@code rebuildSettings} (not null), the moved-back bundles' WorkSpaces are rebuilt too.
     */
    static RunPlan rollback(RunSettings run, int maxConcurrency, String rollback, List<Location> locations,
            List<RebuildSettings.ForBundle> rebuildSettings) {
        return new RunPlan(run.executionName(), run.runDate(), maxConcurrency, run, List.of(), rollback, null, List.of(), false, null,
                locations, null, rebuildSettings);
    }

    /**
     * A run that rolls out to production what execution {@code promote} staged, its images looked for in {@code locations}; the
     * WorkSpaces of the bundles {@code rebuildSettings} names are rebuilt after it, as the monthly run would have.
     */
    static RunPlan promote(RunSettings run, int maxConcurrency, String promote, List<Location> locations,
            List<RebuildSettings.ForBundle> rebuildSettings) {
        return new RunPlan(run.executionName(), run.runDate(), maxConcurrency, run, List.of(), null, promote, List.of(), false, null,
                locations, null, rebuildSettings);
    }

    static RunPlan skip(String executionName, String runDate, String reason) {
        return new RunPlan(executionName, runDate, 1, null, List.of(), null, null, List.of(), true, reason, List.of(), null, null);
    }

    static RunPlan rejected(String executionName, String runDate, int maxConcurrency, List<String> problems) {
        return new RunPlan(executionName, runDate, maxConcurrency, null, List.of(), null, null, problems, false, null, List.of(), null,
                null);
    }
}
