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
        this(spec, clock, clock.instant(), 0);
    }

    /** A build that goes on from a saved state: started then, with its describes counted. */
    static ImageBuild resumed(Scenario.Build spec, Clock clock, Scenario.Building building) {
        return new ImageBuild(spec, clock, ScenarioRules.instant("building started", building.started()), building.polls());
    }

    private ImageBuild(Scenario.Build spec, Clock clock, Instant started, int polls) {
        this.spec = spec;
        this.clock = clock;
        this.started = started;
        this.polls = polls;
    }

    /** Counts one describe that shows the image and says where the build is now. */
    Scenario.BuildOutcome poll() {
        if (spec.outcome() == Scenario.BuildOutcome.PENDING || waitingForPolls() || waitingForTime()) {
            polls++;
            return Scenario.BuildOutcome.PENDING;
        }
        return spec.outcome();
    }

    /** Where the build is, for a saved state. */
    Scenario.Building progress(String updateOf) {
        return new Scenario.Building(updateOf, started.toString(), polls);
    }

    private boolean waitingForPolls() {
        return spec.pollsUntilDone() != null && polls < spec.pollsUntilDone();
    }

    private boolean waitingForTime() {
        return spec.pendingSeconds() != null
                && clock.instant().isBefore(started.plus(Duration.ofMillis(Math.round(spec.pendingSeconds() * 1000))));
    }
}
