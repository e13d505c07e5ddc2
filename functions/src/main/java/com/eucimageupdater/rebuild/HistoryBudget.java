package com.eucimageupdater.rebuild;

import com.eucimageupdater.model.RebuildSettings;
import java.util.stream.IntStream;

/**
 * A bundle's rebuild runs in a child execution of its own, whose history holds at most {@link #MAX_EVENTS} events. Its loop
 * (the Rebuild step, a Choice, a Wait) adds {@link #EVENTS_PER_CALL} events a call; the worst case counts, for every wave, the call
 * that starts it, a call per poll until its timeout and a wait for the window, and the checks of skipped WorkSpaces every 30
 * minutes through a last window.
 */
public final class HistoryBudget {
    public static final int MAX_EVENTS = 25_000;
    /** TaskStateEntered, LambdaFunctionScheduled, LambdaFunctionStarted, LambdaFunctionSucceeded, TaskStateExited; Choice 2; Wait 2. */
    static final int EVENTS_PER_CALL = 9;
    /** The child execution's start and end, the Map iteration's, and the state that records the result. */
    static final int EVENTS_AROUND = 10;

    private HistoryBudget() {}

    static int waves(RebuildSettings settings, int workspaces) {
        int canary = Math.min(settings.canary(), workspaces);
        int rest = workspaces - canary;
        return (canary > 0 ? 1 : 0) + (rest + settings.batchSize() - 1) / settings.batchSize();
    }

    /** The most calls of the step the bundle may take: its loop's bound. */
    static int maxCalls(RebuildSettings settings, int workspaces) {
        int pollsPerWave = (int) (settings.waveTimeoutMinutes() / WaveRebuilder.POLL.toMinutes());
        int skippedChecks = (int) (settings.window().hours() * 60L / WaveRebuilder.RECHECK_SKIPPED.toMinutes());
        return waves(settings, workspaces) * (pollsPerWave + 2) + skippedChecks + 1;
    }

    public static int worstCaseEvents(RebuildSettings settings, int workspaces) {
        return maxCalls(settings, workspaces) * EVENTS_PER_CALL + EVENTS_AROUND;
    }

    /** Why the bundle's waves would not fit in one execution's history, naming the smallest batchSize that does; null when they fit. */
    static String refusal(RebuildSettings settings, int workspaces) {
        int events = worstCaseEvents(settings, workspaces);
        if (events <= MAX_EVENTS) {
            return null;
        }
        String fix = IntStream.rangeClosed(settings.batchSize(), RebuildSettings.MAX_BATCH_SIZE)
                .filter(batch -> worstCaseEvents(withBatchSize(settings, batch), workspaces) <= MAX_EVENTS).boxed().findFirst()
                .map(batch -> "set batchSize to " + batch + " or more")
                .orElse("no batchSize up to " + RebuildSettings.MAX_BATCH_SIZE + " fits: split the bundle's WorkSpaces across bundles");
        return workspaces + " WorkSpaces in waves of " + settings.batchSize() + " could take " + events + " history events, more than"
                + " an execution's " + MAX_EVENTS + "; " + fix + " (or a shorter waveTimeoutMinutes); nothing was rebuilt";
    }

    private static RebuildSettings withBatchSize(RebuildSettings settings, int batchSize) {
        return new RebuildSettings(settings.canary(), batchSize, settings.maxFailures(), settings.waveTimeoutMinutes(), settings.window());
    }
}
