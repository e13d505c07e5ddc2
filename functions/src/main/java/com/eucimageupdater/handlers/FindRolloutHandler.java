package com.eucimageupdater.handlers;

import com.eucimageupdater.images.ImageServices;
import com.eucimageupdater.images.Location;
import com.eucimageupdater.rollout.RollbackPlanner;
import com.eucimageupdater.rollout.RollbackRequest;
import java.util.List;

/** Finds what the named execution rolled out and checks every move back; changes nothing. */
public final class FindRolloutHandler extends RecordStepHandler<RollbackRequest, RollbackRequest> {
    private final RollbackPlanner planner;

    public FindRolloutHandler() {
        this(ImageServices.shared());
    }

    public FindRolloutHandler(ImageServices services) {
        super(services, RollbackRequest.class);
        this.planner = new RollbackPlanner(services);
    }

    @Override
    RollbackRequest handle(RollbackRequest request) {
        List<Location> locations = request.locations().isEmpty() ? List.of(request.run().location()) : request.locations();
        RollbackPlanner.Rollback rollback = planner.plan(request.rollback(), locations);
        return new RollbackRequest(request.executionName(), request.runDate(), request.run(), request.rollback(), locations,
                rollback.moves(), rollback.problems());
    }

    @Override
    StepLog logFor(RollbackRequest request) {
        return new StepLog(step(), request.executionName(), null, request.rollback());
    }

    @Override
    String outcome(RollbackRequest request) {
        return request.problems().isEmpty() ? request.moves().size() + " MOVES" : "REFUSED " + request.problems().size() + " problems";
    }

    @Override
    String sampleInput() {
        return """
                {"executionName": "priming", "runDate": "2026-11-10", "rollback": "monthly-2026-11",
                 "run": {"executionName": "priming", "runDate": "2026-11-10", "account": "123456789012", "region": "us-east-1",
                         "pollIntervalSeconds": 900,
                         "maxPolls": 1, "maxWaitMinutes": 480, "maxWaitText": "", "approval": "required",
                         "approvalTimeoutSeconds": 259200, "dryRun": false},
                 "locations": [{"account": "123456789012", "region": "us-east-1"}],
                 "moves": [{"service": "APPSTREAM", "account": "123456789012", "region": "us-east-1",
                            "image": "Base-Win2022-2026-10-13", "from": "Base-Win2022-2026-11-10",
                            "targets": ["Base-Prod"]}], "problems": []}""";
    }

    @Override
    RollbackRequest sampleResult(RollbackRequest request) {
        return request;
    }
}
