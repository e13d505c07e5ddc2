package com.eucimageupdater.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.workspaces.WorkSpacesClient;
import software.amazon.awssdk.services.workspaces.model.DescribeWorkspaceImagesResponse;
import software.amazon.awssdk.services.workspaces.model.ImageType;
import software.amazon.awssdk.services.workspaces.model.InvalidResourceStateException;
import software.amazon.awssdk.services.workspaces.model.OperationNotSupportedException;
import software.amazon.awssdk.services.workspaces.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.workspaces.model.ResourceNotFoundException;
import software.amazon.awssdk.services.workspaces.model.Tag;
import software.amazon.awssdk.services.workspaces.model.WorkSpacesException;
import software.amazon.awssdk.services.workspaces.model.WorkspaceImage;
import software.amazon.awssdk.services.workspaces.model.WorkspaceImageState;

/** workspaces-account.json: wsi-0a1b2c3d4 builds fine, wsi-5e6f7a8b9 fails, wsi-9z8y7x6w5 has no update. */
class WorkSpacesSimulationTest {
    private AwsSimulator simulator;
    private WorkSpacesClient workSpaces;

    @BeforeEach
    void start() throws Exception {
        simulator = AwsSimulator.start(Scenario.load(Path.of(getClass().getResource("/workspaces-account.json").toURI())));
        workSpaces = SdkClients.workSpaces(simulator, 1);
    }

    @AfterEach
    void stop() {
        workSpaces.close();
        simulator.close();
    }

    @Test
    void describeReportsAvailableUpdatesAndLeavesOutUnknownIds() {
        List<WorkspaceImage> images = workSpaces.describeWorkspaceImages(r -> r.imageIds("wsi-0a1b2c3d4", "wsi-000000000", "wsi-9z8y7x6w5"))
                .images();

        assertEquals(List.of("wsi-0a1b2c3d4", "wsi-9z8y7x6w5"), images.stream().map(WorkspaceImage::imageId).toList());
        assertTrue(images.get(0).updates().updateAvailable());
        assertEquals("Windows 10 drivers and agent updates", images.get(0).updates().description());
        assertFalse(images.get(1).updates().updateAvailable());
        assertEquals("123456789012", images.get(0).ownerAccountId());
        assertEquals("WINDOWS", images.get(0).operatingSystem().typeAsString());
    }

    @Test
    void anUpdatedImageIsPendingForTheConfiguredPollsThenAvailableWithItsTags() {
        String imageId = create("wsi-0a1b2c3d4", "ws-win10-base-2025-06-11");

        assertTrue(imageId.matches("wsi-[0-9a-z]{9}"));
        assertEquals(List.of(WorkspaceImageState.PENDING, WorkspaceImageState.PENDING, WorkspaceImageState.AVAILABLE),
                List.of(describe(imageId).state(), describe(imageId).state(), describe(imageId).state()));
        assertEquals(List.of(Tag.builder().key("team").value("euc").build()),
                workSpaces.describeTags(r -> r.resourceId(imageId)).tagList());
        assertFalse(describe("wsi-0a1b2c3d4").updates().updateAvailable(), "the source has no update left");
    }

    @Test
    void aFailedBuildEndsInErrorWithItsReason() {
        String imageId = create("wsi-5e6f7a8b9", "ws-win2019-dev-2025-06-11");
        describe(imageId);
        describe(imageId);

        WorkspaceImage failed = describe(imageId);
        assertEquals(WorkspaceImageState.ERROR, failed.state());
        assertEquals("InsufficientDiskSpace", failed.errorCode());
        assertEquals("The image update failed because the root volume has less than 20 GB of free space", failed.errorMessage());
        assertEquals("InsufficientDiskSpace", failed.errorDetails().get(0).errorCodeAsString());
        assertTrue(describe("wsi-5e6f7a8b9").updates().updateAvailable(), "a failed update leaves the update available");
    }

    @Test
    void anImageWithoutUpdatesIsOperationNotSupported() {
        assertThrows(OperationNotSupportedException.class, () -> create("wsi-9z8y7x6w5", "ws-win2016-ops-new"));
    }

