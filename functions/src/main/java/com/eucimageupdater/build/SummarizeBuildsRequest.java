package com.eucimageupdater.build;

import com.eucimageupdater.model.RunSettings;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One account and Region's images as the build Map's Record states left them, those a scheduled run skipped there, and the
 * run's settings.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SummarizeBuildsRequest(String account, String region, List<Object> results, List<SkippedLineage> skipped, RunSettings run) {

    public SummarizeBuildsRequest {
        results = results == null ? List.of() : List.copyOf(results);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }
}
