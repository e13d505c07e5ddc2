package com.eucimageupdater.rebuild;

import static com.eucimageupdater.rebuild.FakeBundle.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.RebuildSettings;
import com.eucimageupdater.model.RunSettings;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.rebuild.BundleWorkspaces.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The rebuild's rules on a fake bundle: waves, the window, the skips, the stops, the tags, report-only and rollback. */
class WaveRebuilderTest {
    private static final String NEW = "wsi-new123456";
    private static final String OLD = "wsi-old123456";
    private static final String BUNDLE = "wsb-product01";
    /** Saturday 2026-12-12, 22:00 in Paris: the window's opening. */
    private static final Instant OPENS = Instant.parse("2026-12-12T21:00:00Z");
    private static final RebuildSettings.Window WINDOW = new RebuildSettings.Window(List.of("SAT", "SUN"), "22:00", 6);

    private FakeBundle bundle = new FakeBundle(NEW);
    private RebuildSettings settings = new RebuildSettings(2, 3, 0, 60, WINDOW);
    private RebuildMode mode = RebuildMode.ROLLOUT;
    private boolean dryRun;
    private RebuildProgress progress;
    private Instant now = OPENS;
    private Instant runStartedAt = Instant.parse("2026-12-08T06:00:00Z");

    private RebuildProgress call() {
        BundleRebuild item = new BundleRebuild(Service.WORKSPACES, "123456789012", "eu-west-1", BUNDLE,
                mode == RebuildMode.ROLLOUT ? NEW : OLD, mode == RebuildMode.ROLLOUT ? OLD : NEW, mode, settings);
        RunSettings run = RunSettings.builder().executionName("monthly-2026-12").location(new Location("123456789012", "eu-west-1"))
                .timeZone("Europe/Paris").dryRun(dryRun).build();
        progress = new WaveRebuilder(location -> bundle).next(new RebuildJob(item, run, runStartedAt.toString(), progress), now);
        return progress;
    }

    /** Calls until done, each rebuild ending between two calls, each call at the time the previous one asked for. */
    private RebuildResult untilDone() {
        for (int calls = 0; calls < 1_000 && !call().done(); calls++) {
            bundle.finishRebuilds();
            now = Instant.parse(progress.waitUntil());
        }
        return progress.result();
    }

    @Test
    void rebuildsTheCanaryThenBatchesInIdOrder() {
        bundle.withAvailable(8);
        RebuildResult result = untilDone();
        assertEquals(RebuildOutcome.REBUILT, result.outcome());
        assertEquals(IntStream.rangeClosed(1, 8).mapToObj(FakeBundle::id).toList(), bundle.rebuilt());
        assertEquals(3, result.waves(), "the 2 canaries, then 3 and 3");
        assertEquals(8, result.rebuilt());
        assertEquals(0, result.stillOnOldImage());
    }

    @Test
    void aWaveStartsOnlyWhenThePreviousIsBackAvailable() {
        bundle.withAvailable(5);
        call();
        assertEquals(List.of(id(1), id(2)), bundle.rebuilt());
        now = Instant.parse(progress.waitUntil());
        assertEquals(OPENS.plus(WaveRebuilder.POLL), now);
        call();
        assertEquals(2, bundle.rebuilt().size(), "still REBUILDING: the next wave waits");
        bundle.finishRebuilds();
        now = Instant.parse(progress.waitUntil());
        call();
        assertEquals(List.of(id(1), id(2), id(3), id(4), id(5)), bundle.rebuilt());
        assertEquals(2, progress.result().rebuilt());
    }

    @Test
    void tagsEachWorkspaceWithTheImageBeforeItsRebuild() {
        bundle.withAvailable(1);
        call();
        assertEquals(List.of("tag " + id(1) + " " + NEW, "rebuild " + id(1)), bundle.mutations);
    }

    @Test
    void outsideTheWindowWaitsForItsNextOpeningInTheSchedulesTimeZone() {
        bundle.withAvailable(3);
        now = Instant.parse("2026-12-09T12:00:00Z");
        RebuildProgress answer = call();
        assertFalse(answer.done());
        assertEquals(OPENS.toString(), answer.waitUntil());
        assertEquals(List.of(), bundle.mutations);
    }

