package com.eucimageupdater.rollback;

import com.eucimageupdater.model.RebuildSettings;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.rebuild.BundleRebuild;
import com.eucimageupdater.rebuild.RebuildMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rollback's rebuilds ({@code "rebuild": true}): the WorkSpaces of each bundle it moves back, rebuilt back onto the bundle's
 * image with the rebuild settings the deployment's configured images give that bundle. A bundle without any is refused before
 * anything changes.
 */
final class RollbackRebuilds {

    record Planned(List<BundleRebuild> rebuilds, List<String> problems) {}

    private RollbackRebuilds() {}

    /** @param configured each configured production bundle's settings; null when the rollback rebuilds nothing */
    static Planned of(List<RollbackPlanner.MoveBack> moves, List<RebuildSettings.ForBundle> configured) {
        if (configured == null) {
            return new Planned(List.of(), List.of());
        }
        Map<String, RebuildSettings> byBundle = RebuildSettings.ForBundle.byBundle(configured);
        List<BundleRebuild> rebuilds = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (RollbackPlanner.MoveBack move : moves) {
            if (move.service() != Service.WORKSPACES) {
                continue;
            }
            for (String bundle : move.targets()) {
                Optional.ofNullable(byBundle.get(bundle)).map(settings -> new BundleRebuild(move.service(), move.account(), move.region(),
                        bundle, move.image(), move.from(), RebuildMode.ROLLBACK, settings)).ifPresentOrElse(rebuilds::add,
                                () -> problems.add("rebuild: bundle " + bundle + " (" + move.account() + " " + move.region() + ") moves back"
                                        + " to " + move.image() + ", but no configured image gives it rebuild settings (cdk.json images[]"
                                        + ".rebuild, on the item whose bundles name it); nothing was changed"));
            }
        }
        return new Planned(problems.isEmpty() ? rebuilds : List.of(), problems);
    }
}
