package com.eucimageupdater.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eucimageupdater.model.ImageState;
import com.eucimageupdater.model.ImageUpdateException;
import com.eucimageupdater.model.PipelineTags;
import com.eucimageupdater.model.RetryableAwsException;
import com.eucimageupdater.model.Service;

import com.eucimageupdater.distribute.Distribution.Copy;
import com.eucimageupdater.distribute.Distribution.CopyOutcome;
import com.eucimageupdater.distribute.Distribution.Share;
import com.eucimageupdater.distribute.Distribution.ShareOutcome;
import com.eucimageupdater.simulator.RecordedCall;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.appstream.model.SharedImagePermissions;

/** Copying a new AppStream image to another Region and sharing it, through the real SDK against simulated Regions. */
class AppStreamDistributionTest {
    private static final String NEW_IMAGE = "Base-Win2022-2026-11-10";
    private static final String DESCRIPTION = "Updated from Base-Win2022 on 2026-11-10 by euc-image-updater";
    private static final String COPY_ARN = "arn:aws:appstream:eu-west-1:123456789012:image/" + NEW_IMAGE;
    private static final String COPIED_FROM = "123456789012/us-east-1/" + NEW_IMAGE;
    /**
     * The new image's tags, less the roll-out's record of what a staging fleet ran before (it stays at home) and the build
     * minutes (the copy was not built), plus where it was copied from.
     */
    private static final Map<String, String> COPY_TAGS = Map.of("team", "euc", PipelineTags.SOURCE_IMAGE, "Base-Win2022",
            PipelineTags.RUN_DATE, "2026-11-10", PipelineTags.EXECUTION, "monthly-2026-11", PipelineTags.LINEAGE, "Base-Win2022",
            PipelineTags.COPIED_FROM, COPIED_FROM);
    private static final String HOME = """
            "appstream": { "images": [
                { "name": "Base-Win2022-2026-11-10", "description": "Updated from Base-Win2022 on 2026-11-10 by euc-image-updater",
                  "tags": { "team": "euc", "euc-image-updater:source-image": "Base-Win2022", "euc-image-updater:run-date": "2026-11-10",
                            "euc-image-updater:execution": "monthly-2026-11", "euc-image-updater:lineage": "Base-Win2022",
                            "euc-image-updater:build-minutes": "42", "euc-image-updater:was:Base-Test": "Base-Win2022-2026-10-13" } },
                { "name": "Pending-Win2022-2026-11-10", "state": "PENDING" } ] }""";
    /** A copy an earlier attempt or a concurrent run made and did not tag yet, which the destination's describes do not show yet. */
    private static final String UNSEEN_COPY = """
            { "name": "Base-Win2022-2026-11-10", "description": "Updated from Base-Win2022 on 2026-11-10 by euc-image-updater",
              "hiddenForDescribes": %d }""";
    /** The image the destination built itself from its own Base-Win2022 in the same run: same name, source and run date. */
    private static final String BUILT_THERE = """
            { "name": "Base-Win2022-2026-11-10", "description": "Updated from Base-Win2022 on 2026-11-10 by euc-image-updater",
              "tags": { "euc-image-updater:source-image": "Base-Win2022", "euc-image-updater:run-date": "2026-11-10",
                        "euc-image-updater:execution": "monthly-2026-11", "euc-image-updater:lineage": "Base-Win2022" } }""";

    private TwoRegions regions;

    /** An image in the destination tagged as a copy that {@code execution} made of the image at {@code copiedFrom}. */
    private static String copyTagged(String execution, String copiedFrom) {
        return """
                { "name": "Base-Win2022-2026-11-10",
                  "tags": { "euc-image-updater:source-image": "Base-Win2022", "euc-image-updater:run-date": "2026-11-10",
                            "euc-image-updater:execution": "%s", "euc-image-updater:copied-from": "%s" } }"""
                .formatted(execution, copiedFrom);
    }

    @AfterEach
    void everyRequestMetTheApiModel() {
        try {
            assertEquals(List.of(), regions.modelViolations());
        } finally {
            regions.close();
        }
    }

    private Copy copy(String destinationImages) {
        return copyIn("monthly-2026-11", destinationImages);
    }

    private Copy copyIn(String executionName, String destinationImages) {
        regions = TwoRegions.start(HOME, "\"appstream\": { \"images\": [" + destinationImages + "] }");
        return service(TwoRegions.HOME).copyToRegion(PlannedJobs.distributing(Service.APPSTREAM, "Base-Win2022", NEW_IMAGE, NEW_IMAGE,
                executionName), TwoRegions.DESTINATION, service(TwoRegions.DESTINATION));
    }

    private AppStreamImageService service(String region) {
        return new AppStreamImageService(regions.appStream(region));
    }

