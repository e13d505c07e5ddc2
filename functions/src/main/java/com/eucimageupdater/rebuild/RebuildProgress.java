package com.eucimageupdater.rebuild;

import java.util.List;

/**
 * Where one bundle's rebuild stands between two calls of the step: the state machine waits until {@code waitUntil} and calls
 * again, until {@code done}; then {@code result} is the bundle's result.
 *
 * @param waitUntil when to call again (ISO-8601 UTC): the next poll, the window's next opening, or the next check of skipped
 *                  WorkSpaces; null when done
 * @param calls how many times the step ran for this bundle, bounded by {@code maxCalls} (the history budget)
 * @param wave the WorkSpaces of the wave being followed; empty between waves
 * @param toRequest WorkSpaces of the wave, already tagged, whose RebuildWorkspaces AWS throttled: requested again next call
 * @param canaryWave whether the wave being followed is the canary wave
 * @param waveStartedAt when the wave's rebuilds were requested (ISO-8601 UTC)
 * @param checkedUpTo every WorkSpace id up to this one (in id order) has been checked: rebuilt, failed, already rebuilt or in
 *                    {@code retry}; null before the first check
 * @param retry the skipped WorkSpaces, by reason, every id: checked again in the next waves
 * @param result the bundle's result so far (its counts grow with each wave)
 */
public record RebuildProgress(boolean done, String waitUntil, int calls, int maxCalls, List<String> wave, List<String> toRequest,
        boolean canaryWave, String waveStartedAt, String checkedUpTo, List<RebuildResult.Skipped> retry, RebuildResult result) {

    public RebuildProgress {
        wave = wave == null ? List.of() : List.copyOf(wave);
        toRequest = toRequest == null ? List.of() : List.copyOf(toRequest);
        retry = retry == null ? List.of() : List.copyOf(retry);
    }
}
