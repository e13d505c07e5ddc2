package com.eucimageupdater.build;

import com.eucimageupdater.lambda.JsonView;
import com.eucimageupdater.rebuild.BundleRebuild;
import com.eucimageupdater.report.ImageResult;
import com.eucimageupdater.rollout.ProductionRollout;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One account and Region's images after the build, summarised in its own child execution: each image's result in
 * a few fields, and what goes to production there. The run's data holds one of these per account and Region.
 *
 * @param error the caught error when the summary step failed: the images were built, but their results are lost here
 * @param wouldRebuild in a report-only run, the production bundles whose WorkSpaces a roll-out of the images it would update
 *                     would rebuild (RebuildMode.PREVIEW)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BuiltLocation(String account, String region, List<ImageResult> results, List<ProductionRollout> production, Object error,
        List<BundleRebuild> wouldRebuild) {

    public BuiltLocation {
        results = results == null ? List.of() : List.copyOf(results);
        production = production == null ? List.of() : List.copyOf(production);
        wouldRebuild = wouldRebuild == null ? List.of() : List.copyOf(wouldRebuild);
    }

    public BuiltLocation(String account, String region, List<ImageResult> results, List<ProductionRollout> production) {
        this(account, region, results, production, null, List.of());
    }

    /**
     * A location's summary from its images' results, each reason kept once: later images that failed alike point to the
     * first one's line.
     */
    public static BuiltLocation of(String account, String region, List<ImageResult> results, List<ProductionRollout> production,
            List<BundleRebuild> wouldRebuild) {
        Map<String, String> firstWithReason = new HashMap<>();
        List<ImageResult> compact = results.stream().map(result -> {
            if (result.reason() == null) {
                return result;
            }
            String earlier = firstWithReason.putIfAbsent(result.reason(), result.image());
            return earlier == null ? result : result.withReasonOf(earlier);
        }).toList();
        return new BuiltLocation(account, region, compact, production, null, wouldRebuild);
    }

    /** Why this location's summary is missing, when the step that writes it failed. */
    public String failure() {
        return error == null ? null : ImageResult.reasonFromError(JsonView.of(error));
    }
}
