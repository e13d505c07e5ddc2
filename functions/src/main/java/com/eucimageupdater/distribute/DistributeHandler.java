package com.eucimageupdater.distribute;

import com.eucimageupdater.aws.ImageServices;
import com.eucimageupdater.lambda.ImageStepHandler;
import com.eucimageupdater.model.ImageJob;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Copies the new image into the item's {@code copyToRegions} and shares it with its {@code shareWithAccounts}, and says
 * of each whether this step made it, found it made already, or (a copy) found another image holding its name, which
 * it leaves alone. A copy or share that fails fails the step with a reason naming its Region or account: every copy and
 * share is idempotent, so the state machine's retries, and a re-run, redo only what is missing.
 */
public final class DistributeHandler extends ImageStepHandler<Distribution> {

    public DistributeHandler() {
        this(ImageServices.shared());
    }

    public DistributeHandler(ImageServices services) {
        super(services);
    }

    @Override
    protected Distribution handle(ImageJob job) {
        Distributor here = services.distributor(job.service(), job.location());
        List<Distribution.Copy> copies = job.item().copyToRegions().stream()
                .map(region -> here.copyToRegion(job, region, services.distributor(job.service(), job.location().inRegion(region))))
                .toList();
        List<Distribution.Share> shares = job.item().shareWithAccounts().isEmpty() ? List.of()
                : here.shareWith(job.newImage(), job.item().shareWithAccounts());
        return new Distribution(copies, shares);
    }

    /** e.g. "COPIED 1 CONFLICT 1 SHARED 2": each outcome that occurred, with how often. */
    @Override
    protected String outcome(Distribution distribution) {
        Map<String, Long> counts = Stream.concat(distribution.copies().stream().map(copy -> copy.outcome().name()),
                distribution.shares().stream().map(share -> share.outcome().name()))
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream().map(count -> count.getKey() + " " + count.getValue()).collect(Collectors.joining(" "));
    }

    @Override
    protected List<Distribution> sampleResults(ImageJob job) {
        return List.of(new Distribution(List.of(new Distribution.Copy("eu-west-1", Distribution.CopyOutcome.COPIED, job.newImage(), null,
                null, null)),
                List.of(new Distribution.Share("222222222222", Distribution.ShareOutcome.SHARED))));
    }
}
