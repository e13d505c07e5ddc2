package com.eucimageupdater.build;

import com.eucimageupdater.aws.ImageServices;
import com.eucimageupdater.lambda.ImageStepHandler;
import com.eucimageupdater.model.ImageJob;
import com.eucimageupdater.model.ImageState;
import com.eucimageupdater.model.ImageStatus;
import com.eucimageupdater.model.ImageUpdateException;
import java.time.Instant;
import java.util.List;

/** Reads the updated image's state and counts the poll, so the state machine can bound its wait loop. */
public final class PollHandler extends ImageStepHandler<ImageStatus> {

    public PollHandler() {
        this(ImageServices.shared());
    }

    public PollHandler(ImageServices services) {
        super(services);
    }

    @Override
    protected ImageStatus handle(ImageJob job) {
        ImageBuilds builds = services.builds(job.service(), job.location());
        Instant now = Instant.now();
        ImageStatus status = builds.describeUpdatedImage(job.newImage()).afterPoll(job).observedAt(now);
        if (status.state() == ImageState.AVAILABLE && job.start().startedAt() != null) {
            recordBuildMinutes(builds, job, BuildTimes.buildMinutes(job.start().startedAt(), now));
        }
        return status;
    }

    /** Only next month's first poll depends on it: an image that built is never failed for a tag it could not take. */
    private static void recordBuildMinutes(ImageBuilds builds, ImageJob job, int minutes) {
        try {
            builds.recordBuildMinutes(job.newImage(), minutes);
        } catch (ImageUpdateException untagged) {
            System.err.println("Poll " + job.image() + ": build minutes not recorded on " + job.newImage() + ": " + untagged.getMessage());
        }
    }

    @Override
    protected String outcome(ImageStatus status) {
        return status.state().name();
    }

    @Override
    protected List<ImageStatus> sampleResults(ImageJob job) {
        return List.of(job.poll());
    }
}
