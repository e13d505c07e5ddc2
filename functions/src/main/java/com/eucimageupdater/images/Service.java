package com.eucimageupdater.images;

/** The two end-user-computing services whose images the pipeline keeps patched. */
public enum Service {
    APPSTREAM,
    WORKSPACES
}
