package com.eucimageupdater.retire;

import com.eucimageupdater.aws.ImageServices;
import com.eucimageupdater.lambda.RecordStepHandler;
import com.eucimageupdater.lambda.StepLog;
import com.eucimageupdater.retire.Retirement.TargetImage;
import com.eucimageupdater.rollout.TargetChecks;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Deletes a lineage's oldest images this pipeline made, beyond the newest {@code keep}; or says what it would delete: in a
 * report-only run, and for the approval mail, which also says what each production fleet or bundle uses now.
 */
public final class RetireHandler extends RecordStepHandler<RetireRequest, Retirement> {

    public RetireHandler() {
        this(ImageServices.shared());
    }

    public RetireHandler(ImageServices services) {
        super(services, RetireRequest.class);
    }

    @Override
    protected Retirement handle(RetireRequest request) {
        if (!request.productionTargets().isEmpty()) {
            return beforeApproval(request);
        }
        if (request.keep() == 0) {
            return new Retirement(List.of());
        }
        // A preview runs before the new image exists.
        RetentionPolicy.Keep keep = request.apply() ? RetentionPolicy.Keep.newest(request.keep())
                : RetentionPolicy.Keep.newestWithTheNewImage(request.keep());
        return new Retirement(services.retirement(request.service(), request.location())
                .retire(request.lineage(), keep, new HashSet<>(request.spare()), new HashSet<>(request.previous()), request.apply()));
    }

    /**
     * What approving deletes: the new image exists and holds its kept place, and the images production uses now are the
     * ones the roll-out moves away from (kept for a rollback). Only the deletions are kept, so the run's data stays small.
     */
    private Retirement beforeApproval(RetireRequest request) {
        TargetChecks targets = services.targets(request.service(), request.location());
        List<TargetImage> current = request.productionTargets().stream()
                .map(target -> new TargetImage(target, targets.describeTarget(target, request.account()).image())).toList();
        if (request.keep() == 0) {
            return new Retirement(List.of(), current);
        }
        Set<String> previous = current.stream().map(TargetImage::image).filter(image -> image != null).collect(Collectors.toSet());
        List<RetentionPolicy.Decision> decisions = services.retirement(request.service(), request.location())
                .retire(request.lineage(), RetentionPolicy.Keep.newest(request.keep()), new HashSet<>(request.spare()), previous, false);
        return new Retirement(decisions.stream().filter(RetentionPolicy.Decision::delete).toList(), current);
    }

    @Override
    protected StepLog logFor(RetireRequest request) {
        return new StepLog(step(), null, request.service() == null ? null : request.service().name(), request.lineage());
    }

    @Override
    protected String outcome(Retirement retirement) {
        return (retirement.decisions().stream().filter(RetentionPolicy.Decision::delete).count()) + " DELETED";
    }

    @Override
    protected String sampleInput() {
        return """
                {"service": "WORKSPACES", "account": "123456789012", "region": "us-east-1", "lineage": "wsi-0a1b2c3d4", "keep": 2,
                 "spare": ["wsi-0a1b2c3d4"], "previous": ["wsi-3c3c3c3c3"],
                 "apply": true}""";
    }

    @Override
    protected List<Retirement> sampleResults(RetireRequest request) {
        return List.of(new Retirement(List.of(new RetentionPolicy.Decision("wsi-1a1a1a1a1", "old", true, "older than the newest 2"))));
    }
}
