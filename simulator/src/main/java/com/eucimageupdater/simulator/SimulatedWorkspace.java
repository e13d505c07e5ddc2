package com.eucimageupdater.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A WorkSpace launched from a bundle: its State, its user's ConnectionState and last connection, its rebuild snapshots,
 * its tags, and a rebuild in progress.
 */
final class SimulatedWorkspace {
    /** The states RebuildWorkspaces accepts, as the API page lists them. */
    static final List<String> REBUILDABLE = List.of("AVAILABLE", "ERROR", "UNHEALTHY", "STOPPED");

    final String id;
    final String userName;
    final String bundleId;
    final Map<String, String> tags = new TreeMap<>();
    private final String directoryId;
    private final String operatingSystemName;
    private final NamedWorkspace script;
    private String state;
    private String connectionState;
    private int rebuildingDescribesLeft;
    /** When its user last connected; null: never. */
    private final Instant lastConnection;
    /** When its rebuild snapshots were taken, the newest first. */
    private final List<Instant> snapshots = new ArrayList<>();

    /** {@code script} null: a plain WorkSpace, AVAILABLE, never connected, without snapshots. */
    SimulatedWorkspace(String id, String userName, String bundleId, String directoryId, String operatingSystemName, NamedWorkspace script,
                       Instant started) {
        this.id = id;
        this.userName = userName;
        this.bundleId = bundleId;
        this.directoryId = directoryId;
        this.operatingSystemName = operatingSystemName;
        this.script = script;
        this.state = script == null ? "AVAILABLE" : script.state();
        this.connectionState = script == null ? "DISCONNECTED" : script.connectionState();
        this.lastConnection = lastConnection(script, started);
        if (script != null && script.snapshotHoursAgo() != null) {
            snapshots.add(hoursBefore(started, script.snapshotHoursAgo()));
        }
        if (script != null) {
            tags.putAll(script.tags());
        }
    }

    /** As the scenario says; a user connected now without a time given connected when the simulator started. */
    private static Instant lastConnection(NamedWorkspace script, Instant started) {
        if (script == null) {
            return null;
        }
        if (script.lastConnectedHoursAgo() != null) {
            return hoursBefore(started, script.lastConnectedHoursAgo());
        }
        return "CONNECTED".equals(script.connectionState()) ? started : null;
    }

    /** Why a rebuild is refused now, or null: it starts, ending the user's session. */
    String rebuild() {
        if (!REBUILDABLE.contains(state)) {
            return "The WorkSpace " + id + " is " + state + "; it can be rebuilt only when " + String.join(", ", REBUILDABLE) + ".";
        }
        state = "REBUILDING";
        connectionState = "DISCONNECTED";
        rebuildingDescribesLeft = script == null ? 1 : script.rebuildDescribes();
        return null;
    }

    /**
     * As DescribeWorkspaces answers at {@code now}, which also moves a rebuild on by one describe; a rebuild that ends
     * AVAILABLE leaves a fresh rebuild snapshot, taken {@code now}.
     */
    ObjectNode describe(Instant now) {
        if ("REBUILDING".equals(state)) {
            if (rebuildingDescribesLeft == 0) {
                state = script == null ? "AVAILABLE" : script.rebuildEndsIn();
                if ("AVAILABLE".equals(state)) {
                    snapshots.add(0, now);
                }
            } else {
                rebuildingDescribesLeft--;
            }
        }
        ObjectNode json = Json.object().put("WorkspaceId", id).put("DirectoryId", directoryId).put("UserName", userName)
                .put("State", state).put("BundleId", bundleId)
                .put("ComputerName", "WSAMZN-" + id.substring(3, 10).toUpperCase(Locale.ROOT));
        if (operatingSystemName != null) {
            json.set("WorkspaceProperties", Json.object().put("OperatingSystemName", operatingSystemName));
        }
        return json;
    }

    /** As DescribeWorkspacesConnectionStatus answers, checked {@code now}: a WorkSpace not running has an UNKNOWN connection. */
    ObjectNode connectionStatus(Instant now) {
        String connection = List.of("STOPPED", "REBUILDING").contains(state) ? "UNKNOWN" : connectionState;
        ObjectNode json = Json.object().put("WorkspaceId", id).put("ConnectionState", connection);
        json.set("ConnectionStateCheckTimestamp", Json.epochSeconds(now));
        if (lastConnection != null) {
            json.set("LastKnownUserConnectionTimestamp", Json.epochSeconds(lastConnection));
        }
        return json;
    }

    /** As DescribeWorkspaceSnapshots answers: the rebuild snapshots, which are the restore snapshots too. */
    ObjectNode snapshotsJson() {
        ArrayNode times = Json.array();
        snapshots.forEach(time -> times.add(Json.object().set("SnapshotTime", Json.epochSeconds(time))));
        ObjectNode json = Json.object();
        json.set("RebuildSnapshots", times);
        json.set("RestoreSnapshots", times.deepCopy());
        return json;
    }

    /** As a scenario names it at {@code now}: its times as hours before now. Null for a plain WorkSpace. */
    NamedWorkspace snapshot(Instant now) {
        return script == null ? null : new NamedWorkspace(id, userName, state, connectionState, script.rebuildDescribes(),
                script.rebuildEndsIn(), hoursBetween(lastConnection, now), snapshots.isEmpty() ? null : hoursBetween(snapshots.get(0), now),
                tags);
    }

    private static Instant hoursBefore(Instant instant, double hours) {
        return instant.minusMillis(Math.round(hours * 3_600_000));
    }

    private static Double hoursBetween(Instant earlier, Instant now) {
        return earlier == null ? null : Math.max(0, Duration.between(earlier, now).toMillis()) / 3_600_000.0;
    }
}
