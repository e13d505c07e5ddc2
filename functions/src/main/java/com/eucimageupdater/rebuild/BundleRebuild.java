package com.eucimageupdater.rebuild;

import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.RebuildSettings;
import com.eucimageupdater.model.Service;
import java.util.List;
import java.util.function.Function;

/**
 * One bundle whose WorkSpaces are rebuilt: an item of the state machine's RebuildEachBundle Map, each a child execution.
 *
 * @param image the image the WorkSpaces are rebuilt onto: the bundle's image after the roll-out, or after the rollback's move back
 *              (in a report-only run, the name of the image the update would create)
 * @param from the image they leave: the bundle's before the roll-out, or the rolled-back one; empty when unknown
 * @param settings the item's rebuild settings (for a rollback, the deployment's configured ones for the bundle)
 */
public record BundleRebuild(Service service, String account, String region, String bundle, String image, String from, RebuildMode mode,
        RebuildSettings settings) {

    public Location location() {
        return new Location(account, region);
    }

    /**
     * After a roll-out of {@code image} to these production bundles, each bundle's WorkSpaces, when the item asks for it
     * ({@code settings} not null): none otherwise, and none for AppStream (its fleets replace instances as sessions end).
     *
     * @param previousOf the image each bundle used when the run read it; empty when unknown
     */
    public static List<BundleRebuild> afterRollout(Service service, String account, String region, String image, List<String> bundles,
            Function<String, String> previousOf, RebuildSettings settings) {
        return of(service, account, region, image, bundles, previousOf, settings, RebuildMode.ROLLOUT);
    }

    /**
     * In a report-only run, what a roll-out of the image an update would create ({@code imageName}) would rebuild: as
     * {@link #afterRollout}, in {@link RebuildMode#PREVIEW}.
     */
    public static List<BundleRebuild> wouldRollOut(Service service, String account, String region, String imageName,
            List<String> bundles, Function<String, String> previousOf, RebuildSettings settings) {
        return of(service, account, region, imageName, bundles, previousOf, settings, RebuildMode.PREVIEW);
    }

    private static List<BundleRebuild> of(Service service, String account, String region, String image, List<String> bundles,
            Function<String, String> previousOf, RebuildSettings settings, RebuildMode mode) {
        if (settings == null || service != Service.WORKSPACES) {
            return List.of();
        }
        return bundles.stream().map(bundle -> new BundleRebuild(service, account, region, bundle, image, previousOf.apply(bundle),
                mode, settings)).toList();
    }
}
