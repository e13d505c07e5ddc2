package com.eucimageupdater.rollback;

import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.RunSettings;
import com.eucimageupdater.rebuild.BundleRebuild;
import java.util.List;

/**
 * A rollback run as the find step hands it on ({@code rollback}: the execution to reverse): the moves back, or the
 * problems that stop it before any change.
 *
 * @param rebuilds with {@code "rebuild": true}, the moved-back bundles whose WorkSpaces are rebuilt: RebuildEachBundle's items
 */
public record RollbackRequest(String executionName, String runDate, RunSettings run, String rollback, List<Location> locations,
        List<RollbackPlanner.MoveBack> moves, List<String> problems, List<BundleRebuild> rebuilds) {

    public RollbackRequest {
        locations = locations == null ? List.of() : List.copyOf(locations);
        moves = moves == null ? List.of() : List.copyOf(moves);
        problems = problems == null ? List.of() : List.copyOf(problems);
        rebuilds = rebuilds == null ? List.of() : List.copyOf(rebuilds);
    }
}
