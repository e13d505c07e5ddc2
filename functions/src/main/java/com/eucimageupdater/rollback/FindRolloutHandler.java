package com.eucimageupdater.rollback;

import com.eucimageupdater.aws.ImageServices;
import com.eucimageupdater.lambda.RecordStepHandler;
import com.eucimageupdater.lambda.StepLog;
import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.RebuildSettings;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.rebuild.BundleRebuild;
import com.eucimageupdater.rebuild.RebuildMode;
import com.eucimageupdater.rollout.ProductionRollout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds another execution's roll-out from its images' tags and checks it, changing nothing: what it moved, and every
 * move back, for a rollback; what it staged and has still to roll out, for a promote.
 */
public final class FindRolloutHandler extends RecordStepHandler<FindRolloutRequest, Record> {
    private final RollbackPlanner rollbacks;
    private final PromotionPlanner promotions;

    public FindRolloutHandler() {
        this(ImageServices.shared());
    }

    public FindRolloutHandler(ImageServices services) {
        super(services, FindRolloutRequest.class);
        this.rollbacks = new RollbackPlanner(services::rolloutRecords);
        this.promotions = new PromotionPlanner(services::rolloutRecords);
    }

    @Override
    protected Record handle(FindRolloutRequest request) {
        List<Location> locations = request.locations().isEmpty() ? List.of(request.run().location()) : request.locations();
        if (request.promote() != null) {
            PromotionPlanner.Promotion promotion = promotions.plan(request.promote(), locations, request.rebuildSettings());
            return new PromoteRequest(request.executionName(), request.runDate(), request.maxConcurrency(), request.run(),
                    request.promote(), locations, promotion.builds(), promotion.problems());
        }
        RollbackPlanner.Rollback rollback = rollbacks.plan(request.rollback(), locations);
        RollbackRebuilds.Planned rebuilds = RollbackRebuilds.of(rollback.moves(), request.rebuildSettings());
        List<String> problems = new ArrayList<>(rollback.problems());
        problems.addAll(rebuilds.problems());
        return new RollbackRequest(request.executionName(), request.runDate(), request.run(), request.rollback(), locations,
                problems.isEmpty() ? rollback.moves() : List.of(), problems, rebuilds.rebuilds());
    }

    @Override
    protected StepLog logFor(FindRolloutRequest request) {
        return new StepLog(step(), request.executionName(), null, request.promote() != null ? request.promote() : request.rollback());
    }

    @Override
    protected String outcome(Record found) {
        List<String> problems = found instanceof PromoteRequest promote ? promote.problems() : ((RollbackRequest) found).problems();
        if (!problems.isEmpty()) {
            return "REFUSED " + problems.size() + " problems";
        }
        return found instanceof PromoteRequest promote
                ? promote.builds().stream().mapToInt(build -> build.production().size()).sum() + " TO PRODUCTION"
                : ((RollbackRequest) found).moves().size() + " MOVES";
    }

    @Override
    protected String sampleInput() {
        return """
                {"executionName": "priming", "runDate": "2026-11-10", "maxConcurrency": 5, "rollback": "monthly-2026-11",
                 "run": {"executionName": "priming", "runDate": "2026-11-10", "account": "123456789012", "region": "us-east-1",
                         "pollIntervalSeconds": 900,
                         "maxPolls": 1, "maxWaitMinutes": 480, "maxWaitText": "", "approval": "required",
                         "approvalTimeoutSeconds": 259200, "dryRun": false},
                 "locations": [{"account": "123456789012", "region": "us-east-1"}]}""";
    }

    /** A rollback's moves back, and a promote's staged images with their production roll-outs. */
    @Override
    protected List<Record> sampleResults(FindRolloutRequest request) {
        RollbackRequest rollback = new RollbackRequest(request.executionName(), request.runDate(), request.run(), request.rollback(),
                request.locations(), List.of(new RollbackPlanner.MoveBack(Service.APPSTREAM, "123456789012", "us-east-1",
                        "Base-Win2022-2026-10-13", "Base-Win2022-2026-11-10", List.of("Base-Prod"),
                        Map.of("Base-Prod", "Base-Win2022-2026-11-10"), "Base-Win2022", "Base-Win2022", true, List.of())),
                List.of(), List.of(new BundleRebuild(Service.WORKSPACES, "123456789012", "us-east-1", "wsb-0a1b2c3d4", "wsi-0a1b2c3d4",
                        "wsi-7k2m9p4q1", RebuildMode.ROLLBACK, new RebuildSettings(1, 25, 0, 120,
                                new RebuildSettings.Window(List.of("SAT", "SUN"), "22:00", 6)))));
        PromotionPlanner.StagedImage staged = new PromotionPlanner.StagedImage(Service.APPSTREAM, "Base-Win2022", "UPDATED",
                "Base-Win2022-2026-11-10", "Base-Win2022-2026-11-10", "AVAILABLE");
        ProductionRollout production = new ProductionRollout(Service.APPSTREAM, "123456789012", "us-east-1", "Base-Win2022",
                "Base-Win2022-2026-11-10", "Base-Win2022-2026-11-10", List.of("Base-Prod"), "Base-Win2022", 3);
        PromoteRequest promote = new PromoteRequest(request.executionName(), request.runDate(), request.maxConcurrency(), request.run(),
                request.rollback(), request.locations(), List.of(new PromotionPlanner.StagedLocation("123456789012", "us-east-1",
                        List.of(staged), List.of(production))), List.of());
        return List.of(rollback, promote);
    }
}
