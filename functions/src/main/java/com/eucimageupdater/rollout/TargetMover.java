package com.eucimageupdater.rollout;

import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.model.ServicePorts;
import com.eucimageupdater.model.Target;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves fleets or bundles to an image: staging as soon as it is AVAILABLE, production after approval, and back
 * again for a rollback. The image each target used before is recorded on the new image first (tags), so that a
 * rollback always knows it, even when the move itself fails half-way or is retried.
 */
public final class TargetMover {
    private final ServicePorts<TargetMoves> services;

    public TargetMover(ServicePorts<TargetMoves> services) {
        this.services = services;
    }

    /**
     * One target: the image it used before, and what the admin should know (sessions, existing WorkSpaces).
     *
     * @param moved whether this step's UpdateFleet or UpdateWorkspaceBundle moved it; false when it already used the image
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Moved(String target, String previous, String image, boolean moved, String note) {}

    /**
     * @param record whether to record the previous images on {@code image} (a rollback records nothing)
     * @param rolledOutBy for a production roll-out, the execution rolling it out, recorded with them; else null
     */
    public List<Moved> move(Service type, String image, List<String> targets, Location location, boolean record, String rolledOutBy) {
        return move(type, image, targets, location, record, rolledOutBy, Set.of());
    }

    /** @param rebuiltInWaves the targets whose existing WorkSpaces the run rebuilds onto {@code image} after the move */
    public List<Moved> move(Service type, String image, List<String> targets, Location location, boolean record, String rolledOutBy,
            Set<String> rebuiltInWaves) {
        TargetMoves service = services.forService(type, location);
        Map<String, Target> before = new LinkedHashMap<>();
        targets.forEach(name -> before.put(name, service.describeTarget(name, location.account())));
        Map<String, String> current = new LinkedHashMap<>();
        before.values().stream().filter(target -> target.image() != null && !target.image().equals(image))
                .forEach(target -> current.put(target.name(), target.image()));
        Map<String, String> previous = record && !targets.isEmpty() ? service.recordPrevious(image, current, rolledOutBy) : current;
        List<Moved> moved = new ArrayList<>();
        for (Target target : before.values()) {
            boolean movedNow = service.moveTarget(target, image);
            moved.add(new Moved(target.name(), previous.getOrDefault(target.name(), target.image()), image, movedNow,
                    type.rules().afterMove(target, rebuiltInWaves.contains(target.name()))));
        }
        return moved;
    }
}
