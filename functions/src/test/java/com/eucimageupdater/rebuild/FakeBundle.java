package com.eucimageupdater.rebuild;

import com.eucimageupdater.model.RetryableAwsException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A bundle's WorkSpaces as a fake WorkSpaces answers them: each with a State, its user's connection, its latest rebuild snapshot
 * and its tag; a rebuild goes REBUILDING until {@link #finishRebuilds} (AVAILABLE, or the State scripted for it). Every
 * mutating call is recorded in order.
 */
final class FakeBundle implements BundleWorkspaces {
    final Map<String, String> states = new TreeMap<>();
    final Map<String, Connection> connections = new HashMap<>();
    final Map<String, Instant> snapshots = new HashMap<>();
    final Map<String, String> tags = new HashMap<>();
    /** What a rebuild of the WorkSpace ends in, when not AVAILABLE. */
    final Map<String, String> endsIn = new HashMap<>();
    final Set<String> throttledOnce = new HashSet<>();
    /** "tag ws-1 wsi-new", "rebuild ws-1", in the order asked. */
    final List<String> mutations = new ArrayList<>();
    String bundleImage;

    FakeBundle(String bundleImage) {
        this.bundleImage = bundleImage;
    }

    /** {@code count} WorkSpaces ws-000000001..., AVAILABLE, their users away and never connected. */
    FakeBundle withAvailable(int count) {
        for (int i = 1; i <= count; i++) {
            states.put(id(i), "AVAILABLE");
        }
        return this;
    }

    static String id(int number) {
        return "ws-%09d".formatted(number);
    }

    void finishRebuilds() {
        states.replaceAll((id, state) -> "REBUILDING".equals(state) ? endsIn.getOrDefault(id, "AVAILABLE") : state);
    }

    List<String> rebuilt() {
        return mutations.stream().filter(call -> call.startsWith("rebuild ")).map(call -> call.substring("rebuild ".length())).toList();
    }

    @Override
    public String imageOfBundle(String bundle) {
        return bundleImage;
    }

    @Override
    public List<Desktop> workspacesOf(String bundle) {
        return states.entrySet().stream().map(entry -> new Desktop(entry.getKey(), entry.getValue())).toList();
    }

    @Override
    public Map<String, String> states(List<String> workspaceIds) {
        if (workspaceIds.size() > WaveRebuilder.IDS_PER_CALL) {
            throw new IllegalArgumentException("DescribeWorkspaces takes at most 25 ids");
        }
        Map<String, String> found = new HashMap<>();
        workspaceIds.stream().filter(states::containsKey).forEach(id -> found.put(id, states.get(id)));
        return found;
    }

    @Override
    public Map<String, Connection> connections(List<String> workspaceIds) {
        if (workspaceIds.size() > WaveRebuilder.IDS_PER_CALL) {
            throw new IllegalArgumentException("DescribeWorkspacesConnectionStatus takes at most 25 ids");
        }
        Map<String, Connection> found = new HashMap<>();
        workspaceIds.forEach(id -> found.put(id, connections.getOrDefault(id, new Connection("DISCONNECTED", null))));
        return found;
    }

    @Override
    public Instant latestRebuildSnapshot(String workspaceId) {
        return snapshots.get(workspaceId);
    }

    @Override
    public String rebuiltTag(String workspaceId) {
        return tags.get(workspaceId);
    }

    @Override
    public void tagRebuilt(String workspaceId, String image) {
        mutations.add("tag " + workspaceId + " " + image);
        tags.put(workspaceId, image);
    }

    @Override
    public String rebuild(String workspaceId) {
        if (throttledOnce.remove(workspaceId)) {
            throw new RetryableAwsException("RebuildWorkspaces " + workspaceId + ": AWS answered ThrottlingException (Rate exceeded)");
        }
        mutations.add("rebuild " + workspaceId);
        if (!List.of("AVAILABLE", "STOPPED", "ERROR", "UNHEALTHY").contains(states.get(workspaceId))) {
            return "InvalidResourceStateException: the WorkSpace is " + states.get(workspaceId);
        }
        states.put(workspaceId, "REBUILDING");
        return null;
    }
}
