package com.eucimageupdater.handlers;

import com.eucimageupdater.images.ImageJob;
import com.eucimageupdater.images.ImageServices;
import com.eucimageupdater.images.UpdateCheck;

/** Checks whether the source image has updates; changes nothing in AWS. */
public final class CheckHandler extends JsonHandler<ImageJob, UpdateCheck> {
    private final ImageServices services;

    public CheckHandler() {
        this(ImageServices.shared());
    }

    public CheckHandler(ImageServices services) {
        super(ImageJob.class);
        this.services = services;
    }

    @Override
    UpdateCheck handle(ImageJob job) {
        return services.forService(job.service()).checkForUpdate(job);
    }
}
