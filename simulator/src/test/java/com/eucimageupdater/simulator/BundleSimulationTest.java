package com.eucimageupdater.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.workspaces.WorkSpacesClient;
import software.amazon.awssdk.services.workspaces.model.AccessDeniedException;
import software.amazon.awssdk.services.workspaces.model.DescribeWorkspacesResponse;
import software.amazon.awssdk.services.workspaces.model.ImagePermission;
import software.amazon.awssdk.services.workspaces.model.ImageType;
import software.amazon.awssdk.services.workspaces.model.InvalidParameterValuesException;
import software.amazon.awssdk.services.workspaces.model.InvalidResourceStateException;
import software.amazon.awssdk.services.workspaces.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.workspaces.model.ResourceAssociatedException;
import software.amazon.awssdk.services.workspaces.model.ResourceNotFoundException;
import software.amazon.awssdk.services.workspaces.model.ResourceUnavailableException;
import software.amazon.awssdk.services.workspaces.model.Tag;
import software.amazon.awssdk.services.workspaces.model.Workspace;
import software.amazon.awssdk.services.workspaces.model.WorkspaceBundle;
import software.amazon.awssdk.services.workspaces.model.WorkspaceImage;
import software.amazon.awssdk.services.workspaces.model.WorkspaceImageState;

/** WorkSpaces roll-out and retention: bundles, WorkSpaces, image sharing, delete and copy, through the real SDK. */
class BundleSimulationTest {
    private static final String SCENARIO = """
            { "workspaces": {
                "images": [
                  { "id": "wsi-00000000a", "name": "ws-base-2025-05" },
                  { "id": "wsi-00000000b", "name": "ws-base-2025-06", "os": "LINUX" },
                  { "id": "wsi-00000000c", "name": "ws-shared", "sharedWithAccounts": [ "210987654321" ] },
                  { "id": "wsi-00000000d", "name": "ws-unused" },
                  { "id": "wsi-00000000e", "name": "ws-pending", "state": "PENDING" },
                  { "id": "wsi-00000000f", "name": "ws-from-partner", "ownerAccountId": "999988887777", "os": "LINUX" } ],
                "bundles": [
                  { "id": "wsb-0000000a1", "name": "engineering", "imageId": "wsi-00000000a", "workspaces": 3 },
                  { "id": "wsb-0000000b2", "name": "Standard with Windows 10", "owner": "AMAZON", "imageId": "wsi-0aws00001",
                    "workspaces": 2 } ] } }
            """;

    private AwsSimulator simulator;
    private WorkSpacesClient workSpaces;

    @BeforeEach
    void start() {
        simulator = AwsSimulator.start(Scenario.fromJson(SCENARIO));
        workSpaces = SdkClients.workSpaces(simulator, 1);
    }

    @AfterEach
    void stop() {
        workSpaces.close();
        simulator.close();
    }

    @Test
    void describeBundlesByOwnerOrIdsGivesTheirImage() {
        List<WorkspaceBundle> own = workSpaces.describeWorkspaceBundles(r -> { }).bundles();
        List<WorkspaceBundle> amazon = workSpaces.describeWorkspaceBundles(r -> r.owner("AMAZON")).bundles();

        assertEquals(List.of("wsb-0000000a1"), own.stream().map(WorkspaceBundle::bundleId).toList());
        assertEquals("123456789012", own.get(0).owner());
        assertEquals("wsi-00000000a", own.get(0).imageId());
        assertEquals(List.of("AMAZON"), amazon.stream().map(WorkspaceBundle::owner).toList());
        assertEquals(List.of("wsb-0000000b2"), workSpaces.describeWorkspaceBundles(r -> r.bundleIds("wsb-0000000b2", "wsb-000000099"))
                .bundles().stream().map(WorkspaceBundle::bundleId).toList());
        assertThrows(InvalidParameterValuesException.class,
                () -> workSpaces.describeWorkspaceBundles(r -> r.bundleIds("wsb-0000000a1").owner("AMAZON")));
    }

