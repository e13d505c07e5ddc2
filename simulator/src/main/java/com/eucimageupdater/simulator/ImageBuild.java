package com.eucimageupdater.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The build of an updated image: pending for a number of describe calls that show the image and/or a
 * number of seconds, as the source image's scenario says, then its outcome (or pending for ever).
 */
final class ImageBuild {
    private final Scenario.Build spec;
    private final Clock clock;
    private final Instant started;
    private int polls;

    ImageBuild(Scenario.Build spec, Clock clock) {
        this.spec = spec;
        this.clock = clock;
        this.started = clock.instant();
    }

    /** Counts one describe that shows the image and says where the build is now. */
    Scenario.BuildOutcome poll() {
        if (spec.outcome() == Scenario.BuildOutcome.PENDING || waitingForPolls() || waitingForTime()) {
            polls++;
            return Scenario.BuildOutcome.PENDING;
        }
        return spec.outcome();
    }

    private boolean waitingForPolls() {
        return spec.pollsUntilDone() != null && polls < spec.pollsUntilDone();
    }

    private boolean waitingForTime() {
        return spec.pendingSeconds() != null
                && clock.instant().isBefore(started.plus(Duration.ofMillis(Math.round(spec.pendingSeconds() * 1000))));
    }
}
