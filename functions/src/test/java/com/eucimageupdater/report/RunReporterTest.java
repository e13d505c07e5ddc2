package com.eucimageupdater.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.report.RunReport.MessageAttribute;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunReporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RunReporter reporter = new RunReporter();

    private static List<JsonNode> results(String json) throws Exception {
        List<JsonNode> results = new java.util.ArrayList<>();
        JSON.readTree(json).forEach(results::add);
        return results;
    }

    private RunReport reportOf(String json) throws Exception {
        return reporter.report(new ReportRequest("monthly-2026-11", "2026-11-10", List.of(), results(json)));
    }

    @Test
    void subjectCountsEachOutcome() throws Exception {
        RunReport report = reportOf("""
                [{"service": "APPSTREAM", "image": "a", "outcome": "UPDATED", "newImage": "a-2026-11-10", "newImageName": "a-2026-11-10", "state": "AVAILABLE"},
                 {"service": "APPSTREAM", "image": "b", "outcome": "UPDATED", "newImage": "b-2026-11-10", "newImageName": "b-2026-11-10", "state": "AVAILABLE"},
                 {"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "outcome": "UP_TO_DATE", "detail": "already has the latest updates"}]""");
        assertEquals("euc-image-updater: 2 updated, 1 up to date, 0 failed", report.subject());
        assertEquals(new RunReport.Counts(2, 1, 0), report.counts());
    }

    @Test
    void bodyShowsEachImageOldToNewWithStateAndReason() throws Exception {
        RunReport report = reportOf("""
                [{"service": "APPSTREAM", "image": "a", "outcome": "UPDATED", "newImage": "a-2026-11-10", "newImageName": "a-2026-11-10", "state": "AVAILABLE"},
                 {"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "outcome": "FAILED", "newImage": "wsi-9z8y7x6w5", "newImageName": "ws-2026-11-10",
                  "state": "FAILED", "reason": "WorkSpaces image is ERROR: InternalFailure build failed"}]""");
        assertTrue(report.message().contains("UPDATED    APPSTREAM  a -> a-2026-11-10 [AVAILABLE]"), report.message());
        assertTrue(report.message().contains("FAILED     WORKSPACES wsi-0a1b2c3d4 -> ws-2026-11-10 (wsi-9z8y7x6w5) [FAILED]"), report.message());
        assertTrue(report.message().contains("reason: WorkSpaces image is ERROR: InternalFailure build failed"), report.message());
    }

    @Test
    void attributesLetSubscriptionsFilterOnStatusAndCounts() throws Exception {
        RunReport report = reportOf("""
                [{"service": "APPSTREAM", "image": "a", "outcome": "FAILED", "reason": "x"}]""");
        assertEquals(new MessageAttribute("String", "SOME_FAILED"), report.messageAttributes().get("status"));
        assertEquals(new MessageAttribute("Number", "1"), report.messageAttributes().get("failed"));
        assertEquals(new MessageAttribute("Number", "0"), report.messageAttributes().get("updated"));
    }

    @Test
    void ourFunctionsErrorBecomesItsMessage() throws Exception {
        RunReport report = reportOf("""
                [{"service": "APPSTREAM", "image": "a", "outcome": "FAILED", "error": {"Error": "com.eucimageupdater.images.ImageUpdateException",
                  "Cause": "{\\"errorMessage\\": \\"AppStream image \\\\\\"a\\\\\\" does not exist\\", \\"errorType\\": \\"com.eucimageupdater.images.ImageUpdateException\\"}"}}]""");
        assertEquals("AppStream image \"a\" does not exist", report.results().get(0).reason());
    }

    @Test
    void stepFunctionsOwnErrorsKeepTheirShortNameAndPlainCause() throws Exception {
        RunReport report = reportOf("""
                [{"service": "APPSTREAM", "image": "a", "outcome": "FAILED", "error": {"Error": "States.Timeout", "Cause": "Task timed out"}},
                 {"service": "APPSTREAM", "image": "b", "outcome": "FAILED", "error": {"Error": "com.eucimageupdater.images.RetryableAwsException",
                  "Cause": "{\\"errorMessage\\": \\"DescribeImages b was refused for now (ThrottlingException): Rate exceeded\\"}"}}]""");
        assertEquals("Timeout: Task timed out", report.results().get(0).reason());
        assertEquals("RetryableAwsException: DescribeImages b was refused for now (ThrottlingException): Rate exceeded",
                report.results().get(1).reason());
    }

    @Test
    void rejectedInputListsEveryProblemAndSaysNothingChanged() {
        RunReport report = reporter.report(new ReportRequest("run-1", "2026-11-10",
                List.of("images[0].image: is required", "images[1].service: must be \"APPSTREAM\" or \"WORKSPACES\", got \"EC2\""), List.of()));
        assertEquals("euc-image-updater: input rejected, 2 problems, nothing changed", report.subject());
        assertTrue(report.message().contains("- images[0].image: is required"));
        assertTrue(report.message().contains("nothing was created"));
        assertEquals(new MessageAttribute("String", "INPUT_REJECTED"), report.messageAttributes().get("status"));
    }

    @Test
    void subjectStaysWithinSnsLimits() throws Exception {
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 1000; i++) {
            many.append(i == 0 ? "" : ",").append("{\"service\": \"APPSTREAM\", \"image\": \"i").append(i).append("\", \"outcome\": \"UPDATED\"}");
        }
        String subject = reportOf(many.append("]").toString()).subject();
        assertTrue(subject.length() <= 100 && subject.chars().allMatch(c -> c >= 0x20 && c < 0x7F), subject);
    }

    @Test
    void workSpacesImagesAreShownWithTheirNameBesideTheirId() throws Exception {
        RunReport report = reportOf("""
                [{"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "sourceName": "finance-win10", "outcome": "UP_TO_DATE"},
                 {"service": "APPSTREAM", "image": "Base", "sourceName": "Base", "outcome": "UP_TO_DATE"}]""");
        assertTrue(report.message().contains("UP_TO_DATE WORKSPACES wsi-0a1b2c3d4 (finance-win10)\n"), report.message());
        assertTrue(report.message().contains("UP_TO_DATE APPSTREAM  Base\n"), report.message());
    }
}
