package com.eucimageupdater.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.appstream.AppStreamClient;
import software.amazon.awssdk.services.appstream.model.AppStreamException;
import software.amazon.awssdk.services.appstream.model.CreateUpdatedImageResponse;
import software.amazon.awssdk.services.appstream.model.DescribeImagesResponse;
import software.amazon.awssdk.services.appstream.model.Image;
import software.amazon.awssdk.services.appstream.model.ImageState;
import software.amazon.awssdk.services.appstream.model.OperationNotPermittedException;
import software.amazon.awssdk.services.appstream.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.appstream.model.ResourceNotFoundException;
import software.amazon.awssdk.services.appstream.model.VisibilityType;

class AppStreamSimulationTest {
    private static final String SCENARIO = """
            { "seed": 3,
              "appstream": { "images": [
                { "name": "Base-Win2022", "displayName": "Base", "updateAvailable": true,
                  "build": { "outcome": "AVAILABLE", "pollsUntilDone": 2 } },
                { "name": "Broken-Win2019", "platform": "WINDOWS_SERVER_2019", "updateAvailable": true,
                  "build": { "outcome": "FAILED", "pollsUntilDone": 1, "reason": "The image builder ran out of disk space",
                             "errorCode": "INTERNAL_SERVICE_ERROR" } },
                { "name": "Current-Win2022", "updateAvailable": false },
                { "name": "AppStream-WinServer2022-01-01-2025", "visibility": "PUBLIC", "updateAvailable": true },
                { "name": "Stuck-Win2022", "updateAvailable": true, "build": { "outcome": "PENDING" } },
                { "name": "Timed-Win2022", "updateAvailable": true, "build": { "pendingSeconds": 0.3 } } ] } }
            """;

    private AwsSimulator simulator;
    private AppStreamClient appStream;

    @BeforeEach
    void start() {
        simulator = AwsSimulator.start(Scenario.fromJson(SCENARIO));
        appStream = SdkClients.appStream(simulator, 1);
    }

    @AfterEach
    void stop() {
        appStream.close();
        simulator.close();
    }

    @Test
    void dryRunSaysWhetherAnUpdateExistsAndCreatesNothing() {
        CreateUpdatedImageResponse withUpdate = appStream.createUpdatedImage(r -> r.existingImageName("Base-Win2022")
                .newImageName("Base-Win2022-updated").dryRun(true));
        CreateUpdatedImageResponse current = appStream.createUpdatedImage(r -> r.existingImageName("Current-Win2022")
                .newImageName("Current-Win2022-updated").dryRun(true));

        assertTrue(withUpdate.canUpdateImage());
        assertEquals("Base-Win2022", withUpdate.image().name());
        assertFalse(current.canUpdateImage());
        assertEquals(6, appStream.describeImages(r -> { }).images().size());
        assertTrue(simulator.mutatingCalls().isEmpty());
    }

    @Test
    void dryRunOfAMissingImageIsResourceNotFound() {
        ResourceNotFoundException error = assertThrows(ResourceNotFoundException.class, () -> appStream.createUpdatedImage(
                r -> r.existingImageName("Nope").newImageName("Nope-updated").dryRun(true)));

        assertEquals("The image Nope does not exist.", error.awsErrorDetails().errorMessage());
    }

    @Test
    void anUpdatedImageIsPendingForTheConfiguredPollsThenAvailable() {
        CreateUpdatedImageResponse created = appStream.createUpdatedImage(r -> r.existingImageName("Base-Win2022")
                .newImageName("Base-Win2022-2025-06-11").newImageDisplayName("Base (June)").newImageDescription("June updates")
                .newImageTags(Map.of("team", "euc")).dryRun(false));

        Image image = created.image();
        assertNull(created.canUpdateImage(), "a real create does not say canUpdateImage again");
        assertEquals(ImageState.PENDING, image.state());
        assertEquals("arn:aws:appstream:us-east-1:123456789012:image/Base-Win2022-2025-06-11", image.arn());
        assertEquals("arn:aws:appstream:us-east-1:123456789012:image/Base-Win2022", image.baseImageArn());
        assertEquals("Base (June)", image.displayName());
        assertEquals("June updates", image.description());
        assertNotNull(image.createdTime());
        assertEquals(List.of(ImageState.PENDING, ImageState.PENDING, ImageState.AVAILABLE),
                List.of(state("Base-Win2022-2025-06-11"), state("Base-Win2022-2025-06-11"), state("Base-Win2022-2025-06-11")));
        assertEquals(Map.of("team", "euc"), appStream.listTagsForResource(r -> r.resourceArn(image.arn())).tags());
    }

    @Test
    void aFinishedUpdateLeavesTheSourceWithNoUpdateAvailable() {
        create("Base-Win2022", "Base-Win2022-new");
        for (int poll = 0; poll < 3; poll++) {
            state("Base-Win2022-new");
        }

        assertFalse(appStream.createUpdatedImage(r -> r.existingImageName("Base-Win2022").newImageName("Again").dryRun(true))
                .canUpdateImage());
        CreateUpdatedImageResponse again = create("Base-Win2022", "Base-Win2022-again");
        assertFalse(again.canUpdateImage());
        assertThrows(ResourceNotFoundException.class, () -> state("Base-Win2022-again"));
    }

