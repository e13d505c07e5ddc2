package com.eucimageupdater.images;

import java.util.Map;

/** One image an admin asked to keep patched, as validated from the execution input or cdk.json. */
public record ImageRequest(
        Service service, String image, String displayName, String description, Map<String, String> tags) {

    public ImageRequest {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
