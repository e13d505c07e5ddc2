package com.eucimageupdater.handlers;

import com.eucimageupdater.images.ImageJob;
import com.eucimageupdater.images.ImageServices;
import com.eucimageupdater.images.ImageStatus;
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
        return services.forService(job.service()).describeUpdatedImage(job.newImage()).afterPoll(job).observedAt(Instant.now());
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
