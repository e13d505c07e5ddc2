package com.eucimageupdater.aws;

import static com.eucimageupdater.aws.PlannedJobs.EXECUTION;
import static com.eucimageupdater.aws.PlannedJobs.checked;
import static com.eucimageupdater.aws.PlannedJobs.describedAs;
import static com.eucimageupdater.aws.PlannedJobs.inExecution;
import static com.eucimageupdater.aws.PlannedJobs.pipelineTags;
import static com.eucimageupdater.aws.PlannedJobs.planned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.model.ImageJob;
import com.eucimageupdater.model.ImageState;
import com.eucimageupdater.model.ImageStatus;
import com.eucimageupdater.model.ImageUpdateException;
import com.eucimageupdater.model.RetryableAwsException;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.model.StartedImage;
import com.eucimageupdater.model.UpdateCheck;

import com.eucimageupdater.simulator.RecordedCall;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.workspaces.model.CreateUpdatedWorkspaceImageRequest;
import software.amazon.awssdk.services.workspaces.model.Tag;

/** The WorkSpaces image service through the real SDK against the simulated account, one fresh account per test. */
class WorkSpacesImageServiceTest extends SimulatedImageServiceTest<WorkSpacesImageService> {
    /** Thirty images of others fill the first page, so finding its own image by name takes the later pages. */
    private static final String OTHER_IMAGES = IntStream.range(0, 30)
            .mapToObj(i -> "{ \"id\": \"wsi-other%05d\", \"name\": \"other-%d\" }".formatted(i, i))
            .collect(Collectors.joining(", "));
    private static final String ACCOUNT = """
            { "workspaces": { "images": [
                { "id": "wsi-0a1b2c3d4", "name": "ws-win10-base", "updateAvailable": true,
                  "updateDescription": "Windows 10 drivers and agent updates", "build": { "outcome": "AVAILABLE", "pollsUntilDone": 2 } },
                { "id": "wsi-9z8y7x6w5", "name": "ws-win2016-ops", "updateAvailable": false },
                { "id": "wsi-5e6f7a8b9", "name": "ws-win2019-dev", "updateAvailable": true,
                  "build": { "outcome": "ERROR", "pollsUntilDone": 0, "errorCode": "InsufficientDiskSpace",
                             "reason": "The root volume has less than 20 GB of free space" } },
                { "id": "wsi-1pending01", "name": "ws-win10-pending", "state": "PENDING", "updateAvailable": true },
                { "id": "wsi-6plain0001", "name": "ws-win10-plain", "updateAvailable": true },
                { "id": "wsi-state0pending", "name": "state-pending", "state": "PENDING" },
                { "id": "wsi-state0available", "name": "state-available", "state": "AVAILABLE" },
                { "id": "wsi-state0error", "name": "state-error", "state": "ERROR" },
                { "id": "wsi-2taken0001", "name": "ws-win10-taken", "updateAvailable": true },
                { "id": "wsi-3byhand001", "name": "ws-win10-taken-2026-11-10", "tags": { "owner": "someone else" } },
                { "id": "wsi-4quota0001", "name": "ws-win10-quota", "updateAvailable": true },
                { "id": "wsi-5throttled", "name": "ws-win10-throttled", "updateAvailable": true },
                { "id": "wsi-7shared0001", "name": "ws-win10-shared", "ownerAccountId": "111122223333", "updateAvailable": true },
                { "id": "wsi-8linux0001", "name": "ws-al2-dev", "os": "LINUX", "updateAvailable": true },
                %s ] },
              "errors": [
                { "operation": "CreateUpdatedWorkspaceImage", "image": "wsi-4quota0001", "type": "ResourceLimitExceededException",
                  "message": "Your image limit has been reached." },
                { "operation": "DescribeWorkspaceImages", "image": "wsi-5throttled", "type": "ThrottlingException",
                  "message": "Rate exceeded" } ] }
            """.formatted(OTHER_IMAGES);

    @Override
    Service serviceType() {
        return Service.WORKSPACES;
    }

    @Override
    String accountScenario() {
        return ACCOUNT;
    }

    @Override
    WorkSpacesImageService serviceOn(SimulatedAccount account) {
        return new WorkSpacesImageService(account.workSpaces());
    }