    @Test
    void updateBundlePointsOwnBundleAtAnAvailableImageAndLeavesItsWorkSpacesAlone() {
        List<Workspace> before = workSpaces.describeWorkspaces(r -> r.bundleId("wsb-0000000a1")).workspaces();

        workSpaces.updateWorkspaceBundle(r -> r.bundleId("wsb-0000000a1").imageId("wsi-00000000b"));

        assertEquals("wsi-00000000b", workSpaces.describeWorkspaceBundles(r -> r.bundleIds("wsb-0000000a1")).bundles().get(0).imageId());
        assertEquals(before, workSpaces.describeWorkspaces(r -> r.bundleId("wsb-0000000a1")).workspaces());
        assertEquals(List.of("UpdateWorkspaceBundle"), simulator.mutatingCalls().stream().map(RecordedCall::operation).toList());
    }

    @Test
    void updateBundleRefusesAmazonsBundlesUnknownIdsAndImagesNotAvailable() {
        assertThrows(AccessDeniedException.class, () -> workSpaces.updateWorkspaceBundle(r -> r.bundleId("wsb-0000000b2").imageId("wsi-00000000b")));
        assertThrows(ResourceNotFoundException.class, () -> workSpaces.updateWorkspaceBundle(r -> r.bundleId("wsb-000000099").imageId("wsi-00000000b")));
        assertThrows(ResourceNotFoundException.class, () -> workSpaces.updateWorkspaceBundle(r -> r.bundleId("wsb-0000000a1").imageId("wsi-000000099")));
        assertThrows(ResourceUnavailableException.class, () -> workSpaces.updateWorkspaceBundle(r -> r.bundleId("wsb-0000000a1").imageId("wsi-00000000e")));
        assertThrows(InvalidParameterValuesException.class, () -> workSpaces.updateWorkspaceBundle(r -> r.bundleId("wsb-0000000a1")));

        assertEquals("wsi-00000000a", workSpaces.describeWorkspaceBundles(r -> r.bundleIds("wsb-0000000a1")).bundles().get(0).imageId());
    }

    @Test
    void describeWorkspacesByBundlePagesWithLimitAndTakesOneFilter() {
        DescribeWorkspacesResponse first = workSpaces.describeWorkspaces(r -> r.bundleId("wsb-0000000a1").limit(2));
        List<Workspace> all = new ArrayList<>(first.workspaces());
        all.addAll(workSpaces.describeWorkspaces(r -> r.bundleId("wsb-0000000a1").limit(2).nextToken(first.nextToken())).workspaces());

        assertEquals(2, first.workspaces().size());
        assertEquals(3, all.size());
        assertTrue(all.stream().allMatch(workspace -> workspace.workspaceId().matches("ws-[0-9a-z]{9}")
                && workspace.bundleId().equals("wsb-0000000a1")), all.toString());
        assertEquals(3, all.stream().map(Workspace::workspaceId).distinct().count());
        assertEquals(5, workSpaces.describeWorkspaces(r -> { }).workspaces().size());
        assertThrows(InvalidParameterValuesException.class,
                () -> workSpaces.describeWorkspaces(r -> r.bundleId("wsb-0000000a1").userName("user1")));
    }

    @Test
    void imagePermissionsShareAndUnshareOneAccountAtATime() {
        workSpaces.updateWorkspaceImagePermission(r -> r.imageId("wsi-00000000d").sharedAccountId("111122223333").allowCopyImage(true));
        assertEquals(List.of("111122223333"), sharedWith("wsi-00000000d"));

        workSpaces.updateWorkspaceImagePermission(r -> r.imageId("wsi-00000000d").sharedAccountId("111122223333").allowCopyImage(false));
        assertEquals(List.of(), sharedWith("wsi-00000000d"));
        assertEquals(List.of("210987654321"), sharedWith("wsi-00000000c"));
        assertThrows(AccessDeniedException.class, () -> sharedWith("wsi-00000000f"));
        assertThrows(ResourceUnavailableException.class, () -> workSpaces.updateWorkspaceImagePermission(
                r -> r.imageId("wsi-00000000e").sharedAccountId("111122223333").allowCopyImage(true)));
    }