    private Map<String, String> tagsInDestination() {
        return regions.appStream(TwoRegions.DESTINATION).listTagsForResource(r -> r.resourceArn(COPY_ARN)).tags();
    }

    private static Copy copied() {
        return new Copy(TwoRegions.DESTINATION, CopyOutcome.COPIED, NEW_IMAGE, null, null, null);
    }

    @Test
    void theCopyIsMadeFromTheHomeRegionUnderTheSameNameAndDescriptionAndTaggedAsThisPipelinesCopyInTheDestination() {
        assertEquals(copied(), copy(""));

        RecordedCall copyImage = regions.callsIn(TwoRegions.HOME, "CopyImage").get(0);
        assertEquals(NEW_IMAGE, copyImage.request().get("SourceImageName").asText());
        assertEquals(NEW_IMAGE, copyImage.request().get("DestinationImageName").asText());
        assertEquals(TwoRegions.DESTINATION, copyImage.request().get("DestinationRegion").asText());
        assertEquals(DESCRIPTION, regions.appStream(TwoRegions.DESTINATION).describeImages(r -> r.names(NEW_IMAGE)).images().get(0)
                .description());
        assertEquals(COPY_TAGS, tagsInDestination());
        assertEquals(List.of("CopyImage"), regions.changesIn(TwoRegions.HOME));
        assertEquals(List.of("TagResource"), regions.changesIn(TwoRegions.DESTINATION));
    }

    @Test
    void theCopyNamesTheExecutionThatCopiedItNotTheOneThatBuiltTheImage() {
        copyIn("rerun-2026-11", "");

        assertEquals("rerun-2026-11", tagsInDestination().get(PipelineTags.EXECUTION));
    }

    @Test
    void aCopyAnEarlierAttemptMadeButDidNotTagIsTaggedWithoutCopyingAgainAndReportedAsThereAlready() {
        assertEquals(new Copy(TwoRegions.DESTINATION, CopyOutcome.ALREADY_COPIED, NEW_IMAGE, null, ImageState.AVAILABLE, null),
                copy(UNSEEN_COPY.formatted(0)));

        assertEquals(List.of(), regions.callsIn(TwoRegions.HOME, "CopyImage"));
        assertEquals(COPY_TAGS, tagsInDestination());
    }

    @Test
    void aCopyOfThisImageThatAnEarlierRunMadeIsReportedAsThereAlreadyWithThatRunAndLeftAsItIs() {
        assertEquals(new Copy(TwoRegions.DESTINATION, CopyOutcome.ALREADY_COPIED, NEW_IMAGE, "monthly-2026-11-first",
                ImageState.AVAILABLE, null),
                copy(copyTagged("monthly-2026-11-first", COPIED_FROM)));

        assertEquals(List.of(), regions.changesIn(TwoRegions.HOME));
        assertEquals(List.of(), regions.changesIn(TwoRegions.DESTINATION));
    }

    @Test
    void aCopyRefusedForItsNameIsTakenAsThereAlreadyOnceTheDestinationDescribesIt() {
        assertEquals(CopyOutcome.ALREADY_COPIED, copy(UNSEEN_COPY.formatted(1)).outcome());

        assertEquals(List.of("ResourceAlreadyExistsException"), regions.callsIn(TwoRegions.HOME, "CopyImage").stream()
                .map(RecordedCall::errorType).toList());
        assertEquals(COPY_TAGS, tagsInDestination());
    }

    @Test
    void aCopyTheDestinationDoesNotDescribeYetIsTriedAgainLater() {
        RetryableAwsException e = assertThrows(RetryableAwsException.class, () -> copy(UNSEEN_COPY.formatted(2)));

        assertEquals("AppStream image \"Base-Win2022-2026-11-10\" in eu-west-1 already exists but cannot be described yet (just created"
                + " by a concurrent run?); trying again to adopt it or to tell why not", e.getMessage());
    }

    @Test
    void anImageTheDestinationBuiltItselfUnderTheSameNameSourceAndRunDateIsAConflictLeftUntouchedNotACopy() {
        Copy conflict = copy(BUILT_THERE);

        assertEquals(new Copy(TwoRegions.DESTINATION, CopyOutcome.CONFLICT, NEW_IMAGE, null, null, "AppStream image"
                + " \"Base-Win2022-2026-11-10\" is already in eu-west-1 and was built there by euc-image-updater from Base-Win2022 in run"
                + " monthly-2026-11, not copied from this image; it was left as it is: rename or delete it there, or remove eu-west-1 from"
                + " copyToRegions, then run again"), conflict);
        assertEquals(List.of(), regions.changesIn(TwoRegions.HOME));
        assertEquals(List.of(), regions.changesIn(TwoRegions.DESTINATION));
    }

