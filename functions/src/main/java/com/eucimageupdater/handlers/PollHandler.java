package com.eucimageupdater.handlers;

import com.eucimageupdater.images.ImageJob;
import com.eucimageupdater.images.ImageServices;
import com.eucimageupdater.images.ImageStatus;

/** Reads the updated image's state and counts the poll, so the state machine can bound its wait loop. */
public final class PollHandler extends JsonHandler<ImageJob, ImageStatus> {
    private final ImageServices services;

    public PollHandler() {
        this(ImageServices.shared());
    }

    public PollHandler(ImageServices services) {
        super(ImageJob.class);
        this.services = services;
    }

    @Override
    ImageStatus handle(ImageJob job) {
        return services.forService(job.service()).describeUpdatedImage(job.newImage()).afterPoll(job);
    }
}
