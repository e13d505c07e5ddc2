package com.eucimageupdater.publish;

import com.eucimageupdater.model.RunSettings;
import com.eucimageupdater.rollback.RollbackPlanner;
import com.eucimageupdater.rollout.ProductionRollout;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What one publish state of the workflow hands over: the builds' summaries (after they are summarised), the production
 * roll-outs with their results (after RollOutToProduction), or a rollback's moves with their results (after MoveBack).
 *
 * @param builds each account and Region's summary, as SummarizeBuilds wrote it
 * @param results the roll-outs' or the moves back's results, in the order of {@code production} or {@code moves}
 * @param rollback for a rollback: the execution whose roll-out it reversed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PublishRequest(RunSettings run, List<Object> builds, List<ProductionRollout> production, List<Object> results,
        String rollback, List<RollbackPlanner.MoveBack> moves) {

    public PublishRequest {
        builds = builds == null ? List.of() : List.copyOf(builds);
        production = production == null ? List.of() : List.copyOf(production);
        results = results == null ? List.of() : List.copyOf(results);
        moves = moves == null ? List.of() : List.copyOf(moves);
    }
}
