package com.eucimageupdater.handlers;

import com.eucimageupdater.images.ImageJob;
import com.eucimageupdater.images.ImageServices;
import com.eucimageupdater.images.StartedImage;

/** Starts building the updated image, or adopts the one this pipeline already started today. */
public final class StartHandler extends JsonHandler<ImageJob, StartedImage> {
    private final ImageServices services;

    public StartHandler() {
        this(ImageServices.shared());
    }

    public StartHandler(ImageServices services) {
        super(ImageJob.class);
        this.services = services;
    }

    @Override
    StartedImage handle(ImageJob job) {
        return services.forService(job.service()).startUpdate(job);
    }
}
