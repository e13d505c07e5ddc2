package com.eucimageupdater.rebuild;

import com.eucimageupdater.rebuild.Eligibility.Skip;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The skipped WorkSpaces of a bundle, in id order, each with its latest reason: checked again in the next waves. */
final class Skips {
    private final TreeMap<String, Skip> byId = new TreeMap<>();

    /** From the progress's lists, every id. */
    static Skips of(List<RebuildResult.Skipped> groups) {
        Skips skips = new Skips();
        groups.forEach(group -> group.workspaceIds().forEach(id -> skips.byId.put(id, new Skip(group.reason(), group.state()))));
        return skips;
    }

    void put(String id, Skip skip) {
        byId.put(id, skip);
    }

    void remove(String id) {
        byId.remove(id);
    }

    boolean contains(String id) {
        return byId.containsKey(id);
    }

    boolean isEmpty() {
        return byId.isEmpty();
    }

    Set<String> ids() {
        return byId.keySet();
    }

    /** Forgets those no longer on the bundle (terminated or moved). */
    void keepOnly(Set<String> onBundle) {
        byId.keySet().retainAll(onBundle);
    }

    /** By reason (NOT_AVAILABLE also by State), at most {@code listed} ids each beside the count. */
    List<RebuildResult.Skipped> grouped(int listed) {
        Map<Skip, List<String>> groups = new LinkedHashMap<>();
        for (SkipReason reason : SkipReason.values()) {
            byId.forEach((id, skip) -> {
                if (skip.reason() == reason) {
                    groups.computeIfAbsent(skip, key -> new ArrayList<>()).add(id);
                }
            });
        }
        List<RebuildResult.Skipped> skipped = new ArrayList<>();
        groups.forEach((skip, ids) -> skipped.add(new RebuildResult.Skipped(skip.reason(), skip.state(), ids.size(),
                ids.subList(0, Math.min(listed, ids.size())))));
        return skipped;
    }
}
