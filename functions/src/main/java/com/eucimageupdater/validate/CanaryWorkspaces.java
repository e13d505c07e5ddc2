package com.eucimageupdater.validate;

import java.util.List;

/** What the gate's canaries need of WorkSpaces in one account and Region. */
public interface CanaryWorkspaces {

    /** The WorkSpace's State (DescribeWorkspaces) and its user's ConnectionState (DescribeWorkspacesConnectionStatus). */
    Canary describe(String workspaceId);

    /**
     * Rebuilds the WorkSpace from its bundle (RebuildWorkspaces, one per call).
     *
     * @return null when AWS took the request, else the failed request's error code and message
     */
    String rebuild(String workspaceId);

    /** Records on the new image which canaries this run rebuilt from it (a tag), for a rollback's mail. */
    void recordRebuilt(String image, List<String> workspaceIds);

    /**
     * A canary WorkSpace as AWS reports it now.
     *
     * @param state e.g. AVAILABLE, REBUILDING, ERROR, UNHEALTHY
     * @param connection CONNECTED, DISCONNECTED or UNKNOWN
     */
    record Canary(String id, String bundle, String state, String connection) {}
}
