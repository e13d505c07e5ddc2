package com.eucimageupdater.rebuild;

import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.RebuildSettings;
import com.eucimageupdater.model.RetryableAwsException;
import com.eucimageupdater.model.RunSettings;
import com.eucimageupdater.plan.RunLimits;
import com.eucimageupdater.rebuild.BundleWorkspaces.Connection;
import com.eucimageupdater.rebuild.BundleWorkspaces.Desktop;
import com.eucimageupdater.rebuild.Eligibility.Skip;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One call of a bundle's rebuild: follows the wave in progress, stops the rest when the canary or too many rebuilds failed,
 * and starts the next wave when the window allows, from the WorkSpaces that may be rebuilt now (in id order, so that waves are
 * reproducible). Each WorkSpace is tagged with the image before its rebuild is requested, so that no retry and no later run
 * rebuilds it twice. The answer says when to call again; a report-only run answers at once what it would rebuild.
 */
public final class WaveRebuilder {
    /** How often a wave's rebuilds are looked at. */
    static final Duration POLL = Duration.ofMinutes(10);
    /** When only skipped WorkSpaces remain, how often they are checked again until the window ends. */
    static final Duration RECHECK_SKIPPED = Duration.ofMinutes(30);
    /** After AWS throttled a RebuildWorkspaces: asked again this much later. */
    static final Duration THROTTLED_AGAIN = Duration.ofMinutes(1);
    /** DescribeWorkspacesConnectionStatus and DescribeWorkspaces take at most 25 ids a call. */
    static final int IDS_PER_CALL = 25;
    private static final List<String> BROKEN = List.of("ERROR", "UNHEALTHY");

    private final Function<Location, BundleWorkspaces> workspaces;

    public WaveRebuilder(Function<Location, BundleWorkspaces> workspaces) {
        this.workspaces = workspaces;
    }

    public RebuildProgress next(RebuildJob job, Instant now) {
        RunSettings run = job.run();
        ZoneId zone = run.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(run.timeZone());
        RebuildProgress before = job.rebuild() == null || job.rebuild().calls() == 0 ? null : job.rebuild();
        // An hour to spare for the mail after the last wave, before the execution's timeout ends the run.
        Instant deadline = Instant.parse(job.runStartedAt()).plus(Duration.ofHours(RunLimits.EXECUTION_TIMEOUT_HOURS - 1L));
        return new Call(job.bundle(), workspaces.apply(job.bundle().location()), before, zone, now, deadline).run(run.dryRun());
    }

    /** One call's work on the bundle: the progress read back, changed, and answered. */
    private static final class Call {
        private final BundleRebuild item;
        private final RebuildSettings settings;
        private final BundleWorkspaces aws;
        private final MaintenanceWindow window;
        private final Instant now;
        private final Instant deadline;
        private final int calls;
        private int maxCalls;
        private final Tally tally;
        private final Skips skips;
        private List<String> wave;
        private List<String> toRequest;
        private boolean canaryWave;
        private Instant waveStartedAt;
        private String checkedUpTo;
        private List<Desktop> onBundle;

        Call(BundleRebuild item, BundleWorkspaces aws, RebuildProgress before, ZoneId zone, Instant now, Instant deadline) {
            this.item = item;
            this.deadline = deadline;
            this.settings = item.settings();
            this.aws = aws;
            this.window = new MaintenanceWindow(settings.window(), zone);
            this.now = now;
            this.calls = before == null ? 1 : before.calls() + 1;
            this.maxCalls = before == null ? 0 : before.maxCalls();
            this.tally = Tally.of(item, before == null ? null : before.result());
            this.skips = Skips.of(before == null ? List.of() : before.retry());
            this.wave = new ArrayList<>(before == null ? List.of() : before.wave());
            this.toRequest = before == null ? List.of() : before.toRequest();
            this.canaryWave = before != null && before.canaryWave();
            this.waveStartedAt = before == null || before.waveStartedAt() == null ? null : Instant.parse(before.waveStartedAt());
            this.checkedUpTo = before == null ? null : before.checkedUpTo();
        }

