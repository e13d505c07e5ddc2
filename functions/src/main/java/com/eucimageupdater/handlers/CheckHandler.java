package com.eucimageupdater.handlers;

import com.eucimageupdater.images.ImageJob;
import com.eucimageupdater.images.ImageServices;
import com.eucimageupdater.images.ImageUpdateException;
import com.eucimageupdater.images.UpdateCheck;

/** Checks whether the source image has updates; changes nothing in AWS. */
public final class CheckHandler extends ImageStepHandler<UpdateCheck> {

    public CheckHandler() {
        this(ImageServices.shared());
    }

    public CheckHandler(ImageServices services) {
        super(services);
    }

    @Override
    UpdateCheck handle(ImageJob job) {
        if (job.item().unreachable() != null) {
            throw new ImageUpdateException(job.item().unreachable());
        }
        return services.forService(job.service(), job.location()).checkForUpdate(job);
    }

    @Override
    String outcome(UpdateCheck check) {
        return check.updateAvailable() ? "UPDATE_AVAILABLE" : "UP_TO_DATE";
    }

    @Override
    UpdateCheck sampleResult(ImageJob job) {
        return job.check();
    }
}
