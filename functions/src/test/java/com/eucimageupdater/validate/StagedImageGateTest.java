package com.eucimageupdater.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.model.ImageRequest;
import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.RunSettings;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.model.StagingGate;
import com.eucimageupdater.model.StartedImage;
import com.eucimageupdater.model.StreamingCheck;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StagedImageGateTest {
    private static final String NEW_IMAGE = "Base-Win2022-2026-11-10";
    private static final RunSettings RUN = RunSettings.builder().executionName("monthly-2026-11").runDate("2026-11-10")
            .location(new Location("123456789012", "us-east-1")).pollIntervalSeconds(240).build();

    /** Hands out a URL for the Base-Test-Stack only, as AWS does for a stack associated with the fleet. */
    private static final StreamingSessions STREAMING = (stack, fleet, user) -> stack.equals("Base-Test-Stack")
            ? CheckResult.passed("streaming", stack, "CreateStreamingURL for user " + user + " on fleet " + fleet + ": a URL")
            : CheckResult.failed("streaming", stack, "CreateStreamingURL refused, ResourceNotFoundException: no stack " + stack);

    private static ValidationJob job(Service service, List<String> staging, ValidationProgress previous) {
        return job(service, staging, previous, null);
    }

    private static ValidationJob job(Service service, List<String> staging, ValidationProgress previous, StreamingCheck streaming) {
        ImageRequest item = new ImageRequest(service, "Base-Win2022", null, null, null, Map.of(), staging, List.of("Base-Prod"), null, 0,
                null, null, List.of(), List.of(), null, new StagingGate(60, 3, streaming));
        return new ValidationJob(item, RUN, StartedImage.created(NEW_IMAGE, NEW_IMAGE, 0), previous);
    }

    private static TargetHealth fleet(String name, String image, String state, int desired, int running, int available,
            TargetHealth.FleetError... errors) {
        return new TargetHealth("fleet", name, image, state, List.of(errors), new TargetHealth.Capacity(desired, running, available));
    }

    private static ValidationProgress check(ValidationJob job, TargetHealth... targets) {
        Map<String, TargetHealth> byName = new HashMap<>();
        for (TargetHealth target : targets) {
            byName.put(target.name(), target);
        }
        return new StagedImageGate((service, location) -> byName::get, location -> STREAMING, location -> {
            throw new AssertionError("an item without canaryWorkspaces reads no WorkSpace");
        }).check(job);
    }

    @Test
    void runningFleetOnTheNewImageWithAnAvailableInstancePassesWithAwsAnswerAsEvidence() {
        ValidationProgress progress = check(job(Service.APPSTREAM, List.of("Base-Test"), null),
                fleet("Base-Test", NEW_IMAGE, "RUNNING", 2, 2, 1));

        assertTrue(progress.done() && progress.passed());
        assertEquals(1, progress.polls());
        assertEquals("fleet Base-Test: DescribeFleets: RUNNING on " + NEW_IMAGE + ", no FleetErrors, 1 available (2 of 2 instances"
                + " running)", progress.checks().get(0).said());
    }

    @Test
    void everyDesiredInstanceRunningCountsAsCapacityEvenWithNoneAvailable() {
        assertTrue(check(job(Service.APPSTREAM, List.of("Base-Test"), null), fleet("Base-Test", NEW_IMAGE, "RUNNING", 2, 2, 0)).passed());
    }

    @Test
    void stoppedFleetIsCheckedForTheImageAloneAndSaysItsCapacityWasNotTried() {
        ValidationProgress progress = check(job(Service.APPSTREAM, List.of("Training"), null),
                fleet("Training", NEW_IMAGE, "STOPPED", 1, 0, 0));

        assertTrue(progress.passed());
        assertTrue(progress.checks().get(0).answer().endsWith("capacity not tried (the fleet is stopped)"), progress::toString);
    }

    @Test
    void fleetErrorFailsAtOnceNamingTheFleetTheCodeAndTheMessage() {
        ValidationProgress progress = check(job(Service.APPSTREAM, List.of("Base-Test", "Other"), null),
                fleet("Base-Test", NEW_IMAGE, "RUNNING", 2, 0, 0, new TargetHealth.FleetError("IMAGE_NOT_FOUND", "The image is gone")),
                fleet("Other", NEW_IMAGE, "STARTING", 2, 0, 0));

        assertTrue(progress.done());
        assertFalse(progress.passed());
        assertEquals("fleet Base-Test: DescribeFleets: RUNNING on " + NEW_IMAGE + ", FleetErrors IMAGE_NOT_FOUND: The image is gone",
                progress.failure());
    }

    @Test
    void fleetWithoutCapacityKeepsTheLoopWaitingAndCountsTheCheck() {
        ValidationProgress first = check(job(Service.APPSTREAM, List.of("Base-Test"), null),
                fleet("Base-Test", NEW_IMAGE, "RUNNING", 2, 0, 0));
        ValidationProgress second = check(job(Service.APPSTREAM, List.of("Base-Test"), first),
                fleet("Base-Test", NEW_IMAGE, "RUNNING", 2, 0, 0));

        assertFalse(first.done());
        assertEquals(CheckResult.Status.WAITING, first.checks().get(0).status());
        assertFalse(second.done());
        assertEquals(2, second.polls());
        assertNull(second.failure());
    }

    @Test
    void aCheckStillWaitingAtTheBoundFailsSayingHowLongAndWhatAwsLastAnswered() {
        ValidationProgress twoChecksDone = new ValidationProgress(false, false, 2, List.of(), null, List.of());
        ValidationProgress atBound = check(job(Service.APPSTREAM, List.of("Base-Test"), twoChecksDone),
                fleet("Base-Test", "Base-Win2022", "RUNNING", 2, 2, 2));

        assertTrue(atBound.done());
        assertFalse(atBound.passed());
        assertEquals("fleet Base-Test still not ready after 60 min (3 checks): DescribeFleets: RUNNING on Base-Win2022, not yet on "
                + NEW_IMAGE, atBound.failure());
    }

    @Test
    void bundlePassesWhenItPointsAtTheNewImage() {
        ValidationProgress progress = check(job(Service.WORKSPACES, List.of("wsb-1t2e3s4t5"), null),
                new TargetHealth("bundle", "wsb-1t2e3s4t5", NEW_IMAGE, "AVAILABLE", List.of(), null));

        assertTrue(progress.passed());
        assertEquals("bundle wsb-1t2e3s4t5: DescribeWorkspaceBundles: points at " + NEW_IMAGE + ", State AVAILABLE",
                progress.checks().get(0).said());
    }

    @Test
    void aJobWithoutThePlansBoundIsRefusedNamingTheField() {
        ImageRequest unplanned = new ImageRequest(Service.APPSTREAM, "Base-Win2022", null, null, Map.of());

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new ValidationJob(unplanned, RUN, StartedImage.created(NEW_IMAGE, NEW_IMAGE, 0), null));
        assertTrue(refused.getMessage().startsWith("item.gate.maxPolls"), refused::getMessage);
    }

    @Test
    void theStreamingCheckRunsOnceTheFleetsPassAndItsAnswerIsEvidence() {
        StreamingCheck session = new StreamingCheck("Base-Test-Stack", "Base-Test", "gate-check");
        ValidationProgress waiting = check(job(Service.APPSTREAM, List.of("Base-Test"), null, session),
                fleet("Base-Test", NEW_IMAGE, "RUNNING", 2, 0, 0));
        ValidationProgress passed = check(job(Service.APPSTREAM, List.of("Base-Test"), waiting, session),
                fleet("Base-Test", NEW_IMAGE, "RUNNING", 2, 2, 2));

        assertEquals(1, waiting.checks().size(), "no streaming URL asked for while the fleet has no capacity");
        assertTrue(passed.passed());
        assertEquals("streaming Base-Test-Stack: CreateStreamingURL for user gate-check on fleet Base-Test: a URL",
                passed.checks().get(1).said());
    }

    @Test
    void aRefusedStreamingUrlFailsTheGateWithAwsAnswer() {
        ValidationProgress refused = check(job(Service.APPSTREAM, List.of("Base-Test"), null,
                new StreamingCheck("Other-Stack", "Base-Test", "gate-check")), fleet("Base-Test", NEW_IMAGE, "RUNNING", 2, 2, 2));

        assertTrue(refused.done());
        assertFalse(refused.passed());
        assertEquals("streaming Other-Stack: CreateStreamingURL refused, ResourceNotFoundException: no stack Other-Stack",
                refused.failure());
    }
}