    @Test
    void aWaveThatWouldRunPastTheWindowWaitsForTheNextOpening() {
        bundle.withAvailable(3);
        now = Instant.parse("2026-12-13T02:30:00Z");
        RebuildProgress answer = call();
        assertEquals("2026-12-13T21:00:00Z", answer.waitUntil(), "30 minutes left of Saturday's window, the wave takes 60: Sunday 22:00");
        assertEquals(List.of(), bundle.mutations);
    }

    @Test
    void skipsEachWorkspaceThatMustWaitWithItsReason() {
        bundle.withAvailable(7);
        Instant lastConnection = OPENS.minus(Duration.ofHours(5));
        bundle.connections.put(id(1), new Connection("CONNECTED", OPENS));
        bundle.connections.put(id(2), new Connection("DISCONNECTED", lastConnection));
        bundle.snapshots.put(id(2), lastConnection.minus(Duration.ofHours(1)));
        bundle.connections.put(id(3), new Connection("DISCONNECTED", lastConnection));
        bundle.states.put(id(4), "ADMIN_MAINTENANCE");
        bundle.states.put(id(5), "SUSPENDED");
        bundle.connections.put(id(6), new Connection("DISCONNECTED", lastConnection));
        bundle.snapshots.put(id(6), lastConnection.plus(Duration.ofHours(1)));
        settings = new RebuildSettings(0, 10, 0, 60, WINDOW);
        RebuildResult result = untilDone();
        assertEquals(List.of(id(6), id(7)), bundle.rebuilt(), "a snapshot newer than the last connection, and a user who never connected");
        assertEquals(List.of(
                new RebuildResult.Skipped(SkipReason.NOT_AVAILABLE, "SUSPENDED", 1, List.of(id(5))),
                new RebuildResult.Skipped(SkipReason.USER_CONNECTED, null, 1, List.of(id(1))),
                new RebuildResult.Skipped(SkipReason.SNAPSHOT_OLDER_THAN_LAST_CONNECTION, null, 2, List.of(id(2), id(3))),
                new RebuildResult.Skipped(SkipReason.ADMIN_MAINTENANCE, null, 1, List.of(id(4)))), result.skipped());
        assertEquals(5, result.stillOnOldImage());
    }

    @Test
    void skippedWorkspacesAreCheckedAgainWhileTheWindowLasts() {
        bundle.withAvailable(3);
        bundle.connections.put(id(2), new Connection("CONNECTED", OPENS));
        settings = new RebuildSettings(0, 5, 0, 60, WINDOW);
        call();
        assertEquals(List.of(id(1), id(3)), bundle.rebuilt());
        bundle.finishRebuilds();
        bundle.connections.put(id(2), new Connection("DISCONNECTED", null));
        RebuildResult result = untilDone();
        assertEquals(List.of(id(1), id(3), id(2)), bundle.rebuilt(), "its user left: rebuilt in the next wave");
        assertEquals(List.of(), result.skipped());
    }

    @Test
    void onlySkippedLeftAreCheckedEveryHalfHourUntilTheWindowEndsThenListed() {
        bundle.withAvailable(1);
        bundle.connections.put(id(1), new Connection("CONNECTED", OPENS));
        RebuildProgress first = call();
        assertEquals(OPENS.plus(WaveRebuilder.RECHECK_SKIPPED).toString(), first.waitUntil());
        RebuildResult result = untilDone();
        assertEquals(RebuildOutcome.REBUILT, result.outcome());
        assertEquals(List.of(), bundle.mutations);
        assertEquals(1, result.skipped().get(0).count());
        assertTrue(now.isBefore(OPENS.plus(Duration.ofHours(6))), "done within the window: " + now);
    }

