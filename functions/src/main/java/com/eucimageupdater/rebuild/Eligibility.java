package com.eucimageupdater.rebuild;

import com.eucimageupdater.rebuild.BundleWorkspaces.Connection;
import com.eucimageupdater.rebuild.BundleWorkspaces.Desktop;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Whether a WorkSpace may be rebuilt now without costing its user anything: a rebuild ends the session and restores the user
 * volume from the latest rebuild snapshot, so the user must be away and the snapshot newer than the user's last connection.
 */
final class Eligibility {
    private static final List<String> REBUILDABLE = List.of("AVAILABLE", "STOPPED");

    private Eligibility() {}

    /** Why the WorkSpace must wait, or null when it may be rebuilt; each later check is asked only when the earlier ones pass. */
    static Skip check(Desktop desktop, Supplier<Connection> connection, Supplier<Instant> latestSnapshot) {
        if ("ADMIN_MAINTENANCE".equals(desktop.state())) {
            return new Skip(SkipReason.ADMIN_MAINTENANCE, null);
        }
        if (!REBUILDABLE.contains(desktop.state())) {
            return new Skip(SkipReason.NOT_AVAILABLE, desktop.state());
        }
        Connection user = connection.get();
        if (user != null && "CONNECTED".equals(user.state())) {
            return new Skip(SkipReason.USER_CONNECTED, null);
        }
        if (user == null || user.lastUserConnection() == null) {
            // Never connected: nothing on the user volume that a snapshot could have missed.
            return null;
        }
        Instant snapshot = latestSnapshot.get();
        return snapshot != null && snapshot.isAfter(user.lastUserConnection()) ? null
                : new Skip(SkipReason.SNAPSHOT_OLDER_THAN_LAST_CONNECTION, null);
    }

    /** A skip's reason, and for NOT_AVAILABLE the State. */
    record Skip(SkipReason reason, String state) {}
}
