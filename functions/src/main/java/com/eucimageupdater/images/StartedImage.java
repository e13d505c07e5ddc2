package com.eucimageupdater.images;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The updated image being built.
 *
 * @param newImage what the service identifies it by: the name for AppStream, the wsi- id for WorkSpaces
 * @param adopted true when an earlier run (or a concurrent one) had already started it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StartedImage(String newImage, String newImageName, boolean adopted) {}
