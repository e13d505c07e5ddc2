package com.eucimageupdater.images;

/** Both services' image states, normalised to what the workflow decides on. */
public enum ImageState {
    PENDING,
    AVAILABLE,
    FAILED
}
