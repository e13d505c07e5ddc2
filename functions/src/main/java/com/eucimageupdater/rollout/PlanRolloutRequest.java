package com.eucimageupdater.rollout;

import com.eucimageupdater.build.BuiltLocation;
import com.eucimageupdater.model.RunSettings;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** Each account and Region's built images, summarised, and the run's settings. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanRolloutRequest(List<BuiltLocation> builds, RunSettings run) {

    public PlanRolloutRequest {
        builds = builds == null ? List.of() : List.copyOf(builds);
    }
}
