package com.eucimageupdater.rebuild;

import com.eucimageupdater.model.Service;
import java.util.List;

/**
 * One bundle's rebuild as the mail reads it (the Map item's result): small, every list capped at {@link #LISTED} entries beside
 * its count.
 *
 * @param workspaces the WorkSpaces on the bundle when last listed
 * @param rebuiltIds the first of the WorkSpaces this run rebuilt
 * @param alreadyRebuilt WorkSpaces whose tag names the image (an earlier run rebuilt them); for a rollback, also those the
 *                       roll-out never rebuilt (nothing to undo)
 * @param failed the first failed rebuilds, {@code failedCount} in all
 * @param skipped by reason (NOT_AVAILABLE also by State): those still skipped when the bundle was done
 * @param stillOnOldImage {@code workspaces - rebuilt - alreadyRebuilt}
 * @param stoppedBecause why the rest were not rebuilt (STOPPED) or nothing was (REFUSED); else null
 * @param wouldRebuild, wouldRebuildIds report-only: how many would be rebuilt now, and the first of them; else null
 */
public record RebuildResult(Service service, String account, String region, String bundle, String image, String from, RebuildMode mode,
        RebuildOutcome outcome, int workspaces, int rebuilt, List<String> rebuiltIds, int alreadyRebuilt, List<Failure> failed,
        int failedCount, List<Skipped> skipped, int stillOnOldImage, int waves, String stoppedBecause, Integer wouldRebuild,
        List<String> wouldRebuildIds) {
    /** Ids listed per list: the mail names a few, the counts say how many. */
    public static final int LISTED = 20;

    public RebuildResult {
        rebuiltIds = rebuiltIds == null ? List.of() : List.copyOf(rebuiltIds);
        failed = failed == null ? List.of() : List.copyOf(failed);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    /** A rebuild that failed: the WorkSpace's State then, and why. */
    public record Failure(String workspaceId, String state, String reason) {}

    /**
     * WorkSpaces skipped for one reason (NOT_AVAILABLE: in one State).
     *
     * @param state for NOT_AVAILABLE, the State they were in; else null
     */
    public record Skipped(SkipReason reason, String state, int count, List<String> workspaceIds) {
        public Skipped {
            workspaceIds = workspaceIds == null ? List.of() : List.copyOf(workspaceIds);
        }
    }
}