    @Test
    void anImageSharedFromAnotherAccountReportsItsOwnerAndOperatingSystem() {
        List<WorkspaceImage> shared = workSpaces.describeWorkspaceImages(r -> r.imageType(ImageType.SHARED)).images();

        assertEquals(List.of("wsi-00000000f"), shared.stream().map(WorkspaceImage::imageId).toList());
        assertEquals("999988887777", shared.get(0).ownerAccountId());
        assertEquals("LINUX", shared.get(0).operatingSystem().typeAsString());
    }

    @Test
    void deleteImageRefusesAnImageABundleUsesOrThatIsSharedPendingOrNotOwnedAndRemovesAnUnusedOne() {
        assertThrows(ResourceAssociatedException.class, () -> delete("wsi-00000000a"));
        assertThrows(AccessDeniedException.class, () -> delete("wsi-00000000c"));
        assertThrows(AccessDeniedException.class, () -> delete("wsi-00000000f"));
        assertThrows(InvalidResourceStateException.class, () -> delete("wsi-00000000e"));

        delete("wsi-00000000d");

        assertTrue(workSpaces.describeWorkspaceImages(r -> r.imageIds("wsi-00000000d")).images().isEmpty());
        assertEquals(1, workSpaces.describeWorkspaceImages(r -> r.imageIds("wsi-00000000a")).images().size());
    }

    @Test
    void copyImageMakesAnAvailableImageWithTheRequestsTags() {
        String copy = workSpaces.copyWorkspaceImage(r -> r.sourceImageId("wsi-00000000b").sourceRegion("us-east-1")
                .name("ws-base-2025-06-copy").description("Copy").tags(Tag.builder().key("team").value("euc").build())).imageId();

        WorkspaceImage copied = workSpaces.describeWorkspaceImages(r -> r.imageIds(copy)).images().get(0);
        assertEquals(WorkspaceImageState.AVAILABLE, copied.state());
        assertEquals("LINUX", copied.operatingSystem().typeAsString());
        assertEquals(List.of(Tag.builder().key("team").value("euc").build()), workSpaces.describeTags(r -> r.resourceId(copy)).tagList());
        assertTrue(copy.matches("wsi-[0-9a-z]{9}"));
        assertThrows(ResourceNotFoundException.class, () -> workSpaces.copyWorkspaceImage(r -> r.sourceImageId("wsi-00000000b")
                .sourceRegion("eu-west-1").name("ws-from-ireland")));
        assertThrows(ResourceAlreadyExistsException.class, () -> workSpaces.copyWorkspaceImage(r -> r.sourceImageId("wsi-00000000b")
                .sourceRegion("us-east-1").name("ws-base-2025-05")));
        assertThrows(ResourceUnavailableException.class, () -> workSpaces.copyWorkspaceImage(r -> r.sourceImageId("wsi-00000000e")
                .sourceRegion("us-east-1").name("ws-pending-copy")));
    }

    @Test
    void describesAloneMakeNoMutatingCalls() {
        workSpaces.describeWorkspaceBundles(r -> { });
        workSpaces.describeWorkspaces(r -> { });
        workSpaces.describeWorkspaceImagePermissions(r -> r.imageId("wsi-00000000c"));
        workSpaces.describeWorkspaceImages(r -> { });

        assertEquals(4, simulator.calls().size());
        assertTrue(simulator.mutatingCalls().isEmpty());
    }

    private List<String> sharedWith(String imageId) {
        return workSpaces.describeWorkspaceImagePermissions(r -> r.imageId(imageId)).imagePermissions().stream()
                .map(ImagePermission::sharedAccountId).toList();
    }

    private void delete(String imageId) {
        workSpaces.deleteWorkspaceImage(r -> r.imageId(imageId));
    }
}
