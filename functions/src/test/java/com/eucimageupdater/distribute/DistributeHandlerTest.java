package com.eucimageupdater.distribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;

import com.amazonaws.services.lambda.runtime.Context;
import com.eucimageupdater.model.ImageUpdateException;
import com.eucimageupdater.aws.TwoRegions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** The distribute step as the state machine calls it: the image's job in, what was copied and shared out. */
class DistributeHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Context LAMBDA = mock(Context.class, Mockito.RETURNS_MOCKS);
    private static final String HOME = """
            "workspaces": { "images": [
                { "id": "wsi-7k2m9p4q1", "name": "ws-win10-base-2026-11-10",
                  "tags": { "euc-image-updater:source-image": "wsi-0a1b2c3d4", "euc-image-updater:run-date": "2026-11-10" } } ] }""";
    /** The job at DistributeImage: the item, the run, and what the earlier steps put at their ResultPaths. */
    private static final String JOB = """
            {"item": {"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "account": "123456789012", "region": "us-east-1",
                      "copyToRegions": ["eu-west-1"], "shareWithAccounts": ["222222222222", "333333333333"]},
             "run": {"executionName": "monthly-2026-11", "runDate": "2026-11-10", "account": "123456789012", "region": "us-east-1",
                     "pollIntervalSeconds": 900, "maxPolls": 32, "maxWaitMinutes": 480, "maxWaitText": "8 h", "approval": "required",
                     "approvalTimeoutSeconds": 259200, "dryRun": false, "expectedBuildMinutes": 90, "maxConcurrency": 5},
             "check": {"updateAvailable": true, "sourceName": "ws-win10-base", "newImageName": "ws-win10-base-2026-11-10",
                       "lineage": "wsi-0a1b2c3d4"},
             "start": {"newImage": "wsi-7k2m9p4q1", "newImageName": "ws-win10-base-2026-11-10"},
             "poll": {"state": "AVAILABLE", "serviceState": "AVAILABLE", "pollsDone": 2},
             "staged": {"moved": []}}""";

    private TwoRegions regions;

    @AfterEach
    void everyRequestMetTheApiModel() {
        try {
            assertEquals(List.of(), regions.modelViolations());
        } finally {
            regions.close();
        }
    }

    private JsonNode distribute() throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        new DistributeHandler(regions.imageServices()).handleRequest(new ByteArrayInputStream(JOB.getBytes(StandardCharsets.UTF_8)),
                output, LAMBDA);
        return JSON.readTree(output.toByteArray());
    }

    @Test
    void theNewImageIsCopiedToEachListedRegionAndSharedWithEachListedAccountEachSayingThisStepMadeIt() throws IOException {
        regions = TwoRegions.start(HOME, "\"workspaces\": {}");

        JsonNode distributed = distribute();

        String copy = distributed.at("/copies/0/image").asText();
        assertEquals("ws-win10-base-2026-11-10", regions.workSpaces(TwoRegions.DESTINATION).describeWorkspaceImages(r -> r.imageIds(copy))
                .images().get(0).name());
        assertEquals(JSON.readTree("""
                {"copies": [{"region": "eu-west-1", "outcome": "COPIED", "image": "%s"}],
                 "shares": [{"account": "222222222222", "outcome": "SHARED"}, {"account": "333333333333", "outcome": "SHARED"}]}"""
                .formatted(copy)), distributed);
        assertEquals(List.of("222222222222", "333333333333"), regions.workSpaces(TwoRegions.HOME)
                .describeWorkspaceImagePermissions(r -> r.imageId("wsi-7k2m9p4q1")).imagePermissions().stream()
                .map(permission -> permission.sharedAccountId()).toList());
    }

    @Test
    void anImageHoldingTheCopysNameIsReportedAsAConflictAndTheSharesAreStillMade() throws IOException {
        regions = TwoRegions.start(HOME, """
                "workspaces": { "images": [ { "id": "wsi-byhand0001", "name": "ws-win10-base-2026-11-10" } ] }""");

        JsonNode distributed = distribute();

        assertEquals("CONFLICT", distributed.at("/copies/0/outcome").asText());
        assertEquals("wsi-byhand0001", distributed.at("/copies/0/image").asText());
        assertEquals("WorkSpaces image \"ws-win10-base-2026-11-10\" (wsi-byhand0001) is already in eu-west-1 and was not copied there by"
                + " euc-image-updater; it was left as it is: rename or delete it there, or remove eu-west-1 from copyToRegions, then run"
                + " again", distributed.at("/copies/0/conflict").asText());
        assertEquals(List.of(), regions.changesIn(TwoRegions.DESTINATION));
        assertEquals(List.of("UpdateWorkspaceImagePermission", "UpdateWorkspaceImagePermission"), regions.changesIn(TwoRegions.HOME));
    }

    @Test
    void aCopyThatFailedThereFailsTheStepNamingTheRegionBeforeAnythingIsShared() {
        regions = TwoRegions.start(HOME, """
                "workspaces": { "images": [ { "id": "wsi-c0py00001", "name": "ws-win10-base-2026-11-10", "state": "ERROR",
                  "tags": { "euc-image-updater:copied-from": "123456789012/us-east-1/wsi-7k2m9p4q1" } } ] }""");

        ImageUpdateException e = assertThrows(ImageUpdateException.class, this::distribute);

        assertEquals("the copy of WorkSpaces image \"ws-win10-base-2026-11-10\" (wsi-c0py00001) in eu-west-1 failed (WorkSpaces image is"
                + " ERROR); delete it there and run again", e.getMessage());
        assertEquals(List.of(), regions.changesIn(TwoRegions.HOME));
    }
}
