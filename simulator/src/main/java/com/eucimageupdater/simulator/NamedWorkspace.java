package com.eucimageupdater.simulator;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A WorkSpace of a bundle that a scenario names: its id, its user, its State, its user's ConnectionState, when the user
 * last connected and when its last rebuild snapshot was taken (hours before the simulator started, so that a scenario
 * reads the same on any day; absent: never), its tags, and how a rebuild goes. RebuildWorkspaces turns it REBUILDING; it
 * stays so for {@code rebuildDescribes} DescribeWorkspaces of it (1 by default), then reports {@code rebuildEndsIn}
 * (AVAILABLE by default; ERROR or UNHEALTHY for a rebuild that fails).
 */
public record NamedWorkspace(String id, String userName, String state, String connectionState, Integer rebuildDescribes,
                             String rebuildEndsIn, Double lastConnectedHoursAgo, Double snapshotHoursAgo,
                             Map<String, String> tags) {
    private static final List<String> REBUILD_ENDS = List.of("AVAILABLE", "ERROR", "UNHEALTHY");

    public NamedWorkspace {
        Objects.requireNonNull(id, "a named WorkSpace needs an id");
        ScenarioRules.checkId("WorkSpace", id, "ws-[0-9a-z]{8,63}");
        state = Objects.requireNonNullElse(state, "AVAILABLE");
        ScenarioRules.oneOf("WorkSpace " + id + " state", state, ServiceModel.WORKSPACES, "WorkspaceState");
        connectionState = Objects.requireNonNullElse(connectionState, "DISCONNECTED");
        ScenarioRules.oneOf("WorkSpace " + id + " connectionState", connectionState, ServiceModel.WORKSPACES, "ConnectionState");
        rebuildDescribes = Objects.requireNonNullElse(rebuildDescribes, 1);
        ScenarioRules.notNegative("WorkSpace " + id + " rebuildDescribes", rebuildDescribes);
        rebuildEndsIn = Objects.requireNonNullElse(rebuildEndsIn, "AVAILABLE");
        if (!REBUILD_ENDS.contains(rebuildEndsIn)) {
            throw new IllegalArgumentException("WorkSpace " + id + " rebuildEndsIn must be one of " + REBUILD_ENDS + ", got "
                    + rebuildEndsIn);
        }
        ScenarioRules.notNegative("WorkSpace " + id + " lastConnectedHoursAgo", lastConnectedHoursAgo);
        ScenarioRules.notNegative("WorkSpace " + id + " snapshotHoursAgo", snapshotHoursAgo);
        tags = ScenarioRules.sorted(tags);
    }

    /** The same WorkSpace under another id and user: a member of a {@link WorkspaceGroup}. */
    NamedWorkspace as(String otherId, String otherUserName) {
        return new NamedWorkspace(otherId, otherUserName, state, connectionState, rebuildDescribes, rebuildEndsIn,
                lastConnectedHoursAgo, snapshotHoursAgo, tags);
    }
}
