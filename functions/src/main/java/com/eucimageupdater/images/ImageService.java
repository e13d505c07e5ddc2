package com.eucimageupdater.images;

/**
 * What the workflow needs of a service that can build updated images. The handlers and the state machine
 * never fork per service except through this interface.
 */
public interface ImageService {

    /** Read-only: does the source exist, is it AVAILABLE, and does it have updates? */
    UpdateCheck checkForUpdate(ImageJob job);

    /**
     * Starts building the updated image planned by {@code job.check()}. Idempotent: an image this pipeline
     * already started for the same source and run date is adopted, not created twice.
     */
    StartedImage startUpdate(ImageJob job);

    /** The updated image's state, normalised to PENDING, AVAILABLE or FAILED with the service's reason. */
    ImageStatus describeUpdatedImage(String newImage);
}
