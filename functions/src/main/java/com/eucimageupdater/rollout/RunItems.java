package com.eucimageupdater.rollout;

import com.eucimageupdater.images.ImageRequest;
import com.eucimageupdater.images.RunSettings;
import java.util.List;

/**
 * The run as the plan step left it and the resolve step hands it on: its images (resolved and merged once the
 * fleets and bundles are read) or the problems that stop it before any change.
 */
public record RunItems(String executionName, String runDate, int maxConcurrency, RunSettings run, List<ImageRequest> images,
        List<String> problems) {

    public RunItems {
        images = images == null ? List.of() : List.copyOf(images);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** Whether resolving needs AWS: some image names a fleet or bundle, as its source or as a target. */
    public boolean hasTargets() {
        return images.stream().anyMatch(image -> !image.targets().isEmpty());
    }
}
