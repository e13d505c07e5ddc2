package com.eucimageupdater.rollback;

import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.RunSettings;
import java.util.List;

/**
 * A rollback run as the find step hands it on ({@code rollback}: the execution to reverse): the moves back, or the
 * problems that stop it before any change.
 */
public record RollbackRequest(String executionName, String runDate, RunSettings run, String rollback, List<Location> locations,
        List<RollbackPlanner.MoveBack> moves, List<String> problems) {

    public RollbackRequest {
        locations = locations == null ? List.of() : List.copyOf(locations);
        moves = moves == null ? List.of() : List.copyOf(moves);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