    @Test
    void anImageOfSomeoneElseUnderTheNameIsAConflictLeftUntouched() {
        Copy conflict = copy("""
                { "name": "Base-Win2022-2026-11-10", "description": "made by hand", "tags": { "owner": "someone else" } }""");

        assertEquals(CopyOutcome.CONFLICT, conflict.outcome());
        assertEquals("AppStream image \"Base-Win2022-2026-11-10\" is already in eu-west-1 and was not copied there by euc-image-updater;"
                + " it was left as it is: rename or delete it there, or remove eu-west-1 from copyToRegions, then run again",
                conflict.conflict());
        assertEquals(List.of(), regions.changesIn(TwoRegions.DESTINATION));
    }

    @Test
    void aCopyOfAnotherImageUnderTheNameIsAConflictNamingWhereThatOneCameFrom() {
        Copy conflict = copy(copyTagged("monthly-2026-11", "123456789012/ap-southeast-2/" + NEW_IMAGE));

        assertEquals(CopyOutcome.CONFLICT, conflict.outcome());
        assertEquals(true, conflict.conflict().contains("is euc-image-updater's copy of 123456789012/ap-southeast-2/" + NEW_IMAGE
                + ", not of this image"), conflict.conflict());
    }

    @Test
    void aCopyThatFailedInTheDestinationFailsTheCopyNamingTheRegion() {
        ImageUpdateException e = assertThrows(ImageUpdateException.class, () -> copy("""
                { "name": "Base-Win2022-2026-11-10", "state": "FAILED",
                  "tags": { "euc-image-updater:copied-from": "123456789012/us-east-1/Base-Win2022-2026-11-10" } }"""));

        assertEquals("the copy of AppStream image \"Base-Win2022-2026-11-10\" in eu-west-1 failed (AppStream image is FAILED); delete it"
                + " there and run again", e.getMessage());
    }

    @Test
    void sharingLetsTheAccountUseTheImageInFleetsAndImageBuildersAndAShareThereAlreadyIsNotMadeAgain() {
        regions = TwoRegions.start(HOME, "\"appstream\": {}");
        AppStreamImageService service = service(TwoRegions.HOME);

        assertEquals(List.of(new Share("222222222222", ShareOutcome.SHARED)), service.shareWith(NEW_IMAGE, List.of("222222222222")));
        assertEquals(List.of(new Share("222222222222", ShareOutcome.ALREADY_SHARED)),
                service.shareWith(NEW_IMAGE, List.of("222222222222")));

        List<SharedImagePermissions> shared = regions.appStream(TwoRegions.HOME).describeImagePermissions(r -> r.name(NEW_IMAGE))
                .sharedImagePermissionsList();
        assertEquals(List.of("222222222222"), shared.stream().map(SharedImagePermissions::sharedAccountId).toList());
        assertEquals(true, shared.get(0).imagePermissions().allowFleet());
        assertEquals(true, shared.get(0).imagePermissions().allowImageBuilder());
        assertEquals(1, regions.callsIn(TwoRegions.HOME, "UpdateImagePermissions").size());
    }

    @Test
    void anAccountSharedWithForFleetsOnlyIsSharedAgainWithImageBuildersToo() {
        regions = TwoRegions.start(HOME, "\"appstream\": {}");
        regions.appStream(TwoRegions.HOME).updateImagePermissions(r -> r.name(NEW_IMAGE).sharedAccountId("222222222222")
                .imagePermissions(p -> p.allowFleet(true).allowImageBuilder(false)));

        assertEquals(List.of(new Share("222222222222", ShareOutcome.SHARED)), service(TwoRegions.HOME).shareWith(NEW_IMAGE,
                List.of("222222222222")));
        assertEquals(true, regions.appStream(TwoRegions.HOME).describeImagePermissions(r -> r.name(NEW_IMAGE)).sharedImagePermissionsList()
                .get(0).imagePermissions().allowImageBuilder());
    }

    @Test
    void aShareAppStreamRefusesFailsNamingTheAccount() {
        regions = TwoRegions.start(HOME, "\"appstream\": {}");

        ImageUpdateException e = assertThrows(ImageUpdateException.class,
                () -> service(TwoRegions.HOME).shareWith("Pending-Win2022-2026-11-10", List.of("222222222222")));

        assertEquals("UpdateImagePermissions sharing \"Pending-Win2022-2026-11-10\" with account 222222222222 failed:"
                + " ResourceNotAvailableException: The image Pending-Win2022-2026-11-10 is PENDING; only AVAILABLE images can be shared."
                + " (see the service's message)", e.getMessage());
    }
}
