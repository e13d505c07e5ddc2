package com.eucimageupdater.rebuild;

/** Why a bundle's WorkSpaces are rebuilt: onto the image a roll-out gave it, or back onto the one a rollback gave it back. */
public enum RebuildMode {
    ROLLOUT,
    ROLLBACK
}
