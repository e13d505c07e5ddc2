package com.eucimageupdater.rollback;

import com.eucimageupdater.model.ImageStatus;
import com.eucimageupdater.model.PipelineImage;
import com.eucimageupdater.rollout.TargetChecks;
import java.util.List;

/**
 * What finding another execution's roll-out needs of a service in one account and Region: its images, as their tags
 * record it, and the images and targets a rollback or a promote would move, checked first.
 */
public interface RolloutRecords extends TargetChecks {

    /**
     * The images of the named execution, read from their tags: those it built (whatever became of them since), and
     * those it rolled out to production as a promote of another run.
     */
    List<PipelineImage> imagesOfRun(String executionName);

    /** An image's state now, normalised to PENDING, AVAILABLE or FAILED, as the build's poll reads it. */
    ImageStatus describeUpdatedImage(String image);
}
