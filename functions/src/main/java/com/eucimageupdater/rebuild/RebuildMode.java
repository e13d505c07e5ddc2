package com.eucimageupdater.rebuild;

/**
 * Why a bundle's WorkSpaces are rebuilt: onto the image a roll-out gave it, or back onto the one a rollback gave it back; or,
 * in a report-only run, onto the image an update would create (it does not exist yet, so no WorkSpace carries it).
 */
public enum RebuildMode {
    ROLLOUT,
    ROLLBACK,
    PREVIEW
}
