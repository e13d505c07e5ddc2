package com.eucimageupdater.rebuild;

/** Why a WorkSpace was not rebuilt in a wave: it is checked again in the next waves while the window lasts, then listed. */
public enum SkipReason {
    /** Not AVAILABLE or STOPPED (the skip names its State): RebuildWorkspaces would refuse it, or it is busy. */
    NOT_AVAILABLE("neither AVAILABLE nor STOPPED"),
    /** DescribeWorkspacesConnectionStatus: its user is connected; a rebuild would end the session. */
    USER_CONNECTED("its user connected"),
    /** The latest rebuild snapshot is older than the user's last connection: a rebuild would lose what the user wrote since. */
    SNAPSHOT_OLDER_THAN_LAST_CONNECTION("its latest snapshot older than its user's last connection (a rebuild would lose what the"
            + " user wrote since)"),
    /** Someone put it in ADMIN_MAINTENANCE (the updater never does). */
    ADMIN_MAINTENANCE("in ADMIN_MAINTENANCE");

    private final String text;

    SkipReason(String text) {
        this.text = text;
    }

    /** The reason as the mail says it, after "skipped, " (NOT_AVAILABLE's State follows it). */
    public String text() {
        return text;
    }
}
