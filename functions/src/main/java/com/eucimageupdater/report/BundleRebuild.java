package com.eucimageupdater.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One bundle's rebuild, as the rebuild step answered it (an item result of the state machine's {@code RebuildEachBundle}):
 * what the mail says of its WorkSpaces comes from here alone. Its lists are capped by the step (the counts are not).
 *
 * @param image the image the WorkSpaces are rebuilt onto: the bundle's new image, or for a rollback its image before
 * @param from the image they leave: the bundle's image before, or for a rollback the rolled-back one
 * @param workspaces the WorkSpaces on the bundle (DescribeWorkspaces BundleId)
 * @param alreadyRebuilt those whose tag {@code euc-image-updater:rebuilt} already named {@code image}: never touched again
 * @param stillOnOldImage those not rebuilt onto {@code image}, by this run or an earlier one
 * @param waves the waves started (the canary wave counts)
 * @param stoppedBecause why no more waves were started (a failed canary, more than maxFailures failures, the window's end
 *                       with only skipped WorkSpaces left) or, when refused, why nothing was rebuilt; else null
 * @param wouldRebuild for a report-only run, how many would be rebuilt now
 * @param error the state machine's caught error when the step itself failed; else null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BundleRebuild(String service, String account, String region, String bundle, String image, String from, Mode mode,
        Outcome outcome, int workspaces, int rebuilt, List<String> rebuiltIds, int alreadyRebuilt, List<Failed> failed,
        List<Skipped> skipped, int stillOnOldImage, int waves, String stoppedBecause, int wouldRebuild, List<String> wouldRebuildIds,
        JsonNode error) {

    public enum Mode { ROLLOUT, ROLLBACK }

    public enum Outcome {
        /** Every wave ran; some may still have been skipped, or failed within maxFailures. */
        REBUILT,
        /** A failed canary, more than maxFailures failures, or the window's end stopped the rest. */
        STOPPED,
        /** A report-only run: nothing rebuilt. */
        WOULD_REBUILD,
        /** Refused at its first call, nothing rebuilt (e.g. the bundle's waves would not fit in the execution's history). */
        REFUSED,
        /** The step failed: see {@code error}. */
        FAILED
    }

    /** A WorkSpace whose rebuild failed: ERROR or UNHEALTHY, or not back AVAILABLE within the wave's bound. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Failed(String workspaceId, String state, String reason) {}

    /**
     * WorkSpaces left alone for one reason when the bundle was done.
     *
     * @param reason NOT_AVAILABLE, USER_CONNECTED, SNAPSHOT_OLDER_THAN_LAST_CONNECTION or ADMIN_MAINTENANCE
     * @param state for NOT_AVAILABLE, the state they were in, when the step names one
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Skipped(String reason, String state, int count, List<String> workspaceIds) {
        public Skipped {
            workspaceIds = workspaceIds == null ? List.of() : List.copyOf(workspaceIds);
        }
    }

    public BundleRebuild {
        mode = mode == null ? Mode.ROLLOUT : mode;
        outcome = outcome == null ? Outcome.FAILED : outcome;
        rebuiltIds = rebuiltIds == null ? List.of() : List.copyOf(rebuiltIds);
        failed = failed == null ? List.of() : List.copyOf(failed);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
        wouldRebuildIds = wouldRebuildIds == null ? List.of() : List.copyOf(wouldRebuildIds);
    }

    /** Whether the admin must look at this bundle: a WorkSpace failed, or the rebuild stopped, was refused or failed. */
    boolean needsAttention() {
        return !failed.isEmpty() || outcome == Outcome.STOPPED || outcome == Outcome.REFUSED || outcome == Outcome.FAILED;
    }
}
