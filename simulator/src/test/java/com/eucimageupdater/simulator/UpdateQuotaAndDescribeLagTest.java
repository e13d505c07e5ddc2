package com.eucimageupdater.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.appstream.AppStreamClient;
import software.amazon.awssdk.services.appstream.model.Image;
import software.amazon.awssdk.services.appstream.model.ImageState;
import software.amazon.awssdk.services.appstream.model.LimitExceededException;
import software.amazon.awssdk.services.appstream.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.appstream.model.ResourceNotFoundException;
import software.amazon.awssdk.services.workspaces.WorkSpacesClient;
import software.amazon.awssdk.services.workspaces.model.ImageType;
import software.amazon.awssdk.services.workspaces.model.ResourceLimitExceededException;
import software.amazon.awssdk.services.workspaces.model.WorkspaceImage;
import software.amazon.awssdk.services.workspaces.model.WorkspaceImageState;

/** The update quota in flight and the describe lag of just-made images, through the real SDK. */
class UpdateQuotaAndDescribeLagTest {
    private static final String QUOTA = """
            { "appstream": { "maxUpdatesInFlight": 2, "images": [
                { "name": "A", "updateAvailable": true, "build": { "pollsUntilDone": 0 } },
                { "name": "B", "updateAvailable": true, "build": { "outcome": "FAILED", "pollsUntilDone": 0 } },
                { "name": "C", "updateAvailable": true } ] },
              "workspaces": { "maxUpdatesInFlight": 1, "images": [
                { "id": "wsi-00000000a", "name": "ws-a", "updateAvailable": true, "build": { "pollsUntilDone": 0 } },
                { "id": "wsi-00000000b", "name": "ws-b", "updateAvailable": true } ] } }
            """;

    private static final String LAG = """
            { "appstream": { "newImagesHiddenForDescribes": 2, "images": [
                { "name": "Base", "updateAvailable": true },
                { "name": "Base-2025-06-11", "hiddenForDescribes": 2,
                  "tags": { "euc-image-updater:source-image": "Base", "euc-image-updater:run-date": "2025-06-11" } } ] },
              "workspaces": { "newImagesHiddenForDescribes": 1, "images": [
                { "id": "wsi-00000000a", "name": "ws-a", "updateAvailable": true },
                { "id": "wsi-00000000c", "name": "ws-a-2025-06-11", "hiddenForDescribes": 2 } ] } }
            """;

    @Test
    void appStreamRefusesAnUpdateBeyondTheQuotaUntilABuildEnds() {
        try (AwsSimulator simulator = AwsSimulator.start(Scenario.fromJson(QUOTA));
             AppStreamClient appStream = SdkClients.appStream(simulator, 1)) {
            create(appStream, "A", "A-new");
            create(appStream, "B", "B-new");

            LimitExceededException full = assertThrows(LimitExceededException.class, () -> create(appStream, "C", "C-new"));
            assertTrue(full.awsErrorDetails().errorMessage().contains("image builder quota"));
            assertTrue(appStream.createUpdatedImage(r -> r.existingImageName("C").newImageName("C-new").dryRun(true))
                    .canUpdateImage(), "a dry run takes no room");

            assertEquals(ImageState.AVAILABLE, state(appStream, "A-new"));
            create(appStream, "C", "C-new");
            assertThrows(LimitExceededException.class, () -> create(appStream, "B", "B-again"));
            assertEquals(ImageState.FAILED, state(appStream, "B-new"));
            create(appStream, "B", "B-again");
        }
    }

    @Test
    void workSpacesRefusesAnUpdateBeyondTheQuotaUntilABuildEnds() {
        try (AwsSimulator simulator = AwsSimulator.start(Scenario.fromJson(QUOTA));
             WorkSpacesClient workSpaces = SdkClients.workSpaces(simulator, 1)) {
            String first = create(workSpaces, "wsi-00000000a", "ws-a-new");

            assertThrows(ResourceLimitExceededException.class, () -> create(workSpaces, "wsi-00000000b", "ws-b-new"));
            assertEquals(WorkspaceImageState.AVAILABLE,
                    workSpaces.describeWorkspaceImages(r -> r.imageIds(first)).images().get(0).state());
            create(workSpaces, "wsi-00000000b", "ws-b-new");
            assertEquals(Arrays.asList(null, "ResourceLimitExceededException", null),
                    simulator.callsTo("CreateUpdatedWorkspaceImage").stream().map(RecordedCall::errorType).toList());
        }
    }

