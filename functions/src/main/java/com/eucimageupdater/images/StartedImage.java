package com.eucimageupdater.images;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The updated image being built.
 *
 * @param newImage what the service identifies it by: the name for AppStream, the wsi- id for WorkSpaces
 * @param adopted true when an earlier run (or a concurrent one) had already started it
 * @param startedAt when the start step ran (ISO-8601), from which the report counts build minutes
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StartedImage(String newImage, String newImageName, boolean adopted, String startedAt) {

    public StartedImage(String newImage, String newImageName, boolean adopted) {
        this(newImage, newImageName, adopted, null);
    }

    public StartedImage startedAt(Instant time) {
        return new StartedImage(newImage, newImageName, adopted, time.toString());
    }
}
