package com.eucimageupdater.report;

import com.eucimageupdater.lambda.JsonView;
import com.eucimageupdater.lambda.JsonValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The mail's line on copies and shares, read from an image's raw result as its Record state left it. */
class DistributionDetailsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String details(String raw) throws IOException {
        return ImageResult.from(JsonView.of(JsonValues.parse(raw))).details();
    }

    @Test
    void aReportOnlyRunSaysWhereTheImageWouldBeCopiedAndWithWhomShared() throws IOException {
        assertEquals("           would copy to eu-west-1, ap-southeast-2; would share with 222222222222\n", details("""
                {"service": "APPSTREAM", "image": "Base-Win2022", "outcome": "WOULD_UPDATE", "newImageName": "Base-Win2022-2026-11-10",
                 "item": {"service": "APPSTREAM", "image": "Base-Win2022", "copyToRegions": ["eu-west-1", "ap-southeast-2"],
                          "shareWithAccounts": ["222222222222"]}}"""));
    }

    @Test
    void anUpdatedImageSaysWhereThisRunStartedACopyWithEachWorkSpacesCopysIdAndWithWhomThisRunSharedIt() throws IOException {
        assertEquals("           copy started: eu-west-1 (wsi-c0py00001), ap-southeast-2 (wsi-c0py00002); shared with 222222222222\n",
                details("""
                        {"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "outcome": "UPDATED", "start": {"newImage": "wsi-7k2m9p4q1"},
                         "distributed": {"copies": [{"region": "eu-west-1", "outcome": "COPIED", "image": "wsi-c0py00001"},
                                                    {"region": "ap-southeast-2", "outcome": "COPIED", "image": "wsi-c0py00002"}],
                                         "shares": [{"account": "222222222222", "outcome": "SHARED"}]}}"""));
    }

    @Test
    void anAppStreamCopyKeepsTheNewImagesNameSoOnlyItsRegionIsShown() throws IOException {
        assertEquals("           copy started: eu-west-1\n", details("""
                {"service": "APPSTREAM", "image": "Base-Win2022", "outcome": "UPDATED", "start": {"newImage": "Base-Win2022-2026-11-10"},
                 "distributed": {"copies": [{"region": "eu-west-1", "outcome": "COPIED", "image": "Base-Win2022-2026-11-10"}],
                                 "shares": []}}"""));
    }

    @Test
    void copiesAndSharesFoundMadeAlreadyAreSaidToBeThereAlreadyNotMadeByThisRun() throws IOException {
        assertEquals("           already copied: eu-west-1 (by run monthly-2026-11-first); copy already under way: ap-southeast-2;"
                + " already shared with 222222222222\n",
                details("""
                {"service": "APPSTREAM", "image": "Base-Win2022", "outcome": "UPDATED", "start": {"newImage": "Base-Win2022-2026-11-10"},
                 "distributed": {"copies": [{"region": "eu-west-1", "outcome": "ALREADY_COPIED", "image": "Base-Win2022-2026-11-10",
                                             "copiedBy": "monthly-2026-11-first", "state": "AVAILABLE"},
                                            {"region": "ap-southeast-2", "outcome": "ALREADY_COPIED", "image": "Base-Win2022-2026-11-10",
                                             "state": "PENDING"}],
                                 "shares": [{"account": "222222222222", "outcome": "ALREADY_SHARED"}]}}"""));
    }

    @Test
    void aConflictIsItsOwnLineSayingNothingWasCopiedThereAndCountsAsAFailureOfTheRun() throws IOException {
        String raw = """
                {"service": "APPSTREAM", "image": "Base-Win2022", "outcome": "UPDATED", "start": {"newImage": "Base-Win2022-2026-11-10"},
                 "distributed": {"copies": [{"region": "eu-west-1", "outcome": "CONFLICT", "image": "Base-Win2022-2026-11-10",
                                             "conflict": "AppStream image \\"Base-Win2022-2026-11-10\\" is already in eu-west-1 and ..."}],
                                 "shares": [{"account": "222222222222", "outcome": "SHARED"}]}}""";

        assertEquals("           shared with 222222222222\n"
                + "           CONFLICT, not copied to eu-west-1: AppStream image \"Base-Win2022-2026-11-10\" is already in eu-west-1"
                + " and ...\n",
                details(raw));
        assertEquals(1, ImageResult.from(JsonView.of(JsonValues.parse(raw))).copyConflicts());
    }

    @Test
    void nothingToDistributeAddsNoLine() throws IOException {
        assertNull(details("""
                {"service": "APPSTREAM", "image": "Base-Win2022", "outcome": "UPDATED", "start": {"newImage": "Base-Win2022-2026-11-10"},
                 "distributed": {"copies": [], "shares": []}}"""));
    }
}
