package com.eucimageupdater.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/** A WorkSpace launched from a bundle: its State, its user's ConnectionState, and a rebuild in progress. */
final class SimulatedWorkspace {
    /** The states RebuildWorkspaces accepts, as the API page lists them. */
    static final List<String> REBUILDABLE = List.of("AVAILABLE", "ERROR", "UNHEALTHY", "STOPPED");

    final String id;
    final String userName;
    final String bundleId;
    private final String directoryId;
    private final String operatingSystemName;
    private final NamedWorkspace script;
    private String state;
    private String connectionState;
    private int rebuildingDescribesLeft;

    SimulatedWorkspace(String id, String userName, String bundleId, String directoryId, String operatingSystemName, NamedWorkspace script) {
        this.id = id;
        this.userName = userName;
        this.bundleId = bundleId;
        this.directoryId = directoryId;
        this.operatingSystemName = operatingSystemName;
        this.script = script;
        this.state = script == null ? "AVAILABLE" : script.state();
        this.connectionState = script == null ? "DISCONNECTED" : script.connectionState();
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

    /** As DescribeWorkspaces answers, which also moves a rebuild on by one describe. */
    ObjectNode describe() {
        if ("REBUILDING".equals(state)) {
            if (rebuildingDescribesLeft == 0) {
                state = script == null ? "AVAILABLE" : script.rebuildEndsIn();
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

    /** As DescribeWorkspacesConnectionStatus answers: a WorkSpace not running has an UNKNOWN connection. */
    ObjectNode connectionStatus() {
        String connection = List.of("STOPPED", "REBUILDING").contains(state) ? "UNKNOWN" : connectionState;
        return Json.object().put("WorkspaceId", id).put("ConnectionState", connection);
    }

    NamedWorkspace snapshot() {
        return script == null ? null : new NamedWorkspace(id, userName, state, connectionState, script.rebuildDescribes(),
                script.rebuildEndsIn());
    }
}
