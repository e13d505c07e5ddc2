package com.eucimageupdater.handlers;

import com.eucimageupdater.images.ImageJob;
import com.eucimageupdater.images.ImageServices;
import com.eucimageupdater.images.StartedImage;
import java.time.Instant;

/** Starts building the updated image, or adopts the one this pipeline already started today. */
public final class StartHandler extends ImageStepHandler<StartedImage> {

    public StartHandler() {
        this(ImageServices.shared());
    }

    public StartHandler(ImageServices services) {
        super(services);
    }

    @Override
    StartedImage handle(ImageJob job) {
        return services.forService(job.service(), job.location()).startUpdate(job).startedAt(Instant.now(), job);
    }

    @Override
    String outcome(StartedImage started) {
        return started.adopted() ? "ADOPTED" : "STARTED";
    }

    @Override
    StartedImage sampleResult(ImageJob job) {
        return job.start();
    }
}
