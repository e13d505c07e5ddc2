package com.eucimageupdater.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    /** The new image's tags, but the roll-out's record of what a staging fleet ran before, which stays at home. */
    private static final Map<String, String> COPY_TAGS = Map.of("team", "euc", PipelineTags.SOURCE_IMAGE, "Base-Win2022",
            PipelineTags.RUN_DATE, "2026-11-10", PipelineTags.EXECUTION, "monthly-2026-11", PipelineTags.LINEAGE, "Base-Win2022",
            PipelineTags.BUILD_MINUTES, "42");
    private static final String HOME = """
            "appstream": { "images": [
                { "name": "Base-Win2022-2026-11-10", "description": "Updated from Base-Win2022 on 2026-11-10 by euc-image-updater",
                  "tags": { "team": "euc", "euc-image-updater:source-image": "Base-Win2022", "euc-image-updater:run-date": "2026-11-10",
                            "euc-image-updater:execution": "monthly-2026-11", "euc-image-updater:lineage": "Base-Win2022",
                            "euc-image-updater:build-minutes": "42", "euc-image-updater:was:Base-Test": "Base-Win2022-2026-10-13" } },
                { "name": "Pending-Win2022-2026-11-10", "state": "PENDING" } ] }""";
    /** A copy an earlier attempt or a concurrent run made, which the destination's describes do not show yet. */
    private static final String UNSEEN_COPY = """
            { "name": "Base-Win2022-2026-11-10", "description": "Updated from Base-Win2022 on 2026-11-10 by euc-image-updater",
              "hiddenForDescribes": %d }""";

    private TwoRegions regions;

    @AfterEach
    void everyRequestMetTheApiModel() {
        try {
            assertEquals(List.of(), regions.modelViolations());
        } finally {
            regions.close();
        }
    }

    private String copy(String destinationImages) {
        regions = TwoRegions.start(HOME, "\"appstream\": { \"images\": [" + destinationImages + "] }");
        return service(TwoRegions.HOME).copyToRegion(NEW_IMAGE, TwoRegions.DESTINATION, service(TwoRegions.DESTINATION));
    }

    private AppStreamImageService service(String region) {
        return new AppStreamImageService(regions.appStream(region));
    }

    private Map<String, String> tagsInDestination() {
        return regions.appStream(TwoRegions.DESTINATION).listTagsForResource(r -> r.resourceArn(COPY_ARN)).tags();
    }

    @Test
    void theCopyIsMadeFromTheHomeRegionUnderTheSameNameAndDescriptionAndTaggedInTheDestination() {
        assertEquals(NEW_IMAGE, copy(""));

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
    void aCopyAnEarlierAttemptMadeButDidNotTagIsAdoptedAndTaggedWithoutCopyingAgain() {
        assertEquals(NEW_IMAGE, copy("""
                { "name": "Base-Win2022-2026-11-10", "description": "Updated from Base-Win2022 on 2026-11-10 by euc-image-updater" }"""));

        assertEquals(List.of(), regions.callsIn(TwoRegions.HOME, "CopyImage"));
        assertEquals(COPY_TAGS, tagsInDestination());
    }

    @Test
    void aCopyAnEarlierAttemptFinishedIsAdoptedAndItsTagsWrittenAgain() {
        assertEquals(NEW_IMAGE, copy("""
                { "name": "Base-Win2022-2026-11-10", "description": "a description changed since",
                  "tags": { "euc-image-updater:source-image": "Base-Win2022", "euc-image-updater:run-date": "2026-11-10" } }"""));

        assertEquals(List.of(), regions.callsIn(TwoRegions.HOME, "CopyImage"));
        assertEquals(COPY_TAGS, tagsInDestination());
    }

    @Test
    void aCopyRefusedForItsNameIsAdoptedOnceTheDestinationDescribesIt() {
        assertEquals(NEW_IMAGE, copy(UNSEEN_COPY.formatted(1)));

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
    void anImageOfSomeoneElseUnderTheNameInTheDestinationFailsTheCopyNamingTheRegion() {
        ImageUpdateException e = assertThrows(ImageUpdateException.class, () -> copy("""
                { "name": "Base-Win2022-2026-11-10", "description": "made by hand", "tags": { "owner": "someone else" } }"""));

        assertEquals("AppStream image \"Base-Win2022-2026-11-10\" already exists in eu-west-1 but is not euc-image-updater's copy of it"
                + " (rename or delete the one in eu-west-1, or remove eu-west-1 from copyToRegions)", e.getMessage());
        assertEquals(List.of(), regions.changesIn(TwoRegions.HOME));
        assertEquals(List.of(), regions.changesIn(TwoRegions.DESTINATION));
    }

    @Test
    void aCopyThatFailedInTheDestinationFailsTheCopyNamingTheRegion() {
        ImageUpdateException e = assertThrows(ImageUpdateException.class, () -> copy("""
                { "name": "Base-Win2022-2026-11-10", "state": "FAILED",
                  "tags": { "euc-image-updater:source-image": "Base-Win2022", "euc-image-updater:run-date": "2026-11-10" } }"""));

        assertEquals("the copy of AppStream image \"Base-Win2022-2026-11-10\" in eu-west-1 failed (AppStream image is FAILED); delete it"
                + " there and run again", e.getMessage());
    }

    @Test
    void sharingLetsTheAccountUseTheImageInFleetsAndImageBuildersAndSharingAgainChangesNothing() {
        regions = TwoRegions.start(HOME, "\"appstream\": {}");
        AppStreamImageService service = service(TwoRegions.HOME);

        service.shareWith(NEW_IMAGE, "222222222222");
        service.shareWith(NEW_IMAGE, "222222222222");

        List<SharedImagePermissions> shared = regions.appStream(TwoRegions.HOME).describeImagePermissions(r -> r.name(NEW_IMAGE))
                .sharedImagePermissionsList();
        assertEquals(List.of("222222222222"), shared.stream().map(SharedImagePermissions::sharedAccountId).toList());
        assertEquals(true, shared.get(0).imagePermissions().allowFleet());
        assertEquals(true, shared.get(0).imagePermissions().allowImageBuilder());
    }

    @Test
    void aShareAppStreamRefusesFailsNamingTheAccount() {
        regions = TwoRegions.start(HOME, "\"appstream\": {}");

        ImageUpdateException e = assertThrows(ImageUpdateException.class,
                () -> service(TwoRegions.HOME).shareWith("Pending-Win2022-2026-11-10", "222222222222"));

        assertEquals("UpdateImagePermissions sharing \"Pending-Win2022-2026-11-10\" with account 222222222222 failed:"
                + " ResourceNotAvailableException: The image Pending-Win2022-2026-11-10 is PENDING; only AVAILABLE images can be shared."
                + " (see the service's message)", e.getMessage());
    }
}
