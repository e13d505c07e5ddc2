package com.eucimageupdater.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eucimageupdater.model.ImageState;
import com.eucimageupdater.model.ImageUpdateException;
import com.eucimageupdater.model.PipelineTags;
import com.eucimageupdater.model.Service;

import com.eucimageupdater.distribute.Distribution.Copy;
import com.eucimageupdater.distribute.Distribution.CopyOutcome;
import com.eucimageupdater.distribute.Distribution.Share;
import com.eucimageupdater.distribute.Distribution.ShareOutcome;
import com.eucimageupdater.simulator.RecordedCall;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.workspaces.model.ImagePermission;
import software.amazon.awssdk.services.workspaces.model.Tag;
import software.amazon.awssdk.services.workspaces.model.WorkspaceImage;

/** Copying a new WorkSpaces image to another Region and sharing it, through the real SDK against simulated Regions. */
class WorkSpacesDistributionTest {
    private static final String NEW_IMAGE = "wsi-7k2m9p4q1";
    private static final String NAME = "ws-win10-base-2026-11-10";
    private static final String DESCRIPTION = "Updated from wsi-0a1b2c3d4 on 2026-11-10 by euc-image-updater";
    /** The new image's tags, less the roll-out's record of what a staging bundle used before (it stays at home), plus its origin. */
    private static final Map<String, String> COPY_TAGS = Map.of("team", "euc", PipelineTags.SOURCE_IMAGE, "wsi-0a1b2c3d4",
            PipelineTags.RUN_DATE, "2026-11-10", PipelineTags.EXECUTION, "monthly-2026-11", PipelineTags.LINEAGE, "wsi-0a1b2c3d4",
            PipelineTags.COPIED_FROM, "123456789012/us-east-1/wsi-7k2m9p4q1");
    private static final String HOME = """
            "workspaces": { "images": [
                { "id": "wsi-7k2m9p4q1", "name": "ws-win10-base-2026-11-10",
                  "description": "Updated from wsi-0a1b2c3d4 on 2026-11-10 by euc-image-updater",
                  "tags": { "team": "euc", "euc-image-updater:source-image": "wsi-0a1b2c3d4", "euc-image-updater:run-date": "2026-11-10",
                            "euc-image-updater:execution": "monthly-2026-11", "euc-image-updater:lineage": "wsi-0a1b2c3d4",
                            "euc-image-updater:was:wsb-staging01": "wsi-0a1b2c3d4" } },
                { "id": "wsi-1pending01", "name": "ws-win10-pending-2026-11-10", "state": "PENDING" } ] }""";

    private TwoRegions regions;

    @AfterEach
    void everyRequestMetTheApiModel() {
        try {
            assertEquals(List.of(), regions.modelViolations());
        } finally {
            regions.close();
        }
    }

    private void start(String destinationImages) {
        regions = TwoRegions.start(HOME, "\"workspaces\": { \"images\": [" + destinationImages + "] }");
    }

    private Copy copy() {
        return service(TwoRegions.HOME).copyToRegion(PlannedJobs.distributing(Service.WORKSPACES, "wsi-0a1b2c3d4", NEW_IMAGE, NAME,
                PlannedJobs.EXECUTION), TwoRegions.DESTINATION, service(TwoRegions.DESTINATION));
    }

    private WorkSpacesImageService service(String region) {
        return new WorkSpacesImageService(regions.workSpaces(region));
    }

    private WorkspaceImage inDestination(String imageId) {
        return regions.workSpaces(TwoRegions.DESTINATION).describeWorkspaceImages(r -> r.imageIds(imageId)).images().get(0);
    }