    @Test
    void aFailedCanaryStopsTheRest() {
        bundle.withAvailable(6);
        bundle.endsIn.put(id(2), "ERROR");
        settings = new RebuildSettings(2, 3, 5, 60, WINDOW);
        RebuildResult result = untilDone();
        assertEquals(RebuildOutcome.STOPPED, result.outcome());
        assertEquals(List.of(id(1), id(2)), bundle.rebuilt());
        assertEquals("the canary " + id(2) + " ended ERROR", result.stoppedBecause());
        assertEquals(List.of(new RebuildResult.Failure(id(2), "ERROR", "RebuildWorkspaces ended ERROR")), result.failed());
        assertEquals(5, result.stillOnOldImage());
    }

    @Test
    void moreFailuresThanMaxFailuresStopTheRest() {
        bundle.withAvailable(9);
        bundle.endsIn.put(id(3), "UNHEALTHY");
        bundle.endsIn.put(id(4), "ERROR");
        settings = new RebuildSettings(1, 3, 1, 60, WINDOW);
        RebuildResult result = untilDone();
        assertEquals(RebuildOutcome.STOPPED, result.outcome());
        assertEquals(List.of(id(1), id(2), id(3), id(4)), bundle.rebuilt());
        assertEquals("2 rebuilds failed, more than maxFailures (1)", result.stoppedBecause());
        assertEquals(2, result.failedCount());
    }

    @Test
    void maxFailuresToleratesThatMany() {
        bundle.withAvailable(5);
        bundle.endsIn.put(id(3), "ERROR");
        settings = new RebuildSettings(1, 2, 1, 60, WINDOW);
        RebuildResult result = untilDone();
        assertEquals(RebuildOutcome.REBUILT, result.outcome());
        assertEquals(4, result.rebuilt());
        assertEquals(1, result.failedCount());
    }

    @Test
    void aRebuildNotBackWithinTheWaveTimeoutFails() {
        bundle.withAvailable(1);
        settings = new RebuildSettings(0, 1, 0, 30, WINDOW);
        call();
        for (int polls = 0; polls < 3 && !progress.done(); polls++) {
            now = Instant.parse(progress.waitUntil());
            call();
        }
        assertEquals(List.of(new RebuildResult.Failure(id(1), "REBUILDING", "not AVAILABLE within 30 minutes of its rebuild")),
                progress.result().failed());
    }

    @Test
    void aWorkspaceAlreadyTaggedWithTheImageIsCountedAndNeverRebuilt() {
        bundle.withAvailable(3);
        bundle.tags.put(id(1), NEW);
        bundle.tags.put(id(2), "wsi-older12345");
        RebuildResult result = untilDone();
        assertEquals(List.of(id(2), id(3)), bundle.rebuilt());
        assertEquals(1, result.alreadyRebuilt());
        assertEquals(0, result.stillOnOldImage());
    }

    @Test
    void aSecondRunRebuildsNothingTwice() {
        bundle.withAvailable(4);
        untilDone();
        bundle.mutations.clear();
        progress = null;
        RebuildResult again = untilDone();
        assertEquals(List.of(), bundle.mutations);
        assertEquals(4, again.alreadyRebuilt());
    }

    @Test
    void aThrottledRebuildIsAskedForAgainAtTheNextCall() {
        bundle.withAvailable(2);
        bundle.throttledOnce.add(id(2));
        RebuildProgress answer = call();
        assertEquals(now.plus(WaveRebuilder.THROTTLED_AGAIN).toString(), answer.waitUntil());
        assertEquals(List.of(id(1)), bundle.rebuilt());
        RebuildResult result = untilDone();
        assertEquals(List.of(id(1), id(2)), bundle.rebuilt());
        assertEquals(2, result.rebuilt());
    }

