package com.eucimageupdater.images;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the workflow needs of a service that can build updated images and roll them out to its fleets or bundles.
 * The handlers and the state machine never fork per service except through this interface.
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

    /**
     * A fleet or bundle as it is now. Read-only.
     *
     * @param account this run's account, which must own a bundle to change it
     * @throws ImageUpdateException when it does not exist, naming it
     */
    Target describeTarget(String target, String account);

    /** Why the target cannot take images like {@code image} (an Elastic fleet, a platform change, a bundle not ours), or null. */
    String refusal(Target target, String image);

    /** Points the fleet or bundle, as just described, at the image; one already there is left as it is. */
    void moveTarget(Target target, String image);

    /**
     * Records on the image, once per target, which image each target used before: the rollback's record; and, for a
     * production roll-out, the execution that rolls it out. A record made by an earlier attempt wins (the target may
     * already be on the new image by now).
     *
     * @param rolledOutBy the execution rolling the image out to production, or null for staging
     * @return target to previous image, as recorded
     */
    Map<String, String> recordPrevious(String image, Map<String, String> previousByTarget, String rolledOutBy);

    /**
     * Copies the new image into another Region of its account, with its tags (euc-image-updater's included, so a re-run
     * recognises the copy). Idempotent: a copy this pipeline already made there is adopted and its tags written again.
     *
     * @param destination this same service in the destination Region, where the copy is looked for and tagged
     * @return the copy's identifier in that Region
     * @throws ImageUpdateException naming the Region, e.g. when an image that is no copy of this one holds the name there
     */
    String copyToRegion(String newImage, String region, ImageService destination);

    /** Shares the new image, in its own Region, with another account, which may then use it; sharing again changes nothing. */
    void shareWith(String newImage, String account);

    /** Tags the new image with the minutes it took to build, for its lineage's next first poll. */
    void recordBuildMinutes(String newImage, int minutes);

    /**
     * The images of the named execution, read from their tags: those it built (whatever became of them since), and
     * those it rolled out to production as a promote of another run.
     */
    List<PipelineImage> imagesOfRun(String executionName);

    /**
     * Retention for one lineage: decides with {@link RetentionPolicy} and, when {@code apply}, deletes.
     *
     * @param spare images never deleted in this run (its sources and new images)
     * @param previous images the roll-out moved targets away from, kept for a rollback
     */
    List<RetentionPolicy.Decision> retire(String lineage, int keep, Set<String> spare, Set<String> previous, boolean apply);
}
