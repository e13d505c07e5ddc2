package com.eucimageupdater.rollout;

import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.rebuild.BundleRebuild;
import java.util.List;

/**
 * Fleets or bundles to point at an image: staging, production, or back for a rollback.
 *
 * @param account, region where the image and its fleets or bundles are
 * @param record whether to record on the image which image each target used before (not for a rollback)
 * @param rolledOutBy for a production roll-out, the execution rolling it out, recorded with the previous images; else null
 * @param rebuilds for a production roll-out, the bundles whose WorkSpaces are rebuilt after it (the plan's), which the mail's
 *                 line for each says; else empty
 */
public record MoveRequest(Service service, String image, List<String> targets, String account, String region, boolean record,
        String rolledOutBy, List<BundleRebuild> rebuilds) {

    public MoveRequest {
        targets = targets == null ? List.of() : List.copyOf(targets);
        rebuilds = rebuilds == null ? List.of() : List.copyOf(rebuilds);
    }

    public Location location() {
        return new Location(account, region);
    }
}
