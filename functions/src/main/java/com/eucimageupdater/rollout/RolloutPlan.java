package com.eucimageupdater.rollout;

import com.eucimageupdater.build.BuiltLocation;
import com.eucimageupdater.lambda.JsonView;
import com.eucimageupdater.model.Approval;
import com.eucimageupdater.model.RunSettings;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.report.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * What goes to production once the images are built and staged: every new image (made or adopted) that has
 * production targets, and whether an approval must come first.
 *
 * @param approvalNeeded production targets exist, the run asks first (approval required, or auto: a reject may stop it), and it
 *                       is not report-only
 * @param promoted for a promote run, the execution that built and staged the images; else null
 */
public record RolloutPlan(List<ProductionRollout> production, boolean approvalNeeded, String promoted) {

    /** Every production roll-out of the built locations, and whether an approval comes first. */
    public static RolloutPlan of(List<BuiltLocation> builds, RunSettings run) {
        List<ProductionRollout> production = builds.stream().flatMap(build -> build.production().stream()).toList();
        return new RolloutPlan(production, !run.dryRun() && !production.isEmpty() && run.approval() != null && run.approval().asksFirst(),
                run.promote());
    }

    /**
     * What one account and Region sends to production: every new image (made or adopted) with production targets.
     *
     * @param results the build Map's results, as its Record states shaped them
     */
    public static List<ProductionRollout> production(List<JsonView> results) {
        List<ProductionRollout> production = new ArrayList<>();
        for (JsonView result : results) {
            JsonView item = result.path("item");
            if (!Outcome.UPDATED.name().equals(result.path("outcome").asText()) || item.path("productionTargets").isEmpty()) {
                continue;
            }
            List<String> targets = new ArrayList<>();
            item.path("productionTargets").forEach(target -> targets.add(target.asText()));
            production.add(new ProductionRollout(Service.valueOf(result.path("service").asText()), item.path("account").asText(null),
                    item.path("region").asText(null), result.path("image").asText(), result.at("/start/newImage").asText(),
                    result.at("/start/newImageName").asText(), targets, result.path("lineage").asText(), item.path("keep").asInt(0)));
        }
        return production;
    }
}
