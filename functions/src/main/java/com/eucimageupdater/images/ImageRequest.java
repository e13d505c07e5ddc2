package com.eucimageupdater.images;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** One image an admin asked to keep patched, as validated from the execution input or cdk.json: a Map item. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ImageRequest(
        Service service, String image, String displayName, String description, Map<String, String> tags) {

    public ImageRequest {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
