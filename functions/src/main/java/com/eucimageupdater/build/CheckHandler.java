package com.eucimageupdater.build;

import com.eucimageupdater.aws.ImageServices;
import com.eucimageupdater.lambda.ImageStepHandler;
import com.eucimageupdater.model.ImageJob;
import com.eucimageupdater.model.ImageUpdateException;
import com.eucimageupdater.model.UpdateCheck;
import java.util.List;

/** Checks whether the source image has updates; changes nothing in AWS. */
public final class CheckHandler extends ImageStepHandler<UpdateCheck> {

    public CheckHandler() {
        this(ImageServices.shared());
    }

    public CheckHandler(ImageServices services) {
        super(services);
    }

    @Override
    protected UpdateCheck handle(ImageJob job) {
        if (job.item().unreachable() != null) {
            throw new ImageUpdateException(job.item().unreachable());
        }
        return services.builds(job.service(), job.location()).checkForUpdate(job);
    }

    @Override
    protected String outcome(UpdateCheck check) {
        return check.updateAvailable() ? "UPDATE_AVAILABLE" : "UP_TO_DATE";
    }

    @Override
    protected List<UpdateCheck> sampleResults(ImageJob job) {
        return List.of(job.check());
    }
}
