package com.eucimageupdater.handlers;

import com.eucimageupdater.images.Distribution;
import com.eucimageupdater.images.ImageJob;
import com.eucimageupdater.images.ImageService;
import com.eucimageupdater.images.ImageServices;
import java.util.List;

/**
 * Copies the new image into the item's {@code copyToRegions} and shares it with its {@code shareWithAccounts}. The first
 * copy or share that fails fails the step with a reason naming its Region or account: every copy and share is idempotent,
 * so the state machine's retries, and a re-run, redo only what is missing.
 */
public final class DistributeHandler extends ImageStepHandler<Distribution> {

    public DistributeHandler() {
        this(ImageServices.shared());
    }

    public DistributeHandler(ImageServices services) {
        super(services);
    }

    @Override
    Distribution handle(ImageJob job) {
        ImageService here = services.forService(job.service(), job.location());
        List<Distribution.Copy> copies = job.item().copyToRegions().stream()
                .map(region -> new Distribution.Copy(region, here.copyToRegion(job.newImage(), region,
                        services.forService(job.service(), job.location().inRegion(region)))))
                .toList();
        job.item().shareWithAccounts().forEach(account -> here.shareWith(job.newImage(), account));
        return new Distribution(copies, job.item().shareWithAccounts());
    }

    @Override
    String outcome(Distribution distribution) {
        return "COPIED " + distribution.copies().size() + " SHARED " + distribution.sharedWith().size();
    }

    @Override
    Distribution sampleResult(ImageJob job) {
        return new Distribution(List.of(new Distribution.Copy("eu-west-1", job.newImage())), List.of("222222222222"));
    }
}
