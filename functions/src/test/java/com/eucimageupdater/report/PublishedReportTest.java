package com.eucimageupdater.report;

import com.eucimageupdater.lambda.JsonValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mail says what other systems were told, as the publish steps' answers say it, and a refusal fails the run. */
class PublishedReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXECUTION_ARN = "arn:aws:states:us-east-1:123456789012:execution:EucImageUpdater-Workflow:monthly-2026-11";
    private static final String UPDATED = """
            [{"service": "APPSTREAM", "image": "Base", "outcome": "UPDATED", "start": {"newImage": "Base-2026-11-10"}}]""";

    private static RunReport report(String builtEvents, boolean dryRun) throws Exception {
        return new RunReporter().report(new ReportRequest("monthly-2026-11", EXECUTION_ARN, "2026-11-10", List.of(), Builds.of(UPDATED),
                JsonValues.parse("{\"production\": [], \"builtEvents\": " + builtEvents + "}"), null, null, null, dryRun, null));
    }

    @Test
    void whatTheBusTookAndEachParameterWrittenAreListedAndTheRunSucceeds() throws Exception {
        RunReport report = report("""
                {"events": {"Image Updated": 1}, "parameters": ["/euc-image-updater/1/r/appstream/Base = Base-2026-11-10 (version 3)"]}""",
                false);

        assertTrue(report.message().endsWith("""

                Events (EventBridge, default bus) and lineage parameters (Parameter Store):
                  published: 1 Image Updated
                  parameter /euc-image-updater/1/r/appstream/Base = Base-2026-11-10 (version 3)
                """), report.message());
        assertEquals(0, report.counts().failed());
    }

    @Test
    void eachRefusalIsNamedCountedAsAFailureAndNothingRefusedIsSaidToHaveGoneOut() throws Exception {
        RunReport report = report("""
                {"failures": ["event Image Updated for Base -> Base-2026-11-10 (APPSTREAM, 1, r) not published: InternalException: down"],
                 "moreFailures": 2}""", false);

        assertTrue(report.message().contains("  event Image Updated for Base -> Base-2026-11-10 (APPSTREAM, 1, r) not published:"
                + " InternalException: down\n  ... and 2 more not published\n"), report.message());
        assertFalse(report.message().contains("  published: "), report.message());
        assertEquals(3, report.counts().failed());
        assertTrue(report.subject().startsWith("euc-image-updater: 3 events or parameters not published;"), report.subject());
    }

    @Test
    void aPublishStepThatFailedItselfIsOneFailureSayingNothingOfItWentOut() throws Exception {
        RunReport report = report("{\"Error\": \"Lambda.Unknown\", \"Cause\": \"The function timed out\"}", false);

        assertTrue(report.message().contains("  the publish step failed (Unknown: The function timed out): none of its events or parameters"
                + " went out\n"), report.message());
        assertEquals(1, report.counts().failed());
    }

    @Test
    void aReportOnlyRunSaysWhatItWouldPublish() throws Exception {
        RunReport report = report("{\"reportOnly\": true, \"events\": {\"Image Updated\": 1}}", true);

        assertTrue(report.message().contains(", report only: nothing was published:\n  would publish: 1 Image Updated\n"), report.message());
    }
}
