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
 * the image's failure. A failed check decides at once: waiting would not clear it. An item's streaming check and its
 * canaries run once every staged target passed, and decide with them.
 */
public final class StagedImageGate {
    private final ServicePorts<StagedTargets> targets;
    private final Function<Location, StreamingSessions> streaming;
    private final Function<Location, CanaryWorkspaces> canaries;

    public StagedImageGate(ServicePorts<StagedTargets> targets, Function<Location, StreamingSessions> streaming,
            Function<Location, CanaryWorkspaces> canaries) {
        this.targets = targets;
        this.streaming = streaming;
        this.canaries = canaries;
    }

    public ValidationProgress check(ValidationJob job) {
        String image = job.start().newImage();
        List<CheckResult> checks = new ArrayList<>();
        if (!job.item().stagingTargets().isEmpty()) {
            StagedTargets service = targets.forService(job.item().service(), job.location());
            job.item().stagingTargets().forEach(target -> checks.add(StagedTargetRules.check(service.health(target), image)));
        }
        // Only once the fleets serve the image and the bundles point at it: earlier, a session would fail on the old image or no
        // capacity, and a canary would be rebuilt from the old image.
        boolean staged = checks.stream().allMatch(check -> check.status() == CheckResult.Status.PASSED);
        StreamingCheck session = job.gate().streamingCheck();
        if (session != null && staged) {
            checks.add(streaming.apply(job.location()).tryStreaming(session.stack(), session.fleet(), session.user()));
        }
        List<String> rebuilt = new ArrayList<>(job.validation() == null ? List.of() : job.validation().rebuiltCanaries());
        if (!job.gate().canaryWorkspaces().isEmpty() && staged) {
            CanaryWorkspaces workspaces = canaries.apply(job.location());
            int before = rebuilt.size();
            job.gate().canaryWorkspaces().forEach(canary -> checks.add(checkCanary(workspaces, canary, rebuilt)));
            if (rebuilt.size() > before) {
                workspaces.recordRebuilt(image, rebuilt);
            }
        }
        return decide(checks, job.pollsDone() + 1, job.gate(), rebuilt);
    }

    /** Rebuilds the canary once, unless its user is connected; a rebuilt canary is only read again. */
    private static CheckResult checkCanary(CanaryWorkspaces workspaces, String id, List<String> rebuilt) {
        CanaryWorkspaces.Canary canary = workspaces.describe(id);
        if (rebuilt.contains(id)) {
            return CanaryRules.afterRebuild(canary);
        }
        CheckResult connected = CanaryRules.beforeRebuild(canary);
        if (connected != null) {
            return connected;
        }
        String refusal = workspaces.rebuild(id);
        if (refusal != null) {
            return CanaryRules.refused(canary, refusal);
        }
        rebuilt.add(id);
        return CheckResult.waiting(CanaryRules.CANARY, id, "RebuildWorkspaces: rebuilding from the staged bundle " + canary.bundle());
    }

    static ValidationProgress decide(List<CheckResult> checks, int polls, StagingGate gate, List<String> rebuilt) {
        Optional<CheckResult> failed = first(checks, CheckResult.Status.FAILED);
        if (failed.isPresent()) {
            return new ValidationProgress(true, false, polls, checks, failed.get().said(), rebuilt);
        }
        Optional<CheckResult> waiting = first(checks, CheckResult.Status.WAITING);
        if (waiting.isEmpty()) {
            return new ValidationProgress(true, true, polls, checks, null, rebuilt);
        }
        if (polls >= gate.maxPolls()) {
            CheckResult last = waiting.get();
            return new ValidationProgress(true, false, polls, checks, last.check() + " " + last.target() + " still not ready after "
                    + gate.timeoutMinutes() + " min (" + polls + " checks): " + last.answer(), rebuilt);
        }
        return new ValidationProgress(false, false, polls, checks, null, rebuilt);
    }

    private static Optional<CheckResult> first(List<CheckResult> checks, CheckResult.Status status) {
        return checks.stream().filter(check -> check.status() == status).findFirst();
    }
}
