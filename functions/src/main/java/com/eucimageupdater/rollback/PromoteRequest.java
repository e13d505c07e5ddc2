package com.eucimageupdater.rollback;

import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.RunSettings;
import java.util.List;

/**
 * A promote run as the find step hands it on: the promoted execution's staged images and their production roll-outs,
 * in the shape of a build's summaries ({@code builds}), which the roll-out steps take as they are; or the problems that
 * stop it before any change.
 *
 * @param promote the execution whose staged images go to production
 * @param maxConcurrency production roll-outs at once
 */
public record PromoteRequest(String executionName, String runDate, int maxConcurrency, RunSettings run, String promote,
        List<Location> locations, List<PromotionPlanner.StagedLocation> builds, List<String> problems) {

    public PromoteRequest {
        locations = locations == null ? List.of() : List.copyOf(locations);
        builds = builds == null ? List.of() : List.copyOf(builds);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
