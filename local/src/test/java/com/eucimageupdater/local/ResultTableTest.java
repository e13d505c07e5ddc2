package com.eucimageupdater.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table at the end of a local run. */
class ResultTableTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> table(String results) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultTable.print(JSON.readTree(results), new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).lines().map(String::stripTrailing).toList();
    }

    @Test
    void aRunInOneAccountAndRegionHasNoPlaceColumns() throws Exception {
        assertEquals(List.of("",
                "SERVICE     IMAGE                         OUTCOME     NEW IMAGE                                     STATE      REASON",
                "APPSTREAM   Base-Win2022                  UPDATED     Base-Win2022-2026-05-28                       AVAILABLE",
                "WORKSPACES  wsi-0a1b2c3d4                 FAILED      desk-2026-05-28 (wsi-7k2m9p4q1)               FAILED     quota"),
                table("""
                        [{"service": "APPSTREAM", "account": "111111111111", "region": "us-east-1", "image": "Base-Win2022",
                          "outcome": "UPDATED", "newImageName": "Base-Win2022-2026-05-28", "newImage": "Base-Win2022-2026-05-28",
                          "state": "AVAILABLE"},
                         {"service": "WORKSPACES", "account": "111111111111", "region": "us-east-1", "image": "wsi-0a1b2c3d4",
                          "outcome": "FAILED", "newImageName": "desk-2026-05-28", "newImage": "wsi-7k2m9p4q1", "state": "FAILED",
                          "reason": "quota"}]"""));
    }

    @Test
    void aRunOverSeveralAccountsOrRegionsSaysWhereEachImageIs() throws Exception {
        String image = """
                {"service": "APPSTREAM", "account": "%s", "region": "%s", "image": "Base-Win2022", "outcome": "UP_TO_DATE"}""";
        String header = "ACCOUNT       REGION          SERVICE     IMAGE                         OUTCOME     NEW IMAGE"
                + "                                     STATE      REASON";
        assertEquals(List.of("", header,
                        "111111111111  us-east-1       APPSTREAM   Base-Win2022                  UP_TO_DATE",
                        "222222222222  us-east-1       APPSTREAM   Base-Win2022                  UP_TO_DATE"),
                table("[" + image.formatted("111111111111", "us-east-1") + "," + image.formatted("222222222222", "us-east-1") + "]"));
        assertEquals(List.of("", header,
                        "111111111111  us-east-1       APPSTREAM   Base-Win2022                  UP_TO_DATE",
                        "111111111111  eu-west-1       APPSTREAM   Base-Win2022                  UP_TO_DATE"),
                table("[" + image.formatted("111111111111", "us-east-1") + "," + image.formatted("111111111111", "eu-west-1") + "]"));
    }
}