        RebuildProgress run(boolean reportOnly) {
            if (calls == 1) {
                listBundle();
                maxCalls = HistoryBudget.maxCalls(settings, onBundle.size());
                String tooLong = HistoryBudget.refusal(settings, onBundle.size());
                if (tooLong != null) {
                    return done(RebuildOutcome.REFUSED, tooLong);
                }
                if (reportOnly) {
                    return wouldRebuild();
                }
                String bundleImage = aws.imageOfBundle(item.bundle());
                if (!item.image().equals(bundleImage)) {
                    return done(RebuildOutcome.REFUSED, "bundle " + item.bundle() + " points at " + bundleImage + ", not " + item.image()
                            + " (its move did not happen, or someone moved it since): a rebuild would take the bundle's image;"
                            + " nothing was rebuilt");
                }
            } else if (calls > maxCalls) {
                return done(RebuildOutcome.STOPPED, "the rebuild reached its bound of " + maxCalls + " calls (its waves' worst case in"
                        + " the execution's history)");
            }
            if (!toRequest.isEmpty() && !request(toRequest)) {
                return waitUntil(now.plus(THROTTLED_AGAIN));
            }
            if (!wave.isEmpty() && !followWave()) {
                return waitUntil(now.plus(POLL));
            }
            String stop = stopReason();
            return stop != null ? done(RebuildOutcome.STOPPED, stop) : nextWave();
        }

        /** Whether the wave is all back: each WorkSpace AVAILABLE (rebuilt), broken, gone, or past the wave's timeout (failed). */
        private boolean followWave() {
            Map<String, String> states = inChunks(wave, aws::states);
            boolean timedOut = !now.isBefore(waveStartedAt.plus(Duration.ofMinutes(settings.waveTimeoutMinutes())));
            List<String> pending = new ArrayList<>();
            for (String id : wave) {
                String state = states.get(id);
                if (state == null) {
                    tally.failed(id, null, "no longer described by DescribeWorkspaces (terminated?)");
                } else if ("AVAILABLE".equals(state)) {
                    tally.rebuilt(id);
                } else if (BROKEN.contains(state)) {
                    tally.failed(id, state, "RebuildWorkspaces ended " + state);
                } else if (timedOut) {
                    tally.failed(id, state, "not AVAILABLE within " + settings.waveTimeoutMinutes() + " minutes of its rebuild");
                } else {
                    pending.add(id);
                }
            }
            wave = pending;
            return pending.isEmpty();
        }

        /** Any failure of the canary wave stops the rest; after it, more than maxFailures failures do. */
        private String stopReason() {
            if (canaryWave && tally.failedCount > 0) {
                RebuildResult.Failure canary = tally.firstFailure();
                return "the canary " + canary.workspaceId() + (BROKEN.contains(canary.state()) ? " ended " + canary.state()
                        : " failed: " + canary.reason());
            }
            if (tally.failedCount > settings.maxFailures()) {
                return tally.failedCount + " rebuilds failed, more than maxFailures (" + settings.maxFailures() + ")";
            }
            return null;
        }

        private RebuildProgress nextWave() {
            canaryWave = false;
            listBundle();
            Set<String> ids = onBundle.stream().map(Desktop::id).collect(Collectors.toSet());
            skips.keepOnly(ids);
            List<Desktop> candidates = onBundle.stream().filter(desktop -> skips.contains(desktop.id()) || isFresh(desktop.id())).toList();
            boolean freshLeft = candidates.stream().anyMatch(desktop -> !skips.contains(desktop.id()));
            if (candidates.isEmpty()) {
                return done(RebuildOutcome.REBUILT, null);
            }
            Duration waveLength = Duration.ofMinutes(settings.waveTimeoutMinutes());
            Instant start = window.fits(now, waveLength) ? now : window.nextOpeningAfter(now);
            if (freshLeft && start.plus(waveLength).isAfter(deadline)) {
                return done(RebuildOutcome.STOPPED, "the next wave could end after " + deadline + ", when the run's execution ends ("
                        + RunLimits.EXECUTION_TIMEOUT_HOURS + " h after its start, less an hour for the mail)");
            }
            if (!start.equals(now)) {
                return freshLeft ? waitUntil(start) : done(RebuildOutcome.REBUILT, null);
            }
            boolean canary = tally.waves == 0 && settings.canary() > 0;
            List<String> chosen = eligible(candidates, canary ? settings.canary() : settings.batchSize());
            if (chosen.isEmpty()) {
                Instant recheck = now.plus(RECHECK_SKIPPED);
                boolean windowLasts = window.endOfOpeningAt(now).filter(recheck::isBefore).isPresent();
                return skips.isEmpty() || !windowLasts ? done(RebuildOutcome.REBUILT, null) : waitUntil(recheck);
            }
            canaryWave = canary;
            tally.waves++;
            wave = new ArrayList<>(chosen);
            waveStartedAt = now;
            return waitUntil(request(chosen) ? now.plus(POLL) : now.plus(THROTTLED_AGAIN));
        }

