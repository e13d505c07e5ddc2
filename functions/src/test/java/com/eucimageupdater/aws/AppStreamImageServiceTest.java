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
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.appstream.model.CreateUpdatedImageRequest;
import software.amazon.awssdk.services.appstream.model.Image;

/** The AppStream image service through the real SDK against the simulated account, one fresh account per test. */
class AppStreamImageServiceTest extends SimulatedImageServiceTest<AppStreamImageService> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = """
            { "appstream": { "images": [
                { "name": "Base-Win2022", "displayName": "Base Windows Server 2022", "updateAvailable": true,
                  "description": "Standard desktop", "agentVersion": "1.1.1262", "latestAgent": false,
                  "build": { "outcome": "AVAILABLE", "pollsUntilDone": 2 } },
                { "name": "Finance-Win2022", "updateAvailable": false },
                { "name": "Broken-Win2019", "platform": "WINDOWS_SERVER_2019", "updateAvailable": true,
                  "build": { "outcome": "FAILED", "pollsUntilDone": 0, "errorCode": "INTERNAL_SERVICE_ERROR",
                             "reason": "The image builder ran out of disk space" } },
                { "name": "Pending-Win2022", "state": "PENDING", "updateAvailable": true },
                { "name": "AppStream-WinServer2022-10-08-2025", "visibility": "PUBLIC", "updateAvailable": true },
                { "name": "Taken-Win2022", "updateAvailable": true },
                { "name": "Taken-Win2022-2026-11-10", "tags": { "owner": "someone else" } },
                { "name": "Rerun-Win2022", "updateAvailable": true },
                { "name": "Rerun-Win2022-2026-11-10", "tags": { "euc-image-updater:source-image": "Rerun-Win2022",
                  "euc-image-updater:run-date": "2026-11-10", "euc-image-updater:execution": "monthly-2026-11-first" } },
                { "name": "Quota-Win2022", "updateAvailable": true },
                { "name": "Slow-Win2022", "updateAvailable": true, "build": { "outcome": "PENDING" } },
                { "name": "Throttled-Win2022", "updateAvailable": true },
                { "name": "Busy-Win2022", "updateAvailable": true },
                { "name": "State-PENDING", "state": "PENDING" }, { "name": "State-CREATING", "state": "CREATING" },
                { "name": "State-COPYING", "state": "COPYING" }, { "name": "State-IMPORTING", "state": "IMPORTING" },
                { "name": "State-VALIDATING", "state": "VALIDATING" }, { "name": "State-AVAILABLE", "state": "AVAILABLE" },
                { "name": "State-FAILED", "state": "FAILED" }, { "name": "State-DELETING", "state": "DELETING" } ] },
              "errors": [
                { "operation": "CreateUpdatedImage", "image": "Rerun-Win2022", "type": "ResourceAlreadyExistsException",
                  "message": "The image Rerun-Win2022-2026-11-10 already exists." },
                { "operation": "CreateUpdatedImage", "image": "Quota-Win2022", "type": "LimitExceededException",
                  "message": "The maximum number of images has been reached.", "mutatingOnly": true },
                { "operation": "DescribeImages", "image": "Throttled-Win2022", "type": "ThrottlingException", "message": "Rate exceeded" },
                { "operation": "CreateUpdatedImage", "image": "Busy-Win2022", "type": "ThrottlingException", "message": "Rate exceeded",
                  "mutatingOnly": true } ] }
            """;

    @Override
    Service serviceType() {
        return Service.APPSTREAM;
    }

    @Override
    String accountScenario() {
        return ACCOUNT;
    }

    @Override
    AppStreamImageService serviceOn(SimulatedAccount account) {
        return new AppStreamImageService(account.appStream());
    }

    @Test
    void anImageWithUpdatesIsReportedWithTheImageAnUpdateWouldCreateAndNothingIsCreated() {
        UpdateCheck check = service.checkForUpdate(planned(Service.APPSTREAM, "Base-Win2022"));

        assertEquals(new UpdateCheck(true, "Base-Win2022", "updates available (CreateUpdatedImage dry run: canUpdateImage true);"
                + " platform WINDOWS_SERVER_2022; agent 1.1.1262 (not the latest); \"Standard desktop\"",
                "Base-Win2022-2026-11-10", "Updated from Base-Win2022 on 2026-11-10 by euc-image-updater",
                "Base Windows Server 2022 (2026-11-10)", "Base-Win2022", null), check);
        List<RecordedCall> creates = simulator.callsTo("CreateUpdatedImage");
        assertEquals(1, creates.size());
        assertTrue(creates.get(0).request().get("dryRun").asBoolean(), "the check is a dry run");
        assertEquals(List.of(), simulator.mutatingCalls());
    }

    @Test
    void theAdminsDisplayNameAndDescriptionReplaceTheDefaults() {
        ImageJob job = describedAs(planned(Service.APPSTREAM, "Base-Win2022"), "Base (November)", "Monthly patch");

        UpdateCheck check = service.checkForUpdate(job);

        assertEquals("Base (November)", check.newImageDisplayName());
        assertEquals("Monthly patch", check.newImageDescription());
    }

    @Test
    void anImageWithoutUpdatesIsUpToDateAndItsNameStandsInForAMissingDisplayName() {
        UpdateCheck check = service.checkForUpdate(planned(Service.APPSTREAM, "Finance-Win2022"));

        assertFalse(check.updateAvailable());
        assertEquals("already has the latest updates", check.detail());
        assertEquals("Finance-Win2022 (2026-11-10)", check.newImageDisplayName());
    }

    @Test
    void aMissingSourceFailsTheImageAndSaysWhatToCheck() {
        assertEquals("AppStream image \"Retired-Win2016\" does not exist in this account and Region, or is shared with it (check the name and the Region; only images this account owns can be updated)",
                checkFails("Retired-Win2016").getMessage());
        assertEquals(List.of(), simulator.callsTo("CreateUpdatedImage"));
    }

    @Test
    void aSourceThatIsNotAvailableCannotBeUpdated() {
        assertEquals("AppStream image \"Pending-Win2022\" is PENDING; only AVAILABLE images can be updated",
                checkFails("Pending-Win2022").getMessage());
        assertEquals(List.of(), simulator.callsTo("CreateUpdatedImage"));
    }

    @Test
    void anAwsPublicBaseImageIsRefusedWithAdviceToCreateAnImageFromItFirst() {
        String reason = checkFails("AppStream-WinServer2022-10-08-2025").getMessage();

        assertTrue(reason.startsWith("AppStream image \"AppStream-WinServer2022-10-08-2025\" is PUBLIC (an AWS base image"), reason);
        assertTrue(reason.endsWith("(create an image from it first)"), reason);
        assertEquals(List.of(), simulator.callsTo("CreateUpdatedImage"));
    }

    @Test
    void aDryRunThatFindsTodaysImageAlreadyMadeCountsAsAnUpdateWhichTheStartAdopts() {
        ImageJob job = checkedJob("Rerun-Win2022");

        assertTrue(job.check().updateAvailable());
        assertEquals(StartedImage.adopted("Rerun-Win2022-2026-11-10", "Rerun-Win2022-2026-11-10", "monthly-2026-11-first", 0),
                service.startUpdate(job));
        assertEquals(List.of(), simulator.mutatingCalls());
    }

    @Test
    void startCreatesTheImageWithThePlannedNameDescriptionDisplayNameAndTags() {
        StartedImage started = service.startUpdate(checkedJob("Base-Win2022"));

        assertEquals(StartedImage.created("Base-Win2022-2026-11-10", "Base-Win2022-2026-11-10", 0), started);
        List<RecordedCall> changes = simulator.mutatingCalls();
        assertEquals(1, changes.size());
        JsonNode create = changes.get(0).request();
        assertEquals("CreateUpdatedImage", changes.get(0).operation());
        assertEquals("Base-Win2022", create.get("existingImageName").asText());
        assertEquals("Base-Win2022-2026-11-10", create.get("newImageName").asText());
        assertEquals("Updated from Base-Win2022 on 2026-11-10 by euc-image-updater", create.get("newImageDescription").asText());
        assertEquals("Base Windows Server 2022 (2026-11-10)", create.get("newImageDisplayName").asText());
        assertEquals(pipelineTags("Base-Win2022", EXECUTION), JSON.convertValue(create.get("newImageTags"), Map.class));
        assertFalse(create.get("dryRun").asBoolean());
    }

    @Test
    void aSecondStartOnTheSameDayAdoptsTheImageInsteadOfCreatingAnother() {
        ImageJob job = checkedJob("Base-Win2022");
        service.startUpdate(job);

        StartedImage again = service.startUpdate(inExecution(job, "monthly-2026-11-rerun"));

        assertEquals(StartedImage.adopted("Base-Win2022-2026-11-10", "Base-Win2022-2026-11-10", "monthly-2026-11", 0), again);
        assertEquals(List.of("CreateUpdatedImage"), operationsThatChanged());
    }

    @Test
    void aSameNamedImageNotMadeByThePipelineIsNeverAdoptedNorReplaced() {
        ImageJob job = checkedJob("Taken-Win2022");

        ImageUpdateException refused = assertThrows(ImageUpdateException.class, () -> service.startUpdate(job));

        assertEquals("AppStream image \"Taken-Win2022-2026-11-10\" already exists but was not made by euc-image-updater from"
                + " Taken-Win2022 on 2026-11-10 (rename or delete it, then run again)", refused.getMessage());
        assertEquals(List.of(), simulator.mutatingCalls());
    }

    @Test
    void losingTheCreateRaceToAConcurrentExecutionAdoptsItsImage() {
        ImageJob job = checkedJob("Base-Win2022");
        AppStreamImageService concurrentExecution = new AppStreamImageService(account.appStream());
        ExecutionInterceptor concurrentCreateLandsFirst = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof CreateUpdatedImageRequest create && Boolean.FALSE.equals(create.dryRun())) {
                    concurrentExecution.startUpdate(inExecution(job, "monthly-2026-11-concurrent"));
                }
            }
        };
        AppStreamImageService racing = new AppStreamImageService(account.appStream(concurrentCreateLandsFirst));

        StartedImage started = racing.startUpdate(job);

        assertEquals(StartedImage.adopted("Base-Win2022-2026-11-10", "Base-Win2022-2026-11-10", "monthly-2026-11-concurrent", 0),
                started);
        List<RecordedCall> creates = simulator.mutatingCalls();
        assertEquals(List.of("success", "ResourceAlreadyExistsException"),
                creates.stream().map(call -> call.succeeded() ? "success" : call.errorType()).toList());
        Image image = account.appStream().describeImages(r -> r.names("Base-Win2022-2026-11-10")).images().get(0);
        assertEquals(pipelineTags("Base-Win2022", "monthly-2026-11-concurrent"),
                account.appStream().listTagsForResource(r -> r.resourceArn(image.arn())).tags());
    }

    @Test
    void anUpdateWithdrawnSinceTheCheckFailsTheImageAndCreatesNothing() {
        UpdateCheck earlierCheck = new UpdateCheck(true, "Finance-Win2022",
                "updates available (CreateUpdatedImage dry run: canUpdateImage true)",
                "Finance-Win2022-2026-11-10", "Monthly patch", "Finance (November)", "Finance-Win2022", null);

        ImageUpdateException failed = assertThrows(ImageUpdateException.class,
                () -> service.startUpdate(checked(planned(Service.APPSTREAM, "Finance-Win2022"), earlierCheck)));

        assertEquals("AppStream no longer offers an update for \"Finance-Win2022\" (it did at the check); nothing was created",
                failed.getMessage());
        assertTrue(account.appStream().describeImages(r -> { }).images().stream()
                .noneMatch(image -> image.name().equals("Finance-Win2022-2026-11-10")));
    }

    @Test
    void startingWithoutACheckIsAnInputErrorBeforeAnyAwsCall() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> service.startUpdate(planned(Service.APPSTREAM, "Base-Win2022")));

        assertEquals("check: no update check recorded for Base-Win2022", error.getMessage());
        assertEquals(List.of(), simulator.calls());
    }

    @Test
    void aBuildingImageIsPendingUntilItBecomesAvailable() {
        String newImage = service.startUpdate(checkedJob("Base-Win2022")).newImage();

        List<ImageStatus> polls = List.of(service.describeUpdatedImage(newImage), service.describeUpdatedImage(newImage),
                service.describeUpdatedImage(newImage));

        assertEquals(List.of(ImageStatus.of(ImageState.PENDING, "PENDING", null), ImageStatus.of(ImageState.PENDING, "PENDING", null),
                ImageStatus.of(ImageState.AVAILABLE, "AVAILABLE", null)), polls);
    }

    @Test
    void aFailedBuildCarriesTheStateChangeReasonAndTheImageErrors() {
        String newImage = service.startUpdate(checkedJob("Broken-Win2019")).newImage();

        ImageStatus status = service.describeUpdatedImage(newImage);

        assertEquals(ImageState.FAILED, status.state());
        assertEquals("FAILED", status.serviceState());
        assertEquals("AppStream image is FAILED: IMAGE_UPDATE_FAILURE The image builder ran out of disk space;"
                + " INTERNAL_SERVICE_ERROR The image builder ran out of disk space", status.reason());
    }

    @Test
    void anUpdatedImageThatDisappearedFailsThePoll() {
        ImageUpdateException gone = assertThrows(ImageUpdateException.class,
                () -> service.describeUpdatedImage("Base-Win2022-2026-11-10"));

        assertEquals("the updated AppStream image \"Base-Win2022-2026-11-10\" has disappeared (deleted while it was being built?)",
                gone.getMessage());
    }

    @Test
    void aReachedQuotaWithNothingOfTheRunBuildingFailsTheImageWithTheQuotaHint() {
        ImageJob job = checkedJob("Quota-Win2022");

        ImageUpdateException failed = assertThrows(ImageUpdateException.class, () -> service.startUpdate(job));

        assertEquals("CreateUpdatedImage from \"Quota-Win2022\" to \"Quota-Win2022-2026-11-10\" failed: LimitExceededException:"
                + " The maximum number of images has been reached. (an AppStream quota (images or image builders) is reached:"
                + " delete old images or raise the quota in Service Quotas); no other update of this run is building, so it will"
                + " not free up by itself", failed.getMessage());
        assertEquals(List.of(), operationsThatChanged());
    }

    @Test
    void aReachedQuotaWhileAnotherUpdateOfTheRunBuildsWaitsAPollIntervalThenLongerWithinTheMaximumWait() {
        service.startUpdate(checkedJob("Slow-Win2022"));
        ImageJob job = checkedJob("Quota-Win2022");

        StartedImage first = service.startUpdate(job);
        StartedImage second = service.startUpdate(PlannedJobs.started(job, first));

        assertEquals(List.of(true, 0, 900), List.of(first.waitingForQuota(), first.quotaWaitSeconds(), first.retryInSeconds()));
        assertEquals(List.of(true, 900, 1800), List.of(second.waitingForQuota(), second.quotaWaitSeconds(), second.retryInSeconds()));
        assertTrue(first.quotaReason().contains("LimitExceededException"), first.quotaReason());
        StartedImage nearTheBound = StartedImage.waitingForQuota(480 * 60 - 3600, 3600, first.quotaReason());
        ImageUpdateException failed = assertThrows(ImageUpdateException.class,
                () -> service.startUpdate(PlannedJobs.started(job, nearTheBound)));
        assertTrue(failed.getMessage().endsWith("; still exhausted after waiting 480 min for other updates of this run to finish"
                + " (the maximum wait is 8 h)"), failed.getMessage());
    }

    @Test
    void throttlingOfALookupBeyondTheSdkRetriesIsLeftToTheStateMachineToRetry() {
        RetryableAwsException error = assertThrows(RetryableAwsException.class,
                () -> service.checkForUpdate(planned(Service.APPSTREAM, "Throttled-Win2022")));

        assertEquals("DescribeImages Throttled-Win2022: AWS answered ThrottlingException (Rate exceeded)", error.getMessage());
        assertEquals(SimulatedAccount.SDK_ATTEMPTS, simulator.callsTo("DescribeImages").size(), "the SDK retried first");
    }

    @Test
    void throttlingOfTheCreateBeyondTheSdkRetriesIsLeftToTheStateMachineToRetry() {
        ImageJob job = checkedJob("Busy-Win2022");

        RetryableAwsException error = assertThrows(RetryableAwsException.class, () -> service.startUpdate(job));

        assertTrue(error.getMessage().contains("AWS answered ThrottlingException"), error.getMessage());
        assertEquals(SimulatedAccount.SDK_ATTEMPTS, simulator.mutatingCalls().size(), "the SDK retried first");
        assertEquals(List.of(), operationsThatChanged());
    }

    @ParameterizedTest(name = "AppStream {0} is {1}")
    @CsvSource({"PENDING, PENDING", "CREATING, PENDING", "COPYING, PENDING", "IMPORTING, PENDING", "VALIDATING, PENDING",
            "AVAILABLE, AVAILABLE", "FAILED, FAILED", "DELETING, FAILED"})
    void everyAppStreamImageStateIsNormalisedForTheWaitLoop(String appStreamState, ImageState expected) {
        ImageStatus status = service.describeUpdatedImage("State-" + appStreamState);

        assertEquals(expected, status.state());
        assertEquals(appStreamState, status.serviceState());
    }
}