    private Map<String, String> tagsOf(String imageId) {
        return account.workSpaces().describeTags(r -> r.resourceId(imageId)).tagList().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value));
    }

    @Test
    void anImageWithUpdatesIsReportedWithTheServicesDescriptionAndTheImageAnUpdateWouldCreate() {
        UpdateCheck check = service.checkForUpdate(planned(Service.WORKSPACES, "wsi-0a1b2c3d4"));

        assertEquals(new UpdateCheck(true, "ws-win10-base", "Windows 10 drivers and agent updates", "ws-win10-base-2026-11-10",
                "Updated from wsi-0a1b2c3d4 on 2026-11-10 by euc-image-updater", null, "wsi-0a1b2c3d4", null), check);
        assertEquals(List.of("DescribeWorkspaceImages", "DescribeTags"), simulator.calls().stream().map(RecordedCall::operation).toList());
    }

    @Test
    void anUpdateTheServiceDoesNotDescribeIsStillNamedInTheDetail() {
        UpdateCheck check = service.checkForUpdate(planned(Service.WORKSPACES, "wsi-6plain0001"));

        assertTrue(check.updateAvailable());
        assertEquals("WorkSpaces has updates for this image", check.detail());
    }

    @Test
    void theAdminsDescriptionReplacesTheDefault() {
        UpdateCheck check = service.checkForUpdate(describedAs(planned(Service.WORKSPACES, "wsi-0a1b2c3d4"), null, "Monthly patch"));

        assertEquals("Monthly patch", check.newImageDescription());
    }

    @Test
    void anImageWithoutUpdatesIsUpToDate() {
        UpdateCheck check = service.checkForUpdate(planned(Service.WORKSPACES, "wsi-9z8y7x6w5"));

        assertFalse(check.updateAvailable());
        assertEquals("already has the latest updates", check.detail());
    }

    @Test
    void anImageSharedFromAnotherAccountIsRefusedAtTheCheckWithTheOwnerBeforeAnyCreate() {
        assertEquals("WorkSpaces image wsi-7shared0001 belongs to account 111122223333 and is shared with this account"
                + " (123456789012); only the account that owns an image can update it: run the update in account 111122223333,"
                + " or copy the image into this account (CopyWorkspaceImage) and list the copy", checkFails("wsi-7shared0001").getMessage());
        assertEquals(List.of(), simulator.mutatingCalls());
    }

    @Test
    void aLinuxImageIsRefusedAtTheCheckWithTheApisPlatformRule() {
        assertEquals("WorkSpaces image wsi-8linux0001 runs LINUX; CreateUpdatedWorkspaceImage updates only Windows images"
                + " (Windows 10, Windows Server 2016 and 2019)", checkFails("wsi-8linux0001").getMessage());
        assertEquals(List.of(), simulator.mutatingCalls());
    }

    @Test
    void aMissingSourceFailsTheImageAndSaysWhatToCheck() {
        assertEquals("WorkSpaces image wsi-000000000 does not exist in this account and Region (check the id and the Region)",
                checkFails("wsi-000000000").getMessage());
    }

    @Test
    void aSourceThatIsNotAvailableCannotBeUpdated() {
        assertEquals("WorkSpaces image wsi-1pending01 is PENDING; only AVAILABLE images can be updated",
                checkFails("wsi-1pending01").getMessage());
    }

    @Test
    void startCreatesTheImageWithThePlannedNameDescriptionAndTags() {
        StartedImage started = service.startUpdate(checkedJob("wsi-0a1b2c3d4"));

        assertTrue(started.newImage().matches("wsi-[0-9a-z]{9}"), started.newImage());
        assertEquals("ws-win10-base-2026-11-10", started.newImageName());
        assertFalse(started.adopted());
        List<RecordedCall> changes = simulator.mutatingCalls();
        assertEquals(List.of("CreateUpdatedWorkspaceImage"), changes.stream().map(RecordedCall::operation).toList());
        JsonNode create = changes.get(0).request();
        assertEquals("wsi-0a1b2c3d4", create.get("SourceImageId").asText());
        assertEquals("ws-win10-base-2026-11-10", create.get("Name").asText());
        assertEquals("Updated from wsi-0a1b2c3d4 on 2026-11-10 by euc-image-updater", create.get("Description").asText());
        assertEquals(pipelineTags("wsi-0a1b2c3d4", EXECUTION), StreamSupport.stream(create.get("Tags").spliterator(), false)
                .collect(Collectors.toMap(tag -> tag.get("Key").asText(), tag -> tag.get("Value").asText())));
        assertEquals(pipelineTags("wsi-0a1b2c3d4", EXECUTION), tagsOf(started.newImage()));
    }

    @Test
    void aSecondStartOnTheSameDayFindsTheImageOnALaterPageAndAdoptsItInsteadOfCreatingAnother() {
        ImageJob job = checkedJob("wsi-0a1b2c3d4");
        StartedImage first = service.startUpdate(job);

        StartedImage again = service.startUpdate(inExecution(job, "monthly-2026-11-rerun"));

        assertEquals(StartedImage.adopted(first.newImage(), "ws-win10-base-2026-11-10", "monthly-2026-11", 0), again);
        assertEquals(List.of("CreateUpdatedWorkspaceImage"), operationsThatChanged());
        assertTrue(simulator.callsTo("DescribeWorkspaceImages").stream().anyMatch(call -> call.request().has("NextToken")),
                "the new image is listed after the account's other images");
    }

    @Test
    void aSameNamedImageNotMadeByThePipelineIsNeverAdoptedNorReplaced() {
        ImageJob job = checkedJob("wsi-2taken0001");

        ImageUpdateException refused = assertThrows(ImageUpdateException.class, () -> service.startUpdate(job));

        assertEquals("WorkSpaces image \"ws-win10-taken-2026-11-10\" (wsi-3byhand001) already exists but was not made by"
                + " euc-image-updater from wsi-2taken0001 on 2026-11-10 (rename or delete it, then run again)", refused.getMessage());
        assertEquals(List.of(), simulator.mutatingCalls());
    }

    @Test
    void losingTheCreateRaceToAConcurrentExecutionAdoptsItsImage() {
        ImageJob job = checkedJob("wsi-0a1b2c3d4");
        WorkSpacesImageService concurrentExecution = new WorkSpacesImageService(account.workSpaces());
        ExecutionInterceptor concurrentCreateLandsFirst = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof CreateUpdatedWorkspaceImageRequest) {
                    concurrentExecution.startUpdate(inExecution(job, "monthly-2026-11-concurrent"));
                }
            }
        };
        WorkSpacesImageService racing = new WorkSpacesImageService(account.workSpaces(concurrentCreateLandsFirst));

        StartedImage started = racing.startUpdate(job);

        assertTrue(started.adopted());
        assertEquals("ws-win10-base-2026-11-10", started.newImageName());
        assertEquals(List.of("success", "ResourceAlreadyExistsException"), simulator.mutatingCalls().stream()
                .map(call -> call.succeeded() ? "success" : call.errorType()).toList());
        assertEquals(pipelineTags("wsi-0a1b2c3d4", "monthly-2026-11-concurrent"), tagsOf(started.newImage()));
    }

    @Test
    void aBuildingImageIsPendingUntilItBecomesAvailable() {
        String newImage = service.startUpdate(checkedJob("wsi-0a1b2c3d4")).newImage();

        List<ImageStatus> polls = List.of(service.describeUpdatedImage(newImage), service.describeUpdatedImage(newImage),
                service.describeUpdatedImage(newImage));

        assertEquals(List.of(ImageStatus.of(ImageState.PENDING, "PENDING", null), ImageStatus.of(ImageState.PENDING, "PENDING", null),
                ImageStatus.of(ImageState.AVAILABLE, "AVAILABLE", null)), polls);
    }

    @Test
    void aFailedBuildCarriesTheErrorCodeMessageAndDetailsOnce() {
        String newImage = service.startUpdate(checkedJob("wsi-5e6f7a8b9")).newImage();

        ImageStatus status = service.describeUpdatedImage(newImage);

        assertEquals(ImageStatus.of(ImageState.FAILED, "ERROR",
                "WorkSpaces image is ERROR: InsufficientDiskSpace The root volume has less than 20 GB of free space"), status);
    }

    @Test
    void anUpdatedImageThatDisappearedFailsThePoll() {
        ImageUpdateException gone = assertThrows(ImageUpdateException.class, () -> service.describeUpdatedImage("wsi-gone00001"));

        assertEquals("the updated WorkSpaces image wsi-gone00001 has disappeared (deleted while it was being built?)", gone.getMessage());
    }

    @Test
    void aReachedImageQuotaFailsTheImageWithTheQuotaHint() {
        ImageJob job = checkedJob("wsi-4quota0001");

        ImageUpdateException failed = assertThrows(ImageUpdateException.class, () -> service.startUpdate(job));

        assertEquals("CreateUpdatedWorkspaceImage from wsi-4quota0001 to \"ws-win10-quota-2026-11-10\" failed:"
                + " ResourceLimitExceededException: Your image limit has been reached. (a WorkSpaces quota (images) is reached:"
                + " delete old images or raise the quota in Service Quotas); no other update of this run is building, so it will"
                + " not free up by itself", failed.getMessage());
        assertEquals(List.of(), operationsThatChanged());
    }

    @Test
    void throttlingBeyondTheSdkRetriesIsLeftToTheStateMachineToRetry() {
        RetryableAwsException error = assertThrows(RetryableAwsException.class,
                () -> service.checkForUpdate(planned(Service.WORKSPACES, "wsi-5throttled")));

        assertEquals("DescribeWorkspaceImages wsi-5throttled: AWS answered ThrottlingException (Rate exceeded)",
                error.getMessage());
        assertEquals(SimulatedAccount.SDK_ATTEMPTS, simulator.callsTo("DescribeWorkspaceImages").size(), "the SDK retried first");
    }

    @ParameterizedTest(name = "WorkSpaces {0} is {1}")
    @CsvSource({"pending, PENDING", "available, AVAILABLE", "error, FAILED"})
    void everyWorkSpacesImageStateIsNormalisedForTheWaitLoop(String workSpacesState, ImageState expected) {
        ImageStatus status = service.describeUpdatedImage("wsi-state0" + workSpacesState);

        assertEquals(expected, status.state());
        assertEquals(workSpacesState.toUpperCase(Locale.ROOT), status.serviceState());
    }
}
