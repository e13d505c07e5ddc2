package com.eucimageupdater.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.eucimageupdater.aws.ImageServices;
import com.eucimageupdater.aws.SimulatedAccount;
import com.eucimageupdater.drift.PlaceSurvey.Rebuilds;
import com.eucimageupdater.model.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The drift report's count of WorkSpaces by their rebuild tag, read with DescribeTags through the real SDK from the simulator. */
class SimulatedRebuildDriftTest {
    private static final String SCENARIO = """
            {"workspaces": {
              "images": [{"id": "wsi-0new00001", "name": "win10-2026-12-08"}, {"id": "wsi-0old00001", "name": "win10-base"}],
              "bundles": [{"id": "wsb-rebuild01", "name": "win10-production", "imageId": "wsi-0new00001", "workspaces": 2,
                "namedWorkspaces": [
                  {"id": "ws-onimage01", "tags": {"euc-image-updater:rebuilt": "wsi-0new00001"}},
                  {"id": "ws-oldimage1", "tags": {"euc-image-updater:rebuilt": "wsi-0old00001"}},
                  {"id": "ws-teamtag01", "tags": {"team": "finance"}}]}]}}""";

    @Test
    void aDriftReportCountsABundlesWorkSpacesByTheImageTheirTagNamesAsDescribeTagsAnswers() {
        try (SimulatedAccount account = SimulatedAccount.start(SCENARIO)) {
            ImageServices services = account.imageServices();
            Location place = new Location(account.simulator().scenario().accountId(), account.simulator().scenario().region());

            PlaceSurvey survey = new DriftSurveyor(services::survey, services::workspaceTags).survey(place, "2026-12-08", 10);

            assertEquals(new Rebuilds(1, 1, 3, 0), survey.targets().get(0).rebuilds(),
                    "one on the bundle's image, one rebuilt onto another, three not rebuilt by the updater (two plain, one tagged"
                            + " otherwise)");
            List<String> read = account.simulator().callsTo("DescribeTags").stream()
                    .map(call -> call.request().path("ResourceId").asText()).filter(id -> id.startsWith("ws-")).toList();
            assertEquals(5, read.size(), "each WorkSpace's tags read once: " + read);
            assertEquals(List.of(), account.simulator().modelViolations());
        }
    }
}
