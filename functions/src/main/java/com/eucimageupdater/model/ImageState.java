package com.eucimageupdater.model;

/** Both services' image states, normalised to what the workflow decides on. */
public enum ImageState {
    PENDING,
    AVAILABLE,
    FAILED
}
