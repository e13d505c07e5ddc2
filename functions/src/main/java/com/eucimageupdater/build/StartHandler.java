package com.eucimageupdater.build;

import com.eucimageupdater.aws.ImageServices;
import com.eucimageupdater.lambda.ImageStepHandler;
import com.eucimageupdater.model.ImageJob;
import com.eucimageupdater.model.StartedImage;
import java.time.Instant;
import java.util.List;

/** Starts building the updated image, or adopts the one this pipeline already started today. */
public final class StartHandler extends ImageStepHandler<StartedImage> {

    public StartHandler() {
        this(ImageServices.shared());
    }

    public StartHandler(ImageServices services) {
        super(services);
    }

    @Override
    protected StartedImage handle(ImageJob job) {
        return services.builds(job.service(), job.location()).startUpdate(job).startedAt(Instant.now(), job);
    }

    @Override
    protected String outcome(StartedImage started) {
        return started.adopted() ? "ADOPTED" : "STARTED";
    }

    @Override
    protected List<StartedImage> sampleResults(ImageJob job) {
        return List.of(job.start());
    }
}
