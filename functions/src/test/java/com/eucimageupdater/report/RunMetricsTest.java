package com.eucimageupdater.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunMetricsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-10T14:00:00Z");

    private static List<JsonNode> events(String results) throws Exception {
        ReportRequest request = new ReportRequest("monthly-2026-11", "2026-11-10", List.of(), Builds.of(results));
        List<JsonNode> events = new ArrayList<>();
        for (String event : new RunMetrics("EucImageUpdater/Test").events(request, new RunReporter().report(request), NOW)) {
            events.add(JSON.readTree(event));
        }
        return events;
    }

    @Test
    void theRunEventCountsOutcomesInTheEmbeddedMetricFormat() throws Exception {
        JsonNode run = events("""
                [{"service": "APPSTREAM", "image": "a", "outcome": "UPDATED"},
                 {"service": "APPSTREAM", "image": "b", "outcome": "UP_TO_DATE"},
                 {"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "outcome": "FAILED"}]""").get(0);

        assertEquals(JSON.readTree("""
                {"_aws": {"Timestamp": 1794319200000, "CloudWatchMetrics": [{"Namespace": "EucImageUpdater/Test", "Dimensions": [[]],
                  "Metrics": [{"Name": "Runs", "Unit": "Count"}, {"Name": "ImagesUpdated", "Unit": "Count"},
                              {"Name": "ImagesUpToDate", "Unit": "Count"}, {"Name": "ImagesFailed", "Unit": "Count"},
                              {"Name": "InputRejected", "Unit": "Count"}]}]},
                 "Runs": 1, "ImagesUpdated": 1, "ImagesUpToDate": 1, "ImagesFailed": 1, "InputRejected": 0,
                 "execution": "monthly-2026-11"}"""), run);
    }

    @Test
    void anImageBuiltGetsItsBuildMinutesFromStartToLastPollAndItsQuotaWaitByService() throws Exception {
        List<JsonNode> events = events("""
                [{"service": "APPSTREAM", "image": "a", "outcome": "UPDATED",
                  "start": {"newImage": "a-2026-11-10", "startedAt": "2026-11-10T06:00:00Z", "quotaWaitSeconds": 120},
                  "state": "AVAILABLE", "observedAt": "2026-11-10T07:01:30Z"},
                 {"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "outcome": "UP_TO_DATE"}]""");

        assertEquals(2, events.size(), "the run, and the one image that was built; the up-to-date one has no figures");
        assertEquals(JSON.readTree("""
                {"_aws": {"Timestamp": 1794319200000, "CloudWatchMetrics": [{"Namespace": "EucImageUpdater/Test", "Dimensions": [["Service"]],
                  "Metrics": [{"Name": "BuildMinutes", "Unit": "None"}, {"Name": "QuotaWaitSeconds", "Unit": "Seconds"}]}]},
                 "Service": "APPSTREAM", "BuildMinutes": 61.5, "QuotaWaitSeconds": 120.0, "image": "a", "account": "123456789012",
                 "region": "us-east-1", "outcome": "UPDATED",
                 "execution": "monthly-2026-11"}"""), events.get(1));
    }

    @Test
    void anImageThatFailedBeforeItsFirstPollHasNoBuildMinutes() throws Exception {
        List<JsonNode> events = events("""
                [{"service": "APPSTREAM", "image": "a", "outcome": "FAILED", "start": {"startedAt": "2026-11-10T06:00:00Z"},
                  "error": {"Error": "States.Timeout", "Cause": ""}}]""");

        assertEquals(1, events.size(), events::toString);
    }
}
