package com.eucimageupdater.rollback;

import com.eucimageupdater.model.ImageState;
import com.eucimageupdater.model.ImageUpdateException;
import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.PipelineImage;
import com.eucimageupdater.model.RebuildSettings;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.model.ServicePorts;
import com.eucimageupdater.model.Target;
import com.eucimageupdater.rebuild.BundleRebuild;
import com.eucimageupdater.rollout.ProductionRollout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finishes a run whose production roll-out did not happen (approval rejected or timed out): finds the images it built,
 * from their tags, with the production fleets and bundles it meant them for and the image each one used then, and
 * checks first that nothing changed since: every image still AVAILABLE and not rolled out, every target still on the
 * image it used then and able to take the new one. Nothing goes on unless every check passes. Reads only.
 */
public final class PromotionPlanner {
    /** How the report lists an image built and staged by the promoted run. */
    private static final String STAGED = "STAGED";
    private final ServicePorts<RolloutRecords> services;

    public PromotionPlanner(ServicePorts<RolloutRecords> services) {
        this.services = services;
    }

    /**
     * An image the promoted run built and staged, in the shape of a build's image result.
     *
     * @param image the image it was made from
     * @param newImageName the new image's name where it is not its identifier (WorkSpaces), else null
     */
    public record StagedImage(Service service, String image, String outcome, String newImage, String newImageName, String state) {}

    /** One account and Region's staged images and what goes to production there, in the shape of a build's summary. */
    public record StagedLocation(String account, String region, List<StagedImage> results, List<ProductionRollout> production) {}

    public record Promotion(List<StagedLocation> builds, List<String> problems) {}

    /**
     * @param locations every account and Region the deployment works in: where the run's images are looked for
     * @param rebuildSettings each configured production bundle's rebuild settings: its WorkSpaces are rebuilt after the
     *                        roll-out as the monthly run would have (null or none: nothing rebuilt)
     */
    public Promotion plan(String executionName, List<Location> locations, List<RebuildSettings.ForBundle> rebuildSettings) {
        Map<String, RebuildSettings> rebuilds = RebuildSettings.ForBundle.byBundle(rebuildSettings);
        RunImages.Search search = RunImages.of(services, executionName, locations, "promote");
        List<String> problems = new ArrayList<>(search.problems());
        Map<Location, List<RunImages.Found>> byLocation = new LinkedHashMap<>();
        for (RunImages.Found found : search.images()) {
            // Copies in other Regions, and images built for staging only, record no production targets.
            if (found.image().productionImages().isEmpty()) {
                continue;
            }
            List<String> refusals = refusals(found);
            if (refusals.isEmpty()) {
                byLocation.computeIfAbsent(found.location(), location -> new ArrayList<>()).add(found);
            }
            refusals.forEach(refusal -> problems.add("promote: account " + found.location().account() + ", " + found.location().region()
                    + ": " + refusal));
        }
        if (byLocation.isEmpty() && problems.isEmpty()) {
            problems.add("promote: no image in the deployment's accounts and Regions was built by execution " + executionName
                    + " for production fleets or bundles (no such execution, a report-only run, a run that built nothing or had no"
                    + " production targets, or its images were deleted; runs of versions before promote record no production"
                    + " targets); nothing was changed");
        }
        List<StagedLocation> builds = byLocation.entrySet().stream().map(entry -> staged(entry.getKey(), entry.getValue(), rebuilds))
                .toList();
        return new Promotion(problems.isEmpty() ? builds : List.of(), problems);
    }

    private static StagedLocation staged(Location location, List<RunImages.Found> images, Map<String, RebuildSettings> rebuilds) {
        List<StagedImage> results = new ArrayList<>();
        List<ProductionRollout> production = new ArrayList<>();
        for (RunImages.Found found : images) {
            PipelineImage image = found.image();
            results.add(new StagedImage(found.type(), image.source(), STAGED, image.image(), image.name().equals(image.image()) ? null
                    : image.name(), image.status().serviceState()));
            List<String> targets = List.copyOf(image.productionImages().keySet());
            // As the monthly run would have: each bundle whose configured item asks for it, rebuilt onto the new image.
            List<BundleRebuild> rebuilt = targets.stream().filter(rebuilds::containsKey).flatMap(bundle -> BundleRebuild.afterRollout(
                    found.type(), location.account(), location.region(), image.image(), List.of(bundle), image.productionImages()::get,
                    rebuilds.get(bundle)).stream()).toList();
            production.add(new ProductionRollout(found.type(), location.account(), location.region(), image.source(), image.image(),
                    image.name(), targets, image.lineage(), image.keep(), rebuilt));
        }
        return new StagedLocation(location.account(), location.region(), results, production);
    }

    /** Why this image may not go to production now: it went already, it is not AVAILABLE, or a target changed. */
    private static List<String> refusals(RunImages.Found found) {
        PipelineImage image = found.image();
        String named = found.type() + " image " + image.name() + (image.name().equals(image.image()) ? "" : " (" + image.image() + ")");
        if (image.rolledOutBy() != null) {
            return List.of(named + " was rolled out to production already, by execution " + image.rolledOutBy() + " (to move it back:"
                    + " {\"rollback\": \"" + image.rolledOutBy() + "\"})");
        }
        if (image.status().state() != ImageState.AVAILABLE) {
            return List.of(named + " is " + image.status().serviceState() + ", not AVAILABLE: only AVAILABLE images go to production ("
                    + (image.status().state() == ImageState.PENDING ? "promote again once it is" : "delete it to promote the run's other"
                            + " images") + ")");
        }
        List<String> refusals = new ArrayList<>();
        image.productionImages().forEach((target, usedThen) -> {
            String refusal = targetRefusal(found, target, usedThen);
            if (refusal != null) {
                refusals.add(named + " for " + found.type().rules().target() + " " + target + ": " + refusal);
            }
        });
        return refusals;
    }

    private static String targetRefusal(RunImages.Found found, String target, String usedThen) {
        String newImage = found.image().image();
        try {
            Target now = found.service().describeTarget(target, found.location().account());
            if (newImage.equals(now.image())) {
                return "it uses this image already (moved since the run, by hand or by another run)";
            }
            if (!usedThen.equals(now.image())) {
                return "it uses " + now.image() + " now, not " + usedThen + " as when the run read it, so a promote would overwrite a"
                        + " change made since (point it back at " + usedThen + " and promote again, or move it to " + newImage
                        + " by hand)";
            }
            return found.service().refusal(now, newImage);
        } catch (ImageUpdateException e) {
            return e.getMessage();
        }
    }
}