    @Test
    void aFailedBuildCarriesItsReasonInStateChangeReasonAndImageErrors() {
        create("Broken-Win2019", "Broken-Win2019-new");
        state("Broken-Win2019-new");

        Image failed = describe("Broken-Win2019-new");
        assertEquals(ImageState.FAILED, failed.state());
        assertEquals("IMAGE_UPDATE_FAILURE", failed.stateChangeReason().codeAsString());
        assertEquals("The image builder ran out of disk space", failed.stateChangeReason().message());
        assertEquals("INTERNAL_SERVICE_ERROR", failed.imageErrors().get(0).errorCodeAsString());
        assertEquals("The image builder ran out of disk space", failed.imageErrors().get(0).errorMessage());
        assertNotNull(failed.imageErrors().get(0).errorTimestamp());
        assertTrue(appStream.createUpdatedImage(r -> r.existingImageName("Broken-Win2019").newImageName("Retry").dryRun(true))
                .canUpdateImage(), "a failed update leaves the update available");
    }

    @Test
    void aStuckBuildStaysPending() {
        create("Stuck-Win2022", "Stuck-Win2022-new");
        for (int poll = 0; poll < 10; poll++) {
            assertEquals(ImageState.PENDING, state("Stuck-Win2022-new"));
        }
    }

    @Test
    void aTimedBuildIsPendingUntilItsSecondsHavePassed() throws InterruptedException {
        create("Timed-Win2022", "Timed-Win2022-new");
        assertEquals(ImageState.PENDING, state("Timed-Win2022-new"));

        Thread.sleep(400);

        assertEquals(ImageState.AVAILABLE, state("Timed-Win2022-new"));
    }

    @Test
    void aDuplicateNewNameIsResourceAlreadyExists() {
        create("Base-Win2022", "Base-Win2022-new");

        assertThrows(ResourceAlreadyExistsException.class, () -> create("Base-Win2022", "Current-Win2022"));
        assertEquals(7, appStream.describeImages(r -> { }).images().size());
    }

    @Test
    void onlyOwnedAvailableImagesCanBeUpdated() {
        create("Stuck-Win2022", "Stuck-Win2022-new");

        OperationNotPermittedException publicImage = assertThrows(OperationNotPermittedException.class,
                () -> create("AppStream-WinServer2022-01-01-2025", "Mine"));
        assertTrue(publicImage.awsErrorDetails().errorMessage().contains("only images you own"));
        assertThrows(OperationNotPermittedException.class, () -> create("Stuck-Win2022-new", "From-Pending"));
        assertEquals("arn:aws:appstream:us-east-1::image/AppStream-WinServer2022-01-01-2025",
                describe("AppStream-WinServer2022-01-01-2025").arn());
    }

    @Test
    void aNameBreakingTheModelPatternIsRejectedAndRecordedWithoutCreatingAnything() {
        AppStreamException error = assertThrows(AppStreamException.class, () -> create("Base-Win2022", "Base Win2022 new"));

        assertEquals("ValidationException", error.awsErrorDetails().errorCode());
        assertEquals(400, error.statusCode());
        assertEquals("1 validation error detected: Value 'Base Win2022 new' at 'newImageName' failed to satisfy constraint:"
                + " Member must satisfy regular expression pattern: ^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$",
                error.awsErrorDetails().errorMessage());
        assertEquals(List.of("CreateUpdatedImage"), simulator.modelViolations().stream().map(RecordedCall::operation).toList());
        assertEquals(6, appStream.describeImages(r -> { }).images().size());
    }

    @Test
    void aNameStartingWithAReservedPrefixIsRejected() {
        AppStreamException error = assertThrows(AppStreamException.class, () -> create("Base-Win2022", "aws-base-new"));

        assertEquals("ValidationException", error.awsErrorDetails().errorCode());
        assertTrue(error.awsErrorDetails().errorMessage().contains("must not start with 'Amazon', 'AWS' or 'AppStream'"));
        assertEquals(1, simulator.modelViolations().size());
    }

    @Test
    void describeImagesPagesWithNextTokenAndFiltersByType() {
        DescribeImagesResponse first = appStream.describeImages(r -> r.maxResults(4));
        DescribeImagesResponse second = appStream.describeImages(r -> r.maxResults(4).nextToken(first.nextToken()));

        assertEquals(4, first.images().size());
        assertEquals(2, second.images().size());
        assertEquals(null, second.nextToken());
        assertEquals(List.of("AppStream-WinServer2022-01-01-2025"),
                appStream.describeImages(r -> r.type(VisibilityType.PUBLIC)).images().stream().map(Image::name).toList());
        assertThrows(ResourceNotFoundException.class, () -> appStream.describeImages(r -> r.names("Base-Win2022", "Nope")));
    }

    @Test
    void tagResourceAddsTagsToAnImage() {
        String arn = describe("Current-Win2022").arn();

        appStream.tagResource(r -> r.resourceArn(arn).tags(Map.of("owner", "euc-team")));

        assertEquals(Map.of("owner", "euc-team"), appStream.listTagsForResource(r -> r.resourceArn(arn)).tags());
        assertEquals(List.of("TagResource"), simulator.mutatingCalls().stream().map(RecordedCall::operation).toList());
    }

    private CreateUpdatedImageResponse create(String source, String newName) {
        return appStream.createUpdatedImage(r -> r.existingImageName(source).newImageName(newName).dryRun(false));
    }

    private Image describe(String name) {
        return appStream.describeImages(r -> r.names(name)).images().get(0);
    }

    private ImageState state(String name) {
        return describe(name).state();
    }
}
