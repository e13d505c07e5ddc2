package com.eucimageupdater.rollout;

import com.eucimageupdater.model.Service;
import com.eucimageupdater.rebuild.BundleRebuild;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One new image's production roll-out: its production fleets or bundles, and the retention of its lineage that
 * follows a successful roll-out.
 *
 * @param account, region where the image and its production fleets or bundles are
 * @param newImage the service's identifier of the new image (AppStream: name; WorkSpaces: id)
 * @param keep how many of the lineage's newest images to keep; 0 keeps them all
 * @param rebuilds the production bundles whose WorkSpaces are rebuilt onto the new image after the roll-out (the item's rebuild)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductionRollout(Service service, String account, String region, String source, String newImage, String newImageName,
        List<String> targets, String lineage, int keep, List<BundleRebuild> rebuilds) {

    public ProductionRollout {
        targets = List.copyOf(targets);
        rebuilds = rebuilds == null ? List.of() : List.copyOf(rebuilds);
    }

    /** A roll-out that rebuilds no WorkSpace. */
    public ProductionRollout(Service service, String account, String region, String source, String newImage, String newImageName,
            List<String> targets, String lineage, int keep) {
        this(service, account, region, source, newImage, newImageName, targets, lineage, keep, List.of());
    }
}
