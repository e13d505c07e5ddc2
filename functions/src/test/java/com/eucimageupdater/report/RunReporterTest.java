package com.eucimageupdater.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.build.BuiltLocation;

import com.eucimageupdater.report.RunReport.MessageAttribute;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunReporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RunReporter reporter = new RunReporter();

    private RunReport reportOf(String json) throws Exception {
        return reporter.report(new ReportRequest("monthly-2026-11", "2026-11-10", List.of(), Builds.of(json)));
    }

    @Test
    void subjectSaysNothingWasToApproveThenCountsEachOutcome() throws Exception {
        RunReport report = reportOf("""
                [{"service": "APPSTREAM", "image": "a", "outcome": "UPDATED", "start": {"newImage": "a-2026-11-10"}},
                 {"service": "APPSTREAM", "image": "b", "outcome": "UPDATED", "start": {"newImage": "b-2026-11-10"}},
                 {"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "outcome": "UP_TO_DATE", "detail": "already has the latest updates"}]""");
        assertEquals("euc-image-updater: nothing to approve; 2 updated, 1 up to date", report.subject());
        assertEquals(new RunReport.Counts(2, 0, 1, 0), report.counts());
    }

    @Test
    void bodyShowsEachImageOldToNewWithStateAndReason() throws Exception {
        RunReport report = reportOf("""
                [{"service": "APPSTREAM", "image": "a", "outcome": "UPDATED", "start": {"newImage": "a-2026-11-10",
                  "newImageName": "a-2026-11-10"}, "state": "AVAILABLE"},
                 {"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "outcome": "FAILED", "start": {"newImage": "wsi-9z8y7x6w5",
                  "newImageName": "ws-2026-11-10"}, "state": "FAILED", "reason": "WorkSpaces image is ERROR: InternalFailure build failed"}]""");
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
                [{"service": "APPSTREAM", "image": "a", "outcome": "FAILED", "error": {"Error": "com.eucimageupdater.model.ImageUpdateException",
                  "Cause": "{\\"errorMessage\\": \\"AppStream image \\\\\\"a\\\\\\" does not exist\\", \\"errorType\\": \\"com.eucimageupdater.model.ImageUpdateException\\"}"}}]""");
        assertEquals("AppStream image \"a\" does not exist", report.results().get(0).reason());
    }

    @Test
    void stepFunctionsOwnErrorsKeepTheirShortNameAndPlainCause() throws Exception {
        RunReport report = reportOf("""
                [{"service": "APPSTREAM", "image": "a", "outcome": "FAILED", "error": {"Error": "States.Timeout", "Cause": "Task timed out"}}]""");
        assertEquals("Timeout: Task timed out", report.results().get(0).reason());
    }

    @Test
    void awsRefusalsThatOutlastTheRetriesSayHowManyAttemptsOverHowLongAndToRunAgainLater() throws Exception {
        RunReport report = reportOf("""
                [{"service": "APPSTREAM", "image": "b", "outcome": "FAILED", "error": {"Error": "com.eucimageupdater.model.RetryableAwsException",
                  "Cause": "{\\"errorMessage\\": \\"DescribeImages b: AWS answered ServiceUnavailable (try later)\\"}"}}]""");
        assertEquals("6 attempts over up to 8 minutes failed, each after the SDK's own retries (last: DescribeImages b: AWS answered"
                + " ServiceUnavailable (try later)); AWS was throttling or unavailable all that time: run again later",
                report.results().get(0).reason());
    }

    @Test
    void anAdoptedImageIsReportedAsAdoptedWithTheRunThatStartedItAndItsQuotaWait() throws Exception {
        RunReport report = reportOf("""
                [{"service": "APPSTREAM", "image": "a", "sourceName": "a", "outcome": "UPDATED", "detail": "updates",
                  "start": {"newImage": "a-2026-11-10", "newImageName": "a-2026-11-10", "adopted": true, "adoptedFrom": "monthly-1",
                            "waitingForQuota": false, "quotaWaitSeconds": 0, "retryInSeconds": 0},
                  "state": "AVAILABLE"},
                 {"service": "APPSTREAM", "image": "b", "sourceName": "b", "outcome": "UPDATED", "detail": "updates",
                  "start": {"newImage": "b-2026-11-10", "newImageName": "b-2026-11-10", "adopted": false,
                            "waitingForQuota": false, "quotaWaitSeconds": 2700, "retryInSeconds": 0},
                  "state": "AVAILABLE"}]""");
        assertEquals("euc-image-updater: nothing to approve; 1 updated, 1 adopted, 0 up to date", report.subject());
        assertEquals(Outcome.ADOPTED, report.results().get(0).outcome());
        assertEquals(new RunReport.Counts(1, 1, 0, 0), report.counts());
        assertTrue(report.message().contains("ADOPTED    APPSTREAM  a -> a-2026-11-10 [AVAILABLE]\n"
                + "           started by run monthly-1, not a second image\n"), report.message());
        assertTrue(report.message().contains("UPDATED    APPSTREAM  b -> b-2026-11-10 [AVAILABLE]\n"
                + "           waited 45 min for a service quota"), report.message());
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

    @Test
    void imagesOfALocationThatFailedAlikeKeepTheReasonOnceAndPointToIt() throws Exception {
        String roleMissing = "{\"Error\": \"com.eucimageupdater.model.ImageUpdateException\", \"Cause\": \"{\\\"errorMessage\\\": "
                + "\\\"AssumeRole arn:aws:iam::333333333333:role/EucImageUpdaterMember failed: AccessDenied\\\"}\"}";
        List<BuiltLocation> builds = Builds.of("[{\"service\": \"APPSTREAM\", \"image\": \"a\", \"outcome\": \"FAILED\", \"error\": " + roleMissing
                + "}, {\"service\": \"APPSTREAM\", \"image\": \"b\", \"outcome\": \"FAILED\", \"error\": " + roleMissing + "}]");
        BuiltLocation summary = BuiltLocation.of(Builds.ACCOUNT, Builds.REGION, builds.get(0).results(), List.of(), List.of());

        assertEquals(null, summary.results().get(1).reason(), "kept once in the run's data");
        assertEquals("a", summary.results().get(1).sameReasonAs());
        RunReport report = reporter.report(new ReportRequest("run-1", "2026-11-10", List.of(), List.of(summary)));
        assertTrue(report.message().contains("reason: the same as for a"), report.message());
        assertEquals(report.results().get(0).reason(), report.results().get(1).reason(), "the report's own list has every reason");
    }

    @Test
    void aMailLongerThanSnsTakesIsCutAtALineAndSaysWhereTheRestIs() {
        String line = "UPDATED    APPSTREAM  Image -> Image-2026-11-10 [AVAILABLE]\n";
        String cut = RunReporter.withinSnsLimit(line.repeat(6000));

        assertTrue(cut.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= RunReporter.MESSAGE_MAX_BYTES);
        assertTrue(cut.endsWith("result is in its child execution (Step Functions console: the run's Map Runs).\n"), cut.substring(cut.length() - 200));
        assertTrue(cut.contains(line + "... the mail is cut here"), "cut at a line");
    }
}
