package com.eucimageupdater.rebuild;

import com.eucimageupdater.model.PipelineTags;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the rebuild needs of WorkSpaces in one account and Region. */
public interface BundleWorkspaces {
    /** The image the bundle points at now (DescribeWorkspaceBundles); null when there is no such bundle. */
    String imageOfBundle(String bundle);

    /** The bundle's WorkSpaces with their State (DescribeWorkspaces with BundleId, every page). */
    List<Desktop> workspacesOf(String bundle);

    /** Each WorkSpace's State now (DescribeWorkspaces with WorkspaceIds, 25 a call); one that no longer exists is absent. */
    Map<String, String> states(List<String> workspaceIds);

    /** Each WorkSpace's user connection (DescribeWorkspacesConnectionStatus, 25 ids a call). */
    Map<String, Connection> connections(List<String> workspaceIds);

    /** When the WorkSpace's latest rebuild snapshot was taken (DescribeWorkspaceSnapshots); null when it has none. */
    Instant latestRebuildSnapshot(String workspaceId);

    /** The WorkSpace's {@link PipelineTags#REBUILT} tag (DescribeTags); null when it has none. */
    String rebuiltTag(String workspaceId);

    /** Writes the {@link PipelineTags#REBUILT} tag = {@code image} on the WorkSpace (CreateTags). */
    void tagRebuilt(String workspaceId, String image);

    /**
     * RebuildWorkspaces, for this WorkSpace alone.
     *
     * @return null when AWS took the request, else the failed request's error code and message
     * @throws com.eucimageupdater.model.RetryableAwsException when AWS throttled it (or another error that goes away by itself)
     */
    String rebuild(String workspaceId);

    /** A WorkSpace of the bundle and its State (AVAILABLE, STOPPED, REBUILDING, ADMIN_MAINTENANCE, ERROR ...). */
    record Desktop(String id, String state) {}

    /**
     * @param state CONNECTED, DISCONNECTED or UNKNOWN
     * @param lastUserConnection LastKnownUserConnectionTimestamp; null when the user never connected
     */
    record Connection(String state, Instant lastUserConnection) {}
}