    private Map<String, String> tagsInDestination(String imageId) {
        return regions.workSpaces(TwoRegions.DESTINATION).describeTags(r -> r.resourceId(imageId)).tagList().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value));
    }

    private List<RecordedCall> copiesMade() {
        return regions.callsIn(TwoRegions.DESTINATION, "CopyWorkspaceImage").stream().filter(RecordedCall::succeeded).toList();
    }

    @Test
    void theCopyIsMadeInTheDestinationFromTheHomeRegionWithTheNewImagesNameDescriptionAndTagsAsThisPipelinesCopy() {
        start("");

        Copy copy = copy();

        assertEquals(CopyOutcome.COPIED, copy.outcome());
        assertNotEquals(NEW_IMAGE, copy.image());
        assertEquals(NAME, inDestination(copy.image()).name());
        assertEquals(DESCRIPTION, inDestination(copy.image()).description());
        assertEquals(COPY_TAGS, tagsInDestination(copy.image()));
        RecordedCall request = copiesMade().get(0);
        assertEquals(NEW_IMAGE, request.request().get("SourceImageId").asText());
        assertEquals(TwoRegions.HOME, request.request().get("SourceRegion").asText());
        assertEquals(List.of(), regions.changesIn(TwoRegions.HOME));
    }

    @Test
    void aRetriedCopyIsReportedAsThereAlreadyByThisRunNotMadeTwice() {
        start("");

        Copy first = copy();

        assertEquals(new Copy(TwoRegions.DESTINATION, CopyOutcome.ALREADY_COPIED, first.image(), PlannedJobs.EXECUTION,
                ImageState.AVAILABLE, null), copy());
        assertEquals(1, copiesMade().size());
    }

    @Test
    void aCopyTheListingDidNotShowYetIsTakenAsThereAlreadyWhenTheCopyIsRefusedForItsName() {
        start("""
                { "id": "wsi-c0py00001", "name": "ws-win10-base-2026-11-10", "hiddenForDescribes": 1,
                  "tags": { "euc-image-updater:execution": "monthly-2026-11-first",
                            "euc-image-updater:copied-from": "123456789012/us-east-1/wsi-7k2m9p4q1" } }""");

        assertEquals(new Copy(TwoRegions.DESTINATION, CopyOutcome.ALREADY_COPIED, "wsi-c0py00001", "monthly-2026-11-first",
                ImageState.AVAILABLE, null), copy());

        assertEquals(List.of(), copiesMade());
        assertEquals(1, regions.callsIn(TwoRegions.DESTINATION, "CopyWorkspaceImage").size());
    }

    @Test
    void anImageTheDestinationBuiltItselfUnderTheNameIsAConflictLeftUntouched() {
        start("""
                { "id": "wsi-bu1ltthere", "name": "ws-win10-base-2026-11-10",
                  "tags": { "euc-image-updater:source-image": "wsi-0a1b2c3d4", "euc-image-updater:run-date": "2026-11-10",
                            "euc-image-updater:execution": "monthly-2026-11" } }""");

        assertEquals(new Copy(TwoRegions.DESTINATION, CopyOutcome.CONFLICT, "wsi-bu1ltthere", null, null, "WorkSpaces image"
                + " \"ws-win10-base-2026-11-10\" (wsi-bu1ltthere) is already in eu-west-1 and was built there by euc-image-updater from"
                + " wsi-0a1b2c3d4 in run monthly-2026-11, not copied from this image; it was left as it is: rename or delete it there, or"
                + " remove eu-west-1 from copyToRegions, then run again"), copy());
        assertEquals(List.of(), regions.changesIn(TwoRegions.DESTINATION));
    }

    @Test
    void anImageOfSomeoneElseUnderTheNameIsAConflictLeftUntouched() {
        start("""
                { "id": "wsi-byhand0001", "name": "ws-win10-base-2026-11-10", "tags": { "owner": "someone else" } }""");

        Copy conflict = copy();

        assertEquals(CopyOutcome.CONFLICT, conflict.outcome());
        assertEquals(true, conflict.conflict().contains("(wsi-byhand0001) is already in eu-west-1 and was not copied there by"
                + " euc-image-updater"), conflict.conflict());
        assertEquals(List.of(), regions.changesIn(TwoRegions.DESTINATION));
    }

    @Test
    void sharingLetsTheAccountCopyTheImageAndAShareThereAlreadyIsNotMadeAgain() {
        start("");
        WorkSpacesImageService service = service(TwoRegions.HOME);

        assertEquals(List.of(new Share("222222222222", ShareOutcome.SHARED)), service.shareWith(NEW_IMAGE, List.of("222222222222")));
        assertEquals(List.of(new Share("222222222222", ShareOutcome.ALREADY_SHARED)),
                service.shareWith(NEW_IMAGE, List.of("222222222222")));

        assertEquals(List.of("222222222222"), regions.workSpaces(TwoRegions.HOME).describeWorkspaceImagePermissions(r -> r.imageId(NEW_IMAGE))
                .imagePermissions().stream().map(ImagePermission::sharedAccountId).toList());
        List<RecordedCall> updates = regions.callsIn(TwoRegions.HOME, "UpdateWorkspaceImagePermission");
        assertEquals(1, updates.size());
        assertEquals(true, updates.get(0).request().get("AllowCopyImage").asBoolean());
    }

    @Test
    void aShareWorkSpacesRefusesFailsNamingTheAccount() {
        start("");

        ImageUpdateException e = assertThrows(ImageUpdateException.class,
                () -> service(TwoRegions.HOME).shareWith("wsi-1pending01", List.of("222222222222")));

        assertEquals("UpdateWorkspaceImagePermission sharing wsi-1pending01 with account 222222222222 failed:"
                + " ResourceUnavailableException: The image wsi-1pending01 is PENDING; only AVAILABLE images can be shared."
                + " (see the service's message)", e.getMessage());
    }
}
