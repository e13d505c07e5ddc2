package com.eucimageupdater.rollout;

import com.eucimageupdater.aws.ImageServices;
import com.eucimageupdater.lambda.RecordStepHandler;
import com.eucimageupdater.lambda.StepLog;
import com.eucimageupdater.rebuild.BundleRebuild;
import java.util.List;
import java.util.stream.Collectors;

/** Points fleets or bundles at an image (staging, production, rollback), recording what each used before. */
public final class MoveTargetsHandler extends RecordStepHandler<MoveRequest, Moves> {
    private final TargetMover mover;

    public MoveTargetsHandler() {
        this(ImageServices.shared());
    }

    public MoveTargetsHandler(ImageServices services) {
        super(services, MoveRequest.class);
        this.mover = new TargetMover(services::targets);
    }

    @Override
    protected Moves handle(MoveRequest request) {
        return new Moves(mover.move(request.service(), request.image(), request.targets(), request.location(), request.record(),
                request.rolledOutBy(), request.rebuilds().stream().map(BundleRebuild::bundle).collect(Collectors.toSet())));
    }

    @Override
    protected StepLog logFor(MoveRequest request) {
        return new StepLog(step(), null, request.service() == null ? null : request.service().name(), request.image());
    }

    @Override
    protected String outcome(Moves moves) {
        return "MOVED " + moves.moved().size();
    }

    @Override
    protected String sampleInput() {
        return """
                {"service": "APPSTREAM", "image": "Base-Win2022-2026-11-10", "targets": ["Base-Test"], "account": "123456789012",
                 "region": "us-east-1", "record": true}""";
    }

    @Override
    protected List<Moves> sampleResults(MoveRequest request) {
        return List.of(new Moves(List.of(new TargetMover.Moved("Base-Test", "Base-Win2022-2026-10-13", request.image(), true, "sessions"))));
    }
}
