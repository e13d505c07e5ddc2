package com.eucimageupdater.images;

import java.util.Map;

/**
 * An image a roll-out moved fleets or bundles to, and the image each of them used before (from its tags).
 *
 * @param image the service's identifier (AppStream: name; WorkSpaces: id)
 */
public record RolledOut(String image, Map<String, String> previousByTarget) {

    public RolledOut {
        previousByTarget = Map.copyOf(previousByTarget);
    }
}
