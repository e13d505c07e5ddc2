package com.eucimageupdater.build;

import com.eucimageupdater.model.ImageJob;
import com.eucimageupdater.model.ImageStatus;
import com.eucimageupdater.model.StartedImage;
import com.eucimageupdater.model.UpdateCheck;

/** What the build steps (check, start, poll) need of a service in one account and Region. */
public interface ImageBuilds {

    /** Read-only: does the source exist, is it AVAILABLE, and does it have updates? */
    UpdateCheck checkForUpdate(ImageJob job);

    /**
     * Starts building the updated image planned by {@code job.check()}. Idempotent: an image this pipeline
     * already started for the same source and run date is adopted, not created twice.
     */
    StartedImage startUpdate(ImageJob job);

    /** The updated image's state, normalised to PENDING, AVAILABLE or FAILED with the service's reason. */
    ImageStatus describeUpdatedImage(String newImage);

    /** Tags the new image with the minutes it took to build, for its lineage's next first poll. */
    void recordBuildMinutes(String newImage, int minutes);
}
