package com.eucimageupdater.report;

import com.eucimageupdater.lambda.JsonValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.drift.PlaceSurvey;
import com.eucimageupdater.drift.PlaceSurvey.Counts;
import com.eucimageupdater.drift.PlaceSurvey.SurveyedTarget;
import com.eucimageupdater.drift.PlaceSurvey.UnusedImage;
import com.eucimageupdater.model.Service;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftReportTest {
    private static final String EXECUTION_ARN = "arn:aws:states:eu-west-1:123456789012:execution:euc-image-updater:";
    private static final PlaceSurvey SURVEYED = new PlaceSurvey("123456789012", "eu-west-1", new Counts(2, 1, 3, 2, 1, 1, 0, 1),
            List.of(new SurveyedTarget(Service.APPSTREAM, "tools", "Tools-AL2", 209, "NOT_CHECKED", "AMAZON_LINUX2", "2026-06-30", null,
                    null),
                    new SurveyedTarget(Service.WORKSPACES, "wsb-0a1b2c3d4", "wsi-0a1b2c3d4", 90, "AVAILABLE", null, null, 3, null)),
            1, List.of(new UnusedImage(Service.APPSTREAM, "Base-2026-06-09", 181)), 0, null);

    private static PlaceSurvey notSurveyed() throws Exception {
        return new PlaceSurvey("222222222222", "eu-west-1", null, null, 0, null, 0, JsonValues.parse("""
                {"Error": "com.eucimageupdater.model.ImageUpdateException",
                 "Cause": "{\\"errorMessage\\": \\"the member role EucImageUpdaterMember in 222222222222 refused\\"}"}"""));
    }

    private static RunReport report(String report, List<PlaceSurvey> drift) {
        return new RunReporter().report(new ReportRequest("drift-1", EXECUTION_ARN + "drift-1", "2026-12-07", List.of(), List.of(), null,
                null, null, null, false, null, report, drift));
    }

    @Test
    void aDriftReportListsEachPlaceFleetByFleetAndSaysWhatItLeftOut() throws Exception {
        RunReport report = report("drift", List.of(SURVEYED, notSurveyed()));

        assertEquals("euc-image-updater drift report: 1 place not surveyed; 2 places, 2 fleets, 1 bundle", report.subject(),
                "the most pressing first, as many as fit in SNS's 100 characters");
        String body = report.message();
        assertTrue(body.contains("Account 123456789012, eu-west-1: 2 fleets, 1 bundle (3 WorkSpaces); 2 on an image older than 60"
                + " days, 1 past end of support, 1 update available, 1 unused pipeline image\n"
                + "  fleet  tools                    Tools-AL2                     209 days  not checked (not the account's own image);"
                + " AMAZON_LINUX2, support ended 2026-06-30\n"
                + "  bundle wsb-0a1b2c3d4            wsi-0a1b2c3d4                  90 days  update available; 3 WorkSpaces\n"
                + "  ... and 1 more fleet or bundle, not listed to keep the run's data small (those listed need attention first)\n"
                + "  unused pipeline images (no fleet, bundle or image builder uses them): Base-2026-06-09 (181 days)\n"), body);
        assertTrue(body.contains("Account 222222222222, eu-west-1: not surveyed (the member role EucImageUpdaterMember in 222222222222"
                + " refused)"), body);
        assertEquals(1, report.counts().failed(), "a place not surveyed fails the run, after the mail");
        assertEquals("SOME_FAILED", report.messageAttributes().get("status").StringValue());
        assertEquals("drift", report.messageAttributes().get("report").StringValue());
    }

    @Test
    void aRunsMailEndsWithEachPlacesCountsAndHowToGetTheWholeReport() {
        RunReport report = report(null, List.of(SURVEYED));

        assertTrue(report.message().endsWith("\nWhere every fleet and bundle stands (drift, as AWS answered in this run):\n"
                + "  Account 123456789012, eu-west-1: 2 fleets, 1 bundle (3 WorkSpaces); 2 on an image older than 60 days, 1 past end of"
                + " support, 1 update available, 1 unused pipeline image\n"
                + "The whole report, fleet by fleet and bundle by bundle (it changes nothing): start a run with {\"report\": \"drift\"}\n"
                + "  aws stepfunctions start-execution --region eu-west-1 --state-machine-arn"
                + " 'arn:aws:states:eu-west-1:123456789012:stateMachine:euc-image-updater' --input '{\"report\": \"drift\"}'\n"
                + "  aws --% stepfunctions start-execution --region eu-west-1 --state-machine-arn"
                + " \"arn:aws:states:eu-west-1:123456789012:stateMachine:euc-image-updater\" --input \"{\\\"report\\\": \\\"drift\\\"}\"\n"),
                report.message());
        assertEquals("SUCCEEDED", report.messageAttributes().get("status").StringValue());
    }

    @Test
    void aRunWithoutASurveyHasNoDriftSection() {
        assertTrue(!report(null, List.of()).message().contains("Where every fleet and bundle stands"));
    }

    @Test
    void aBundlesLineCountsItsWorkSpacesByTheirRebuiltTagAndSaysWhenTheCountsArePartial() {
        PlaceSurvey place = new PlaceSurvey("123456789012", "eu-west-1", new Counts(0, 1, 11, 0, 0, 0, 0, 0),
                List.of(new SurveyedTarget(Service.WORKSPACES, "wsb-0a1b2c3d4", "wsi-new", 5, "NONE", null, null, 11,
                        new PlaceSurvey.Rebuilds(2, 1, 3, 5))), 0, List.of(), 0, null);

        String body = report("drift", List.of(place)).message();

        assertTrue(body.contains("  bundle wsb-0a1b2c3d4            wsi-new                         5 days  no update; 11 WorkSpaces:"
                + " 2 rebuilt onto wsi-new, 1 not yet on it (rebuilt onto another image), 3 not rebuilt by the updater, 5 not read (the"
                + " report reads the tags of at most 300 WorkSpaces a place: these counts are partial)\n"), body);
    }
}
