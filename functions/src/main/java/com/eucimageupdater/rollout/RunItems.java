package com.eucimageupdater.rollout;

import com.eucimageupdater.build.SkippedLineage;
import com.eucimageupdater.model.ImageRequest;
import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.RunSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run as the plan step left it ({@code images}) and the resolve step hands it on: its images resolved, merged
 * and grouped by account and Region ({@code builds}, one child execution each), or the problems that stop it before
 * any change.
 *
 * @param maxConcurrency images at once in the whole run
 * @param locationsAtOnce accounts and Regions built at once, so that the whole run stays within {@code maxConcurrency}
 * @param locations every account and Region the deployment works in, as the plan listed them, which the mail's drift
 *                  section surveys; passed on unchanged
 */
public record RunItems(String executionName, String runDate, int maxConcurrency, RunSettings run, List<ImageRequest> images,
        List<Build> builds, int locationsAtOnce, List<String> problems, List<Location> locations) {

    public RunItems(String executionName, String runDate, int maxConcurrency, RunSettings run, List<ImageRequest> images,
            List<Build> builds, int locationsAtOnce, List<String> problems) {
        this(executionName, runDate, maxConcurrency, run, images, builds, locationsAtOnce, problems, null);
    }

    /**
     * The images of one account and Region, built in one child execution with that location's own concurrency.
     *
     * @param skipped the images a scheduled run does not build there (disableAfterFailures), for the location's summary
     */
    public record Build(String account, String region, List<ImageRequest> images, List<SkippedLineage> skipped) {
        public Build {
            images = images == null ? List.of() : List.copyOf(images);
            skipped = skipped == null ? List.of() : List.copyOf(skipped);
        }
    }

    public RunItems {
        images = images == null ? List.of() : List.copyOf(images);
        builds = builds == null ? List.of() : List.copyOf(builds);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** Whether resolving needs AWS: some image names a fleet or bundle, as its source or as a target. */
    public boolean hasTargets() {
        return images.stream().anyMatch(image -> !image.targets().isEmpty());
    }

    /** The resolved images, grouped by account and Region in the order they first appear. */
    public RunItems resolved(List<ImageRequest> resolved, List<String> resolveProblems) {
        return resolved(resolved, Map.of(), resolveProblems);
    }

    /**
     * The resolved images, grouped by account and Region in the order they first appear, those {@code skipped} apart in their
     * location's build.
     */
    public RunItems resolved(List<ImageRequest> resolved, Map<ImageRequest, SkippedLineage> skipped, List<String> resolveProblems) {
        Map<Location, List<ImageRequest>> byLocation = new LinkedHashMap<>();
        Map<Location, List<SkippedLineage>> skippedByLocation = new LinkedHashMap<>();
        resolved.forEach(item -> {
            Location location = item.location(run.location());
            byLocation.computeIfAbsent(location, where -> new ArrayList<>());
            if (skipped.containsKey(item)) {
                skippedByLocation.computeIfAbsent(location, where -> new ArrayList<>()).add(skipped.get(item));
            } else {
                byLocation.get(location).add(item);
            }
        });
        List<Build> grouped = byLocation.entrySet().stream().map(entry -> new Build(entry.getKey().account(), entry.getKey().region(),
                entry.getValue(), skippedByLocation.get(entry.getKey()))).toList();
        int perLocation = Math.max(1, run.maxConcurrency());
        return new RunItems(executionName, runDate, maxConcurrency, run, List.of(), resolveProblems.isEmpty() ? grouped : List.of(),
                Math.max(1, maxConcurrency / perLocation), resolveProblems, locations);
    }
}