        /**
         * Tags each WorkSpace with the image, then asks for its rebuild; a refused request is a failure of the wave.
         *
         * @return false when AWS throttled a request: it and the rest are asked for again at the next call
         */
        private boolean request(List<String> ids) {
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                aws.tagRebuilt(id, item.image());
                String refused;
                try {
                    refused = aws.rebuild(id);
                } catch (RetryableAwsException throttled) {
                    toRequest = List.copyOf(ids.subList(i, ids.size()));
                    return false;
                }
                if (refused != null) {
                    wave.remove(id);
                    tally.failed(id, null, "RebuildWorkspaces refused: " + refused);
                }
            }
            toRequest = List.of();
            return true;
        }

        /**
         * Up to {@code wanted} WorkSpaces that may be rebuilt now, checked in id order, 25 at a time: a WorkSpace not checked
         * before is first looked at for its tag (already on the image: counted, never touched); the others that must wait are
         * skipped with their reason.
         */
        private List<String> eligible(List<Desktop> candidates, int wanted) {
            List<String> chosen = new ArrayList<>();
            for (int from = 0; from < candidates.size() && chosen.size() < wanted; from += IDS_PER_CALL) {
                List<Desktop> chunk = candidates.subList(from, Math.min(candidates.size(), from + IDS_PER_CALL));
                Map<String, Connection> connections = new HashMap<>();
                for (Desktop desktop : chunk) {
                    if (chosen.size() >= wanted) {
                        break;
                    }
                    String id = desktop.id();
                    boolean fresh = !skips.contains(id);
                    if (fresh) {
                        checkedUpTo = id;
                        if (isOnImageAlready(id)) {
                            tally.alreadyRebuilt++;
                            continue;
                        }
                    }
                    Skip skip = Eligibility.check(desktop, () -> connectionOf(id, chunk, connections),
                            () -> aws.latestRebuildSnapshot(id));
                    if (skip == null) {
                        skips.remove(id);
                        chosen.add(id);
                    } else {
                        skips.put(id, skip);
                    }
                }
            }
            return chosen;
        }

        /**
         * A roll-out rebuilds what does not carry the image yet (its tag); a rollback only what the rolled-back roll-out rebuilt;
         * a report-only run's would-be image exists nowhere yet, so its tags are not read.
         */
        private boolean isOnImageAlready(String id) {
            return switch (item.mode()) {
                case ROLLOUT -> item.image().equals(aws.rebuiltTag(id));
                case ROLLBACK -> !Objects.equals(item.from(), aws.rebuiltTag(id));
                case PREVIEW -> false;
            };
        }

        /** The chunk's connections, read in one call when the first of them is needed. */
        private Connection connectionOf(String id, List<Desktop> chunk, Map<String, Connection> connections) {
            if (connections.isEmpty()) {
                connections.putAll(aws.connections(chunk.stream().map(Desktop::id).toList()));
            }
            return connections.get(id);
        }

        private RebuildProgress wouldRebuild() {
            List<String> would = eligible(onBundle, Integer.MAX_VALUE);
            return new RebuildProgress(true, null, calls, maxCalls, List.of(), List.of(), false, null, null, List.of(),
                    tally.wouldRebuild(skips, would));
        }

        private boolean isFresh(String id) {
            return checkedUpTo == null || id.compareTo(checkedUpTo) > 0;
        }

        private void listBundle() {
            onBundle = aws.workspacesOf(item.bundle()).stream().sorted(Comparator.comparing(Desktop::id)).toList();
            tally.workspaces = onBundle.size();
        }

        private RebuildProgress waitUntil(Instant until) {
            return new RebuildProgress(false, until.toString(), calls, maxCalls, wave, toRequest, canaryWave,
                    waveStartedAt == null ? null : waveStartedAt.toString(), checkedUpTo, skips.grouped(Integer.MAX_VALUE),
                    tally.result(null, skips, null));
        }

        private RebuildProgress done(RebuildOutcome outcome, String because) {
            return new RebuildProgress(true, null, calls, maxCalls, List.of(), List.of(), false, null, checkedUpTo, List.of(),
                    tally.result(outcome, skips, because));
        }

        private static <V> Map<String, V> inChunks(List<String> ids, Function<List<String>, Map<String, V>> call) {
            Map<String, V> all = new HashMap<>();
            for (int from = 0; from < ids.size(); from += IDS_PER_CALL) {
                all.putAll(call.apply(ids.subList(from, Math.min(ids.size(), from + IDS_PER_CALL))));
            }
            return all;
        }
    }
}
