package com.eucimageupdater.simulator;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Many WorkSpaces of a bundle alike, declared at once: {@code count} WorkSpaces with the ids {@code idPrefix} + their
 * number (1 to count, zero-padded to at least 4 digits, so that they sort in number order), users named like their ids
 * without "ws-", and the fields of a {@link NamedWorkspace} in common. A bundle mixes states, connections and snapshot
 * ages with several groups. A saved state lists the members as named WorkSpaces, each as it is then.
 */
public record WorkspaceGroup(int count, String idPrefix, String state, String connectionState, Integer rebuildDescribes,
                             String rebuildEndsIn, Double lastConnectedHoursAgo, Double snapshotHoursAgo,
                             Map<String, String> tags) {
    public WorkspaceGroup {
        Objects.requireNonNull(idPrefix, "a WorkSpaces group needs an idPrefix, e.g. ws-fleet");
        if (count < 1) {
            throw new IllegalArgumentException("WorkSpaces group " + idPrefix + " count must be at least 1, got " + count);
        }
        String last = memberId(idPrefix, count, count);
        if (!last.matches("ws-[0-9a-z]{8,63}")) {
            throw new IllegalArgumentException("WorkSpaces group " + idPrefix + " makes ids like " + last
                    + ", which are not WorkSpace ids (ws-[0-9a-z]{8,63}): idPrefix is ws- and lowercase alphanumerics");
        }
        // Checks the common fields once, as the group's last WorkSpace.
        new NamedWorkspace(last, null, state, connectionState, rebuildDescribes, rebuildEndsIn, lastConnectedHoursAgo,
                snapshotHoursAgo, tags);
    }

    /** Its WorkSpaces, in number order. */
    List<NamedWorkspace> members() {
        NamedWorkspace common = new NamedWorkspace(memberId(idPrefix, 1, count), null, state, connectionState,
                rebuildDescribes, rebuildEndsIn, lastConnectedHoursAgo, snapshotHoursAgo, tags);
        return IntStream.rangeClosed(1, count).mapToObj(number -> memberId(idPrefix, number, count))
                .map(id -> common.as(id, id.substring("ws-".length()))).toList();
    }

    private static String memberId(String idPrefix, int number, int count) {
        int digits = Math.max(4, String.valueOf(count).length());
        return idPrefix + String.format("%0" + digits + "d", number);
    }
}
