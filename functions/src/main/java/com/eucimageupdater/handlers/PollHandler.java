package com.eucimageupdater.handlers;

import com.eucimageupdater.images.BuildTimes;
import com.eucimageupdater.images.ImageJob;
import com.eucimageupdater.images.ImageService;
import com.eucimageupdater.images.ImageServices;
import com.eucimageupdater.images.ImageState;
import com.eucimageupdater.images.ImageStatus;
import com.eucimageupdater.images.ImageUpdateException;
import java.time.Instant;

/** Reads the updated image's state and counts the poll, so the state machine can bound its wait loop. */
public final class PollHandler extends ImageStepHandler<ImageStatus> {

    public PollHandler() {
        this(ImageServices.shared());
    }

    public PollHandler(ImageServices services) {
        super(services);
    }

    @Override
    ImageStatus handle(ImageJob job) {
        ImageService service = services.forService(job.service(), job.location());
        Instant now = Instant.now();
        ImageStatus status = service.describeUpdatedImage(job.newImage()).afterPoll(job).observedAt(now);
        if (status.state() == ImageState.AVAILABLE && job.start().startedAt() != null) {
            recordBuildMinutes(service, job, BuildTimes.buildMinutes(job.start().startedAt(), now));
        }
        return status;
    }

    /** Only next month's first poll depends on it: an image that built is never failed for a tag it could not take. */
    private static void recordBuildMinutes(ImageService service, ImageJob job, int minutes) {
        try {
            service.recordBuildMinutes(job.newImage(), minutes);
        } catch (ImageUpdateException untagged) {
            System.err.println("Poll " + job.image() + ": build minutes not recorded on " + job.newImage() + ": " + untagged.getMessage());
        }
    }

    @Override
    String outcome(ImageStatus status) {
        return status.state().name();
    }

    @Override
    ImageStatus sampleResult(ImageJob job) {
        return job.poll();
    }
}
