package com.eucimageupdater.validate;

import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.ServicePorts;
import com.eucimageupdater.model.StagingGate;
import com.eucimageupdater.model.StreamingCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The gate between staging and approval, one check at a time: the state machine's loop calls it until it has decided,
 * waiting between checks, and the bound (the plan's poll count for the item's timeout) turns a check still waiting into
 * the image's failure. A failed check decides at once: waiting would not clear it. An item's streaming check runs once
 * every staged target passed, and decides with them.
 */
public final class StagedImageGate {
    private final ServicePorts<StagedTargets> targets;
    private final Function<Location, StreamingSessions> streaming;

    public StagedImageGate(ServicePorts<StagedTargets> targets, Function<Location, StreamingSessions> streaming) {
        this.targets = targets;
        this.streaming = streaming;
    }

    public ValidationProgress check(ValidationJob job) {
        String image = job.start().newImage();
        List<CheckResult> checks = new ArrayList<>();
        if (!job.item().stagingTargets().isEmpty()) {
            StagedTargets service = targets.forService(job.item().service(), job.location());
            job.item().stagingTargets().forEach(target -> checks.add(StagedTargetRules.check(service.health(target), image)));
        }
        StreamingCheck session = job.gate().streamingCheck();
        // Only once the fleets serve the image: a session asked for earlier would fail on the old image or no capacity.
        if (session != null && checks.stream().allMatch(check -> check.status() == CheckResult.Status.PASSED)) {
            checks.add(streaming.apply(job.location()).tryStreaming(session.stack(), session.fleet(), session.user()));
        }
        return decide(checks, job.pollsDone() + 1, job.gate());
    }

    static ValidationProgress decide(List<CheckResult> checks, int polls, StagingGate gate) {
        Optional<CheckResult> failed = first(checks, CheckResult.Status.FAILED);
        if (failed.isPresent()) {
            return new ValidationProgress(true, false, polls, checks, failed.get().said());
        }
        Optional<CheckResult> waiting = first(checks, CheckResult.Status.WAITING);
        if (waiting.isEmpty()) {
            return new ValidationProgress(true, true, polls, checks, null);
        }
        if (polls >= gate.maxPolls()) {
            CheckResult last = waiting.get();
            return new ValidationProgress(true, false, polls, checks, last.check() + " " + last.target() + " still not ready after "
                    + gate.timeoutMinutes() + " min (" + polls + " checks): " + last.answer());
        }
        return new ValidationProgress(false, false, polls, checks, null);
    }

    private static Optional<CheckResult> first(List<CheckResult> checks, CheckResult.Status status) {
        return checks.stream().filter(check -> check.status() == status).findFirst();
    }
}
