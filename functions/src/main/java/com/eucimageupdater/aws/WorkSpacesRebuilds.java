package com.eucimageupdater.aws;

import com.eucimageupdater.model.PipelineTags;
import com.eucimageupdater.rebuild.BundleWorkspaces;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.workspaces.WorkSpacesClient;
import software.amazon.awssdk.services.workspaces.model.DescribeWorkspacesConnectionStatusResponse;
import software.amazon.awssdk.services.workspaces.model.DescribeWorkspacesResponse;
import software.amazon.awssdk.services.workspaces.model.Snapshot;
import software.amazon.awssdk.services.workspaces.model.Tag;
import software.amazon.awssdk.services.workspaces.model.WorkspaceBundle;
import software.amazon.awssdk.services.workspaces.model.WorkspaceConnectionStatus;

/** The rebuild's WorkSpaces in one account and Region: a bundle's WorkSpaces, their users' connections and snapshots, rebuilds. */
final class WorkSpacesRebuilds implements BundleWorkspaces {
    private final WorkSpacesClient workSpaces;

    WorkSpacesRebuilds(WorkSpacesClient workSpaces) {
        this.workSpaces = workSpaces;
    }

    @Override
    public String imageOfBundle(String bundle) {
        return AwsErrors.call("DescribeWorkspaceBundles " + bundle, () -> workSpaces.describeWorkspaceBundles(r -> r.bundleIds(bundle))
                .bundles().stream().findFirst().map(WorkspaceBundle::imageId).orElse(null));
    }

    @Override
    public List<Desktop> workspacesOf(String bundle) {
        return AwsErrors.pages("DescribeWorkspaces " + bundle,
                        token -> workSpaces.describeWorkspaces(r -> r.bundleId(bundle).nextToken(token)),
                        DescribeWorkspacesResponse::workspaces, DescribeWorkspacesResponse::nextToken)
                .stream().map(workspace -> new Desktop(workspace.workspaceId(), workspace.stateAsString())).toList();
    }

    @Override
    public Map<String, String> states(List<String> workspaceIds) {
        Map<String, String> states = new HashMap<>();
        AwsErrors.pages("DescribeWorkspaces " + String.join(" ", workspaceIds),
                        token -> workSpaces.describeWorkspaces(r -> r.workspaceIds(workspaceIds).nextToken(token)),
                        DescribeWorkspacesResponse::workspaces, DescribeWorkspacesResponse::nextToken)
                .forEach(workspace -> states.put(workspace.workspaceId(), workspace.stateAsString()));
        return states;
    }

    @Override
    public Map<String, Connection> connections(List<String> workspaceIds) {
        Map<String, Connection> connections = new HashMap<>();
        AwsErrors.pages("DescribeWorkspacesConnectionStatus " + String.join(" ", workspaceIds),
                        token -> workSpaces.describeWorkspacesConnectionStatus(r -> r.workspaceIds(workspaceIds).nextToken(token)),
                        DescribeWorkspacesConnectionStatusResponse::workspacesConnectionStatus,
                        DescribeWorkspacesConnectionStatusResponse::nextToken)
                .forEach((WorkspaceConnectionStatus status) -> connections.put(status.workspaceId(),
                        new Connection(status.connectionStateAsString(), status.lastKnownUserConnectionTimestamp())));
        return connections;
    }

    @Override
    public Instant latestRebuildSnapshot(String workspaceId) {
        return AwsErrors.call("DescribeWorkspaceSnapshots " + workspaceId, () -> workSpaces.describeWorkspaceSnapshots(r -> r
                .workspaceId(workspaceId)).rebuildSnapshots().stream().map(Snapshot::snapshotTime).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null));
    }

    @Override
    public String rebuiltTag(String workspaceId) {
        return AwsErrors.call("DescribeTags " + workspaceId, () -> workSpaces.describeTags(r -> r.resourceId(workspaceId)).tagList()
                .stream().filter(tag -> PipelineTags.REBUILT.equals(tag.key())).map(Tag::value).findFirst().orElse(null));
    }

    @Override
    public void tagRebuilt(String workspaceId, String image) {
        AwsErrors.call("CreateTags " + workspaceId, () -> workSpaces.createTags(r -> r.resourceId(workspaceId)
                .tags(Tag.builder().key(PipelineTags.REBUILT).value(image).build())));
    }

    @Override
    public String rebuild(String workspaceId) {
        return AwsErrors.call("RebuildWorkspaces " + workspaceId,
                () -> workSpaces.rebuildWorkspaces(r -> r.rebuildWorkspaceRequests(request -> request.workspaceId(workspaceId))))
                .failedRequests().stream().findFirst().map(failed -> failed.errorCode() + ": " + failed.errorMessage()).orElse(null);
    }
}
