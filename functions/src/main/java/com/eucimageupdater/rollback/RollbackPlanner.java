package com.eucimageupdater.rollback;

import com.eucimageupdater.model.ImageState;
import com.eucimageupdater.model.ImageUpdateException;
import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.model.ServicePorts;
import com.eucimageupdater.model.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reverses a roll-out: finds the images the named execution moved fleets and bundles to (as the run that built them,
 * or as a promote of that run), and the image each of them used before (the new image's tags), and checks every move
 * back first (the previous image still there, AVAILABLE, and of a platform the fleet can take). Nothing moves unless
 * every check passes.
 */
public final class RollbackPlanner {
    private final ServicePorts<RolloutRecords> services;

    public RollbackPlanner(ServicePorts<RolloutRecords> services) {
        this.services = services;
    }

    /**
     * Targets to move back to one previous image.
     *
     * @param current each target's image when the checks read it (the rolled-out one, or one it was moved to since): what a
     *                report-only rollback says it would move back from
     * @param source, lineage the rolled-out image's source and lineage, as its tags record them
     * @param production whether a production fleet or bundle of that run is among the targets: production then runs
     *                   {@code image} again, which the lineage's parameter says once the move is done
     * @param rebuiltCanaries the canary WorkSpaces the run's gate rebuilt from {@code from}: not rebuilt again, the mail says how
     */
    public record MoveBack(Service service, String account, String region, String image, String from, List<String> targets,
            Map<String, String> current, String source, String lineage, boolean production, List<String> rebuiltCanaries) {

        public MoveBack {
            current = current == null ? Map.of() : current;
            rebuiltCanaries = rebuiltCanaries == null ? List.of() : List.copyOf(rebuiltCanaries);
        }
    }

    /** One target's check: why it cannot go back, or null, and the image it uses now. */
    private record Checked(String problem, String current) {}

    public record Rollback(List<MoveBack> moves, List<String> problems) {}

    /**
     * @param locations every account and Region the deployment works in: where the roll-out's images are looked for
     */
    public Rollback plan(String executionName, List<Location> locations) {
        RunImages.Search search = RunImages.of(services, executionName, locations, "rollback");
        List<String> problems = new ArrayList<>(search.problems());
        Map<String, MoveBack> moves = new LinkedHashMap<>();
        for (RunImages.Found found : search.images()) {
            Location location = found.location();
            found.image().previousByTarget().forEach((target, previous) -> {
                Checked checked = check(found.service(), found.type(), target, previous, location.account());
                if (checked.problem() != null) {
                    problems.add(location + ": " + checked.problem());
                } else {
                    moves.merge(location + "/" + found.type() + "/" + previous + "/" + found.image().image(),
                            new MoveBack(found.type(), location.account(), location.region(), previous, found.image().image(),
                                    List.of(target), Map.of(target, checked.current()), found.image().source(), found.image().lineage(),
                                    found.image().productionImages().containsKey(target), found.image().rebuiltCanaries()),
                            RollbackPlanner::together);
                }
            });
        }
        if (moves.isEmpty() && problems.isEmpty()) {
            problems.add("rollback: no image in the deployment's accounts and Regions records a roll-out by execution " + executionName
                    + " (a report-only run, a run that rolled nothing out, or its images were deleted); nothing was changed");
        }
        return new Rollback(problems.isEmpty() ? List.copyOf(moves.values()) : List.of(), problems);
    }

    private static Checked check(RolloutRecords service, Service type, String target, String previous, String account) {
        String what = type.rules().target() + " " + target + " back to " + previous;
        try {
            if (service.describeUpdatedImage(previous).state() != ImageState.AVAILABLE) {
                return new Checked(what + ": that image is no longer AVAILABLE", null);
            }
            Target now = service.describeTarget(target, account);
            String refusal = service.refusal(now, previous);
            return new Checked(refusal == null ? null : what + ": " + refusal, now.image());
        } catch (ImageUpdateException e) {
            return new Checked(what + ": " + e.getMessage(), null);
        }
    }

    private static MoveBack together(MoveBack one, MoveBack other) {
        List<String> targets = new ArrayList<>(one.targets());
        targets.addAll(other.targets());
        Map<String, String> current = new LinkedHashMap<>(one.current());
        current.putAll(other.current());
        return new MoveBack(one.service(), one.account(), one.region(), one.image(), one.from(), targets, current, one.source(),
                one.lineage(), one.production() || other.production(), one.rebuiltCanaries());
    }
}