    @Test
    void reportOnlyListsWhatWouldBeRebuiltAndSkippedWithNoMutatingCall() {
        bundle.withAvailable(4);
        bundle.connections.put(id(3), new Connection("CONNECTED", OPENS));
        bundle.tags.put(id(4), NEW);
        bundle.bundleImage = OLD;
        dryRun = true;
        RebuildProgress answer = call();
        assertTrue(answer.done());
        assertEquals(List.of(), bundle.mutations);
        RebuildResult result = answer.result();
        assertEquals(RebuildOutcome.WOULD_REBUILD, result.outcome());
        assertEquals(2, result.wouldRebuild());
        assertEquals(List.of(id(1), id(2)), result.wouldRebuildIds());
        assertEquals(List.of(new RebuildResult.Skipped(SkipReason.USER_CONNECTED, null, 1, List.of(id(3)))), result.skipped());
        assertEquals(1, result.alreadyRebuilt());
    }

    @Test
    void aReportOnlyRunsWouldBeImageIsOnNoWorkspaceSoEveryEligibleOneWouldBeRebuiltEvenATaggedOne() {
        mode = RebuildMode.PREVIEW;
        bundle.withAvailable(3);
        bundle.tags.put(id(2), OLD);
        dryRun = true;
        RebuildResult result = call().result();
        assertEquals(RebuildOutcome.WOULD_REBUILD, result.outcome());
        assertEquals(List.of(id(1), id(2), id(3)), result.wouldRebuildIds());
        assertEquals(0, result.alreadyRebuilt());
        assertEquals(List.of(), bundle.mutations);
    }

    @Test
    void aBundleNotOnTheImageIsRefusedWithNothingRebuilt() {
        bundle.withAvailable(2);
        bundle.bundleImage = OLD;
        RebuildResult result = untilDone();
        assertEquals(RebuildOutcome.REFUSED, result.outcome());
        assertTrue(result.stoppedBecause().startsWith("bundle " + BUNDLE + " points at " + OLD + ", not " + NEW), result.stoppedBecause());
        assertEquals(List.of(), bundle.mutations);
    }

    @Test
    void wavesThatWouldPassTheHistoryLimitAreRefusedNamingTheSmallestBatchSizeThatFits() {
        bundle.withAvailable(2_000);
        settings = new RebuildSettings(2, 5, 0, 120, WINDOW);
        RebuildResult result = untilDone();
        assertEquals(RebuildOutcome.REFUSED, result.outcome());
        int fits = IntStream.rangeClosed(5, 500).filter(batch -> HistoryBudget.worstCaseEvents(new RebuildSettings(2, batch, 0, 120, WINDOW),
                2_000) <= HistoryBudget.MAX_EVENTS).findFirst().orElseThrow();
        assertTrue(result.stoppedBecause().contains("set batchSize to " + fits + " or more"), result.stoppedBecause());
        assertEquals(List.of(), bundle.mutations);
    }

    @Test
    void aRollbackRebuildsBackOnlyTheWorkspacesTheRolloutRebuilt() {
        mode = RebuildMode.ROLLBACK;
        bundle = new FakeBundle(OLD).withAvailable(3);
        bundle.tags.put(id(1), NEW);
        bundle.tags.put(id(3), NEW);
        RebuildResult result = untilDone();
        assertEquals(List.of(id(1), id(3)), bundle.rebuilt());
        assertEquals(OLD, bundle.tags.get(id(1)));
        assertEquals(RebuildMode.ROLLBACK, result.mode());
        assertEquals(1, result.alreadyRebuilt(), "never rebuilt onto the rolled-back image: nothing to undo");
    }

    @Test
    void aWaveThatCouldEndAfterTheExecutionsTimeoutStopsTheRest() {
        bundle.withAvailable(3);
        runStartedAt = OPENS.minus(Duration.ofHours(335));
        RebuildResult result = untilDone();
        assertEquals(RebuildOutcome.STOPPED, result.outcome());
        assertEquals("the next wave could end after " + OPENS + ", when the run's execution ends"
                + " (336 h after its start, less an hour for the mail)", result.stoppedBecause());
        assertEquals(List.of(), bundle.mutations);
    }

    @Test
    void aBundleWithNoWorkspacesIsDoneAtOnce() {
        RebuildResult result = untilDone();
        assertEquals(RebuildOutcome.REBUILT, result.outcome());
        assertEquals(0, result.workspaces());
        assertNull(result.stoppedBecause());
    }
}
