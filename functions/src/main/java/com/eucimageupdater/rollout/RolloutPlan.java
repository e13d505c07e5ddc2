package com.eucimageupdater.rollout;

import com.eucimageupdater.build.BuiltLocation;
import com.eucimageupdater.lambda.JsonView;
import com.eucimageupdater.model.Approval;
import com.eucimageupdater.model.RunSettings;
import com.eucimageupdater.model.RebuildSettings;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.rebuild.BundleRebuild;
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
 * @param rebuilds the production bundles whose WorkSpaces are rebuilt after the roll-out: RebuildEachBundle's items
 */
public record RolloutPlan(List<ProductionRollout> production, boolean approvalNeeded, String promoted, List<BundleRebuild> rebuilds) {

    /** Every production roll-out of the built locations, whether an approval comes first, and the bundles rebuilt after it. */
    public static RolloutPlan of(List<BuiltLocation> builds, RunSettings run) {
        List<ProductionRollout> production = builds.stream().flatMap(build -> build.production().stream()).toList();
        List<BundleRebuild> rebuilds = new ArrayList<>(production.stream().flatMap(rollout -> rollout.rebuilds().stream()).toList());
        builds.forEach(build -> rebuilds.addAll(build.wouldRebuild()));
        return new RolloutPlan(production, !run.dryRun() && !production.isEmpty() && run.approval() != null && run.approval().asksFirst(),
                run.promote(), rebuilds);
    }

    /**
     * What one account and Region sends to production: every new image (made or adopted) with production targets.
     *
     * @param results the build Map's results, as its Record states shaped them
     */
    public static List<ProductionRollout> production(List<JsonView> results) {
        List<ProductionRollout> production = new ArrayList<>();
        for (JsonView result : withProductionTargets(results, Outcome.UPDATED)) {
            JsonView item = result.path("item");
            List<String> targets = targets(item);
            Service service = Service.valueOf(result.path("service").asText());
            String account = item.path("account").asText(null);
            String region = item.path("region").asText(null);
            String newImage = result.at("/start/newImage").asText();
            List<BundleRebuild> rebuilds = BundleRebuild.afterRollout(service, account, region, newImage, targets,
                    target -> item.path("productionImages").path(target).asText(""), rebuildSettings(item.path("rebuild")));
            production.add(new ProductionRollout(service, account, region, result.path("image").asText(), newImage,
                    result.at("/start/newImageName").asText(), targets, result.path("lineage").asText(), item.path("keep").asInt(0),
                    rebuilds));
        }
        return production;
    }

    /**
     * In a report-only run, the production bundles whose WorkSpaces a roll-out of each image it would update would rebuild (the
     * item's rebuild), onto the image the update would create.
     *
     * @param results the build Map's results, as its Record states shaped them
     */
    public static List<BundleRebuild> wouldRebuild(List<JsonView> results) {
        List<BundleRebuild> rebuilds = new ArrayList<>();
        for (JsonView result : withProductionTargets(results, Outcome.WOULD_UPDATE)) {
            JsonView item = result.path("item");
            rebuilds.addAll(BundleRebuild.wouldRollOut(Service.valueOf(result.path("service").asText()), item.path("account").asText(null),
                    item.path("region").asText(null), result.path("newImageName").asText(), targets(item),
                    target -> item.path("productionImages").path(target).asText(""), rebuildSettings(item.path("rebuild"))));
        }
        return rebuilds;
    }

    private static List<JsonView> withProductionTargets(List<JsonView> results, Outcome outcome) {
        return results.stream().filter(result -> outcome.name().equals(result.path("outcome").asText())
                && !result.path("item").path("productionTargets").isEmpty()).toList();
    }

    private static List<String> targets(JsonView item) {
        List<String> targets = new ArrayList<>();
        item.path("productionTargets").forEach(target -> targets.add(target.asText()));
        return targets;
    }

    /** The item's rebuild settings, as the plan validated them; null when it asks for none. */
    private static RebuildSettings rebuildSettings(JsonView rebuild) {
        if (!rebuild.isObject()) {
            return null;
        }
        JsonView window = rebuild.path("window");
        List<String> days = new ArrayList<>();
        window.path("days").forEach(day -> days.add(day.asText()));
        return new RebuildSettings(rebuild.path("canary").asInt(), rebuild.path("batchSize").asInt(), rebuild.path("maxFailures").asInt(),
                rebuild.path("waveTimeoutMinutes").asInt(), new RebuildSettings.Window(days, window.path("start").asText(),
                        window.path("hours").asInt()));
    }
}
