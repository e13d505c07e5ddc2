package com.eucimageupdater.rollout;

import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.Service;
import java.util.List;

/**
 * Fleets or bundles to point at an image: staging, production, or back for a rollback.
 *
 * @param account, region where the image and its fleets or bundles are
 * @param record whether to record on the image which image each target used before (not for a rollback)
 * @param rolledOutBy for a production roll-out, the execution rolling it out, recorded with the previous images; else null
 */
public record MoveRequest(Service service, String image, List<String> targets, String account, String region, boolean record,
        String rolledOutBy) {

    public MoveRequest {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    public Location location() {
        return new Location(account, region);
    }
}