    @Test
    void aSeededImageIsMissingForItsFirstDescribesButItsNameIsTaken() {
        try (AwsSimulator simulator = AwsSimulator.start(Scenario.fromJson(LAG));
             AppStreamClient appStream = SdkClients.appStream(simulator, 1)) {
            assertThrows(ResourceNotFoundException.class, () -> appStream.describeImages(r -> r.names("Base-2025-06-11")));
            assertThrows(ResourceAlreadyExistsException.class, () -> create(appStream, "Base", "Base-2025-06-11"));
            assertEquals(List.of("Base"), names(appStream));

            Image adopted = appStream.describeImages(r -> r.names("Base-2025-06-11")).images().get(0);
            assertEquals("Base", appStream.listTagsForResource(r -> r.resourceArn(adopted.arn())).tags()
                    .get("euc-image-updater:source-image"));
            assertEquals(List.of("Base", "Base-2025-06-11"), names(appStream));
        }
    }

    @Test
    void anAppStreamImageMadeDuringTheRunIsHiddenFromItsFirstDescribes() {
        try (AwsSimulator simulator = AwsSimulator.start(Scenario.fromJson(LAG));
             AppStreamClient appStream = SdkClients.appStream(simulator, 1)) {
            create(appStream, "Base", "Base-2025-07-11");

            assertEquals(List.of("Base"), names(appStream).stream().filter(name -> !name.equals("Base-2025-06-11")).toList());
            assertThrows(ResourceNotFoundException.class, () -> appStream.describeImages(r -> r.names("Base-2025-07-11")));
            assertEquals(ImageState.PENDING, state(appStream, "Base-2025-07-11"));
        }
    }

    @Test
    void workSpacesLeavesOutAHiddenImageByIdAndInTheOwnedListing() {
        try (AwsSimulator simulator = AwsSimulator.start(Scenario.fromJson(LAG));
             WorkSpacesClient workSpaces = SdkClients.workSpaces(simulator, 1)) {
            assertTrue(workSpaces.describeWorkspaceImages(r -> r.imageIds("wsi-00000000c")).images().isEmpty());
            assertEquals(List.of("wsi-00000000a"), ownedIds(workSpaces));
            assertEquals(List.of("wsi-00000000a", "wsi-00000000c"), ownedIds(workSpaces));

            String created = create(workSpaces, "wsi-00000000a", "ws-a-2025-07-11");
            assertTrue(workSpaces.describeWorkspaceImages(r -> r.imageIds(created)).images().isEmpty());
            assertEquals(WorkspaceImageState.PENDING,
                    workSpaces.describeWorkspaceImages(r -> r.imageIds(created)).images().get(0).state());
        }
    }

    @Test
    void negativeLagsAndAZeroQuotaAreRefusedWithTheField() {
        IllegalArgumentException quota = assertThrows(IllegalArgumentException.class,
                () -> Scenario.fromJson("{ \"appstream\": { \"maxUpdatesInFlight\": 0 } }"));
        IllegalArgumentException lag = assertThrows(IllegalArgumentException.class, () -> Scenario.fromJson(
                "{ \"workspaces\": { \"images\": [ { \"id\": \"wsi-00000000a\", \"name\": \"a\", \"hiddenForDescribes\": -1 } ] } }"));

        assertTrue(quota.getMessage().contains("appstream.maxUpdatesInFlight must be at least 1"), quota.getMessage());
        assertTrue(lag.getMessage().contains("hiddenForDescribes cannot be negative"), lag.getMessage());
    }

    private static void create(AppStreamClient appStream, String source, String newName) {
        appStream.createUpdatedImage(r -> r.existingImageName(source).newImageName(newName)
                .newImageTags(Map.of("euc-image-updater:source-image", source)).dryRun(false));
    }

    private static String create(WorkSpacesClient workSpaces, String source, String name) {
        return workSpaces.createUpdatedWorkspaceImage(r -> r.sourceImageId(source).name(name).description("Update")).imageId();
    }

    private static ImageState state(AppStreamClient appStream, String name) {
        return appStream.describeImages(r -> r.names(name)).images().get(0).state();
    }

    private static List<String> names(AppStreamClient appStream) {
        return appStream.describeImages(r -> { }).images().stream().map(Image::name).toList();
    }

    private static List<String> ownedIds(WorkSpacesClient workSpaces) {
        return workSpaces.describeWorkspaceImages(r -> r.imageType(ImageType.OWNED)).images().stream()
                .map(WorkspaceImage::imageId).toList();
    }
}
