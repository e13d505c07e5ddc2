package com.eucimageupdater.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    /** The new image's tags, but the roll-out's record of what a staging bundle used before, which stays at home. */
    private static final Map<String, String> COPY_TAGS = Map.of("team", "euc", PipelineTags.SOURCE_IMAGE, "wsi-0a1b2c3d4",
            PipelineTags.RUN_DATE, "2026-11-10", PipelineTags.EXECUTION, "monthly-2026-11", PipelineTags.LINEAGE, "wsi-0a1b2c3d4");
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

    private String copy() {
        return service(TwoRegions.HOME).copyToRegion(NEW_IMAGE, TwoRegions.DESTINATION, service(TwoRegions.DESTINATION));
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
    void theCopyIsMadeInTheDestinationFromTheHomeRegionWithTheNewImagesNameDescriptionAndTags() {
        start("");

        String copy = copy();

        assertNotEquals(NEW_IMAGE, copy);
        assertEquals(NAME, inDestination(copy).name());
        assertEquals(DESCRIPTION, inDestination(copy).description());
        assertEquals(COPY_TAGS, tagsInDestination(copy));
        RecordedCall request = copiesMade().get(0);
        assertEquals(NEW_IMAGE, request.request().get("SourceImageId").asText());
        assertEquals(TwoRegions.HOME, request.request().get("SourceRegion").asText());
        assertEquals(List.of(), regions.changesIn(TwoRegions.HOME));
    }

    @Test
    void aRetriedCopyIsAdoptedNotMadeTwice() {
        start("");

        String first = copy();

        assertEquals(first, copy());
        assertEquals(1, copiesMade().size());
    }

    @Test
    void aCopyTheListingDidNotShowYetIsAdoptedWhenTheCopyIsRefusedForItsName() {
        start("""
                { "id": "wsi-c0py00001", "name": "ws-win10-base-2026-11-10", "hiddenForDescribes": 1,
                  "tags": { "euc-image-updater:source-image": "wsi-0a1b2c3d4", "euc-image-updater:run-date": "2026-11-10" } }""");

        assertEquals("wsi-c0py00001", copy());

        assertEquals(List.of(), copiesMade());
        assertEquals(1, regions.callsIn(TwoRegions.DESTINATION, "CopyWorkspaceImage").size());
    }

    @Test
    void anImageOfSomeoneElseUnderTheNameInTheDestinationFailsTheCopyNamingTheRegion() {
        start("""
                { "id": "wsi-byhand0001", "name": "ws-win10-base-2026-11-10", "tags": { "owner": "someone else" } }""");

        ImageUpdateException e = assertThrows(ImageUpdateException.class, this::copy);

        assertEquals("WorkSpaces image \"ws-win10-base-2026-11-10\" already exists in eu-west-1 but is not euc-image-updater's copy of"
                + " it (rename or delete the one in eu-west-1, or remove eu-west-1 from copyToRegions)", e.getMessage());
        assertEquals(List.of(), regions.changesIn(TwoRegions.DESTINATION));
    }

    @Test
    void sharingLetsTheAccountCopyTheImageAndSharingAgainChangesNothing() {
        start("");
        WorkSpacesImageService service = service(TwoRegions.HOME);

        service.shareWith(NEW_IMAGE, "222222222222");
        service.shareWith(NEW_IMAGE, "222222222222");

        assertEquals(List.of("222222222222"), regions.workSpaces(TwoRegions.HOME).describeWorkspaceImagePermissions(r -> r.imageId(NEW_IMAGE))
                .imagePermissions().stream().map(ImagePermission::sharedAccountId).toList());
        assertEquals(true, regions.callsIn(TwoRegions.HOME, "UpdateWorkspaceImagePermission").get(0).request()
                .get("AllowCopyImage").asBoolean());
    }

    @Test
    void aShareWorkSpacesRefusesFailsNamingTheAccount() {
        start("");

        ImageUpdateException e = assertThrows(ImageUpdateException.class,
                () -> service(TwoRegions.HOME).shareWith("wsi-1pending01", "222222222222"));

        assertEquals("UpdateWorkspaceImagePermission sharing wsi-1pending01 with account 222222222222 failed:"
                + " ResourceUnavailableException: The image wsi-1pending01 is PENDING; only AVAILABLE images can be shared."
                + " (see the service's message)", e.getMessage());
    }
}
