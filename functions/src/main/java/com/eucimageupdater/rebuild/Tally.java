package com.eucimageupdater.rebuild;

import java.util.ArrayList;
import java.util.List;

/** The counts of one bundle's rebuild as the waves go, kept in its {@link RebuildResult} between calls. */
final class Tally {
    private final BundleRebuild item;
    int workspaces;
    int rebuilt;
    int alreadyRebuilt;
    int failedCount;
    int waves;
    private final List<String> rebuiltIds;
    private final List<RebuildResult.Failure> failed;

    private Tally(BundleRebuild item, RebuildResult before) {
        this.item = item;
        this.rebuiltIds = new ArrayList<>(before == null ? List.of() : before.rebuiltIds());
        this.failed = new ArrayList<>(before == null ? List.of() : before.failed());
        if (before != null) {
            workspaces = before.workspaces();
            rebuilt = before.rebuilt();
            alreadyRebuilt = before.alreadyRebuilt();
            failedCount = before.failedCount();
            waves = before.waves();
        }
    }

    static Tally of(BundleRebuild item, RebuildResult before) {
        return new Tally(item, before);
    }

    void rebuilt(String id) {
        rebuilt++;
        if (rebuiltIds.size() < RebuildResult.LISTED) {
            rebuiltIds.add(id);
        }
    }

    void failed(String id, String state, String reason) {
        failedCount++;
        if (failed.size() < RebuildResult.LISTED) {
            failed.add(new RebuildResult.Failure(id, state, reason));
        }
    }

    /** The first failure's WorkSpace and State, for a stopped canary. */
    RebuildResult.Failure firstFailure() {
        return failed.get(0);
    }

    RebuildResult result(RebuildOutcome outcome, Skips skips, String stoppedBecause) {
        return new RebuildResult(item.service(), item.account(), item.region(), item.bundle(), item.image(), item.from(), item.mode(), outcome,
                workspaces, rebuilt, rebuiltIds, alreadyRebuilt, failed, failedCount, skips.grouped(RebuildResult.LISTED),
                Math.max(0, workspaces - rebuilt - alreadyRebuilt), waves, stoppedBecause, null, null);
    }

    /** Report-only: what would be rebuilt now. */
    RebuildResult wouldRebuild(Skips skips, List<String> ids) {
        return new RebuildResult(item.service(), item.account(), item.region(), item.bundle(), item.image(), item.from(), item.mode(),
                RebuildOutcome.WOULD_REBUILD, workspaces, 0, List.of(), alreadyRebuilt, List.of(), 0, skips.grouped(RebuildResult.LISTED),
                Math.max(0, workspaces - alreadyRebuilt), 0, null, ids.size(), ids.subList(0, Math.min(RebuildResult.LISTED, ids.size())));
    }
}
