package com.eucimageupdater.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One image an admin asked to keep patched, as validated from the execution input or cdk.json: a Map item.
 *
 * @param image the source image; null until resolved when the source is given as a fleet or bundle
 * @param fromTarget the fleet or bundle whose image is the source (it is also a production target)
 * @param stagingTargets fleets or bundles moved to the new image as soon as it is AVAILABLE
 * @param productionTargets fleets or bundles moved after approval
 * @param productionImages the image each production target used when the run read it (the resolve step fills it in),
 *                         recorded on the new image for a later promote; null before, and without production targets
 * @param keep how many of the lineage's newest images retention keeps; 0 keeps them all
 * @param account the account that owns the image and its fleets or bundles (the plan fills in the deployment's own)
 * @param region the Region of the image and its fleets or bundles (the plan fills in the deployment's own)
 * @param copyToRegions Regions of the same account that receive a copy of the new image
 * @param shareWithAccounts accounts the new image is shared with, in its Region
 * @param unreachable why the account could not be reached when its fleets or bundles were read: the image fails with it
 * @param gate how the staged image is validated before approval; null until the plan resolves it
 * @param rebuild how the WorkSpaces of the production bundles are rebuilt onto the new image after the roll-out; null: never
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ImageRequest(
        Service service, String image, String fromTarget, String displayName, String description, Map<String, String> tags,
        List<String> stagingTargets, List<String> productionTargets, Map<String, String> productionImages, int keep, String account,
        String region, List<String> copyToRegions, List<String> shareWithAccounts, String unreachable, StagingGate gate,
        RebuildSettings rebuild) {

    public ImageRequest {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        stagingTargets = stagingTargets == null ? List.of() : List.copyOf(stagingTargets);
        productionTargets = productionTargets == null ? List.of() : List.copyOf(productionTargets);
        // Left out of the run's data until there is something to say: every item travels in it.
        productionImages = productionImages == null || productionImages.isEmpty() ? null : Map.copyOf(productionImages);
        copyToRegions = copyToRegions == null ? List.of() : List.copyOf(copyToRegions);
        shareWithAccounts = shareWithAccounts == null ? List.of() : List.copyOf(shareWithAccounts);
    }

    /** An item that rebuilds no WorkSpace. */
    public ImageRequest(Service service, String image, String fromTarget, String displayName, String description, Map<String, String> tags,
            List<String> stagingTargets, List<String> productionTargets, Map<String, String> productionImages, int keep, String account,
            String region, List<String> copyToRegions, List<String> shareWithAccounts, String unreachable, StagingGate gate) {
        this(service, image, fromTarget, displayName, description, tags, stagingTargets, productionTargets, productionImages, keep, account,
                region, copyToRegions, shareWithAccounts, unreachable, gate, null);
    }

    /** An image with no roll-out: only the new image is built. */
    public ImageRequest(Service service, String image, String displayName, String description, Map<String, String> tags) {
        this(service, image, null, displayName, description, tags, List.of(), List.of(), null, 0, null, null, List.of(), List.of(), null,
                null);
    }

    public ImageRequest withKeep(int newKeep) {
        return new ImageRequest(service, image, fromTarget, displayName, description, tags, stagingTargets, productionTargets,
                productionImages, newKeep, account, region, copyToRegions, shareWithAccounts, unreachable, gate, rebuild);
    }

    public ImageRequest at(Location location) {
        return new ImageRequest(service, image, fromTarget, displayName, description, tags, stagingTargets, productionTargets,
                productionImages, keep, location.account(), location.region(), copyToRegions, shareWithAccounts, unreachable, gate,
                rebuild);
    }

    /**
     * The source image once resolved from its fleet or bundle (now a production target like the others), with the image
     * each production target uses now.
     */
    public ImageRequest resolved(String source, Map<String, String> productionImagesNow) {
        return new ImageRequest(service, source, null, displayName, description, tags, stagingTargets,
                List.copyOf(productionImagesNow.keySet()), productionImagesNow, keep, account, region, copyToRegions, shareWithAccounts,
                null, gate, rebuild);
    }

    /** An item whose account could not be reached: named by its fleet or bundle when its image is unknown. */
    public ImageRequest unreachable(String reason) {
        return new ImageRequest(service, image != null ? image : fromTarget, fromTarget, displayName, description, tags, stagingTargets,
                productionTargets, productionImages, keep, account, region, copyToRegions, shareWithAccounts, reason, gate, rebuild);
    }

    /** The item with its gate as planned: its own timeout or the deployment's, and the poll count that bounds it. */
    public ImageRequest withGate(StagingGate planned) {
        return new ImageRequest(service, image, fromTarget, displayName, description, tags, stagingTargets, productionTargets,
                productionImages, keep, account, region, copyToRegions, shareWithAccounts, unreachable, planned, rebuild);
    }

    /** The item with the rebuild of its production bundles' WorkSpaces, as validated. */
    public ImageRequest withRebuild(RebuildSettings settings) {
        return new ImageRequest(service, image, fromTarget, displayName, description, tags, stagingTargets, productionTargets,
                productionImages, keep, account, region, copyToRegions, shareWithAccounts, unreachable, gate, settings);
    }

    /** The image the production target used when the run read it; empty when unknown. */
    public String imageUsedBy(String productionTarget) {
        return productionImages == null ? "" : productionImages.getOrDefault(productionTarget, "");
    }

    /** Where the image lives; {@code fallback} (the run's own account and Region) fills what the item leaves out. */
    public Location location(Location fallback) {
        return new Location(account != null ? account : fallback.account(), region != null ? region : fallback.region());
    }

    /** The production fleets or bundles: the source's, then those listed. */
    public List<String> allProductionTargets() {
        List<String> production = new ArrayList<>();
        if (fromTarget != null) {
            production.add(fromTarget);
        }
        production.addAll(productionTargets);
        return production;
    }

    /** Every fleet or bundle the request names: the source's, then staging, then production. */
    public List<String> targets() {
        List<String> targets = new ArrayList<>();
        if (fromTarget != null) {
            targets.add(fromTarget);
        }
        targets.addAll(stagingTargets);
        targets.addAll(productionTargets);
        return targets;
    }
}
