package com.eucimageupdater.retire;

import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.Service;
import java.util.List;

/**
 * Retention for one lineage.
 *
 * @param keep the newest images to keep; 0 keeps them all (nothing to do)
 * @param spare images never deleted in this run: its source and its new image
 * @param previous the images the roll-out moved fleets and bundles away from: a rollback needs them
 * @param apply false for a report-only preview, made before the new image exists: it will take one kept place
 * @param productionTargets for the approval mail's preview, made once the new image exists: the fleets or bundles that
 *                          approving moves, whose images now are what the roll-out keeps for a rollback
 */
public record RetireRequest(Service service, String account, String region, String lineage, int keep, List<String> spare,
        List<String> previous, boolean apply, List<String> productionTargets) {

    public RetireRequest {
        spare = spare == null ? List.of() : List.copyOf(spare);
        previous = previous == null ? List.of() : List.copyOf(previous);
        productionTargets = productionTargets == null ? List.of() : List.copyOf(productionTargets);
    }

    public Location location() {
        return new Location(account, region);
    }
}
