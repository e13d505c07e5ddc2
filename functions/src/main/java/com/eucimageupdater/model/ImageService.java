package com.eucimageupdater.model;

import com.eucimageupdater.distribute.Distribution;
import com.eucimageupdater.retire.RetentionPolicy;
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

    /**
     * Points the fleet or bundle, as just described, at the image; one already there is left as it is.
     *
     * @return whether AWS moved it on this call (false: it already used the image)
     */
    boolean moveTarget(Target target, String image);

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
     * Copies the new image into another Region of its account, tagged as this pipeline's copy of it (its own tags, the
     * execution that copies it, and the account, Region and image it comes from). Idempotent: a copy of this image that
     * the pipeline made earlier is reported as there already; any other image holding the name there is a conflict,
     * left untouched.
     *
     * @param job the new image's job: its image, account, Region and execution
     * @param destination this same service in the destination Region, where the copy is looked for and tagged
     * @throws ImageUpdateException naming the Region, when the copy failed there or AWS refused it
     */
    Distribution.Copy copyToRegion(ImageJob job, String region, ImageService destination);

    /**
     * Shares the new image, in its own Region, with each account, which may then use it: an account the image's
     * permissions already list as this share would make it is left as it is.
     */
    List<Distribution.Share> shareWith(String newImage, List<String> accounts);

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