    @Test
    void aMissingOrPendingSourceIsRefused() {
        String pending = create("wsi-0a1b2c3d4", "ws-win10-base-new");

        assertThrows(ResourceNotFoundException.class, () -> create("wsi-000000000", "from-nowhere"));
        assertThrows(InvalidResourceStateException.class, () -> create(pending, "from-pending"));
    }

    @Test
    void aNameInUseIsResourceAlreadyExists() {
        assertThrows(ResourceAlreadyExistsException.class, () -> create("wsi-0a1b2c3d4", "ws-win2016-ops"));
        assertEquals(3, workSpaces.describeWorkspaceImages(r -> { }).images().size());
    }

    @Test
    void aDescriptionWithAColonBreaksTheModelPatternAndCreatesNothing() {
        WorkSpacesException error = assertThrows(WorkSpacesException.class, () -> workSpaces.createUpdatedWorkspaceImage(
                r -> r.sourceImageId("wsi-0a1b2c3d4").name("ws-win10-base-new").description("Updated 2025-06-11T06:00:00Z")));

        assertEquals("ValidationException", error.awsErrorDetails().errorCode());
        assertEquals("1 validation error detected: Value 'Updated 2025-06-11T06:00:00Z' at 'description' failed to satisfy"
                + " constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9_./() -]+$",
                error.awsErrorDetails().errorMessage());
        assertEquals(1, simulator.modelViolations().size());
        assertEquals(3, workSpaces.describeWorkspaceImages(r -> { }).images().size());
        assertTrue(describe("wsi-0a1b2c3d4").updates().updateAvailable());
    }

    @Test
    void moreThanTwentyFiveImageIdsBreakTheModel() {
        List<String> ids = IntStream.range(0, 26).mapToObj(i -> String.format("wsi-%09d", i)).toList();

        WorkSpacesException error = assertThrows(WorkSpacesException.class,
                () -> workSpaces.describeWorkspaceImages(r -> r.imageIds(ids)));

        assertTrue(error.awsErrorDetails().errorMessage().contains(
                "at 'imageIds' failed to satisfy constraint: Member must have length less than or equal to 25"));
    }

    @Test
    void describePagesOwnedImages() {
        DescribeWorkspaceImagesResponse first = workSpaces.describeWorkspaceImages(r -> r.imageType(ImageType.OWNED).maxResults(2));
        DescribeWorkspaceImagesResponse second = workSpaces.describeWorkspaceImages(
                r -> r.imageType(ImageType.OWNED).maxResults(2).nextToken(first.nextToken()));

        assertEquals(2, first.images().size());
        assertEquals(1, second.images().size());
        assertNull(second.nextToken());
        assertTrue(workSpaces.describeWorkspaceImages(r -> r.imageType(ImageType.SHARED)).images().isEmpty());
    }

    @Test
    void concurrentCreatesEachGetTheirOwnImage() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String name = "ws-win10-base-copy-" + i;
                ids.add(pool.submit(() -> create("wsi-0a1b2c3d4", name)));
            }
            Set<String> distinct = new HashSet<>();
            for (Future<String> id : ids) {
                distinct.add(id.get());
            }

            assertEquals(8, distinct.size());
            assertEquals(8, simulator.callsTo("CreateUpdatedWorkspaceImage").stream().filter(RecordedCall::succeeded).count());
            assertEquals(11, workSpaces.describeWorkspaceImages(r -> { }).images().size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void createTagsTagsAnExistingImage() {
        workSpaces.createTags(r -> r.resourceId("wsi-9z8y7x6w5").tags(Tag.builder().key("owner").value("ops").build()));

        assertEquals(Set.of("owner=ops"), workSpaces.describeTags(r -> r.resourceId("wsi-9z8y7x6w5")).tagList().stream()
                .map(tag -> tag.key() + "=" + tag.value()).collect(Collectors.toSet()));
        assertThrows(ResourceNotFoundException.class, () -> workSpaces.describeTags(r -> r.resourceId("wsi-000000000")));
    }

    private String create(String source, String name) {
        return workSpaces.createUpdatedWorkspaceImage(r -> r.sourceImageId(source).name(name)
                .description("Monthly update of " + source).tags(Tag.builder().key("team").value("euc").build())).imageId();
    }

    private WorkspaceImage describe(String imageId) {
        return workSpaces.describeWorkspaceImages(r -> r.imageIds(imageId)).images().get(0);
    }
}
