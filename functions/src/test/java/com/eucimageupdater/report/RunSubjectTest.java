package com.eucimageupdater.report;

import com.eucimageupdater.lambda.JsonValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.report.RunReport.MessageAttribute;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The subject says what failed first, then what happened to production, then the images; the rollback mail opens with its moves. */
class RunSubjectTest {
    /** The ARN of an execution of the state machine, whose Region and state machine the mail's commands name. */
    private static final String EXECUTION_ARN = "arn:aws:states:us-east-1:123456789012:execution:EucImageUpdater-Workflow:";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UPDATED = """
            [{"service": "APPSTREAM", "image": "Base", "outcome": "UPDATED", "start": {"newImage": "Base-2026-11-10"}},
             {"service": "APPSTREAM", "image": "Office", "outcome": "UPDATED", "start": {"newImage": "Office-2026-11-10"}},
             {"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "outcome": "UP_TO_DATE"}]""";
    private static final String PRODUCTION = """
            [{"service": "APPSTREAM", "newImage": "Base-2026-11-10", "newImageName": "Base-2026-11-10", "targets": ["Base-Prod"]},
             {"service": "APPSTREAM", "newImage": "Office-2026-11-10", "newImageName": "Office-2026-11-10", "targets": ["Office-Prod"]}]""";
    private final RunReporter reporter = new RunReporter();

    private static String rolledOut(String image, String outcome) {
        return """
                {"service": "APPSTREAM", "account": "123456789012", "region": "us-east-1", "newImageName": "%s", "outcome": "%s",
                 "moved": [{"target": "%s-Prod", "previous": "%s-2026-10-13", "image": "%s", "moved": true, "note": "sessions"}],
                 "error": {"Error": "com.eucimageupdater.model.ImageUpdateException", "Cause": "{\\"errorMessage\\": \\"refused\\"}"}}"""
                .formatted(image, outcome, image.split("-")[0], image.split("-")[0], image);
    }

    private RunReport report(String rawResults, String rollout) throws Exception {
        return report(rawResults, rollout, false);
    }

    private RunReport report(String rawResults, String rollout, boolean dryRun) throws Exception {
        Object plan = rollout == null ? null : JsonValues.parse(rollout);
        return reporter.report(new ReportRequest("monthly-2026-11", EXECUTION_ARN + "monthly-2026-11", "2026-11-10", List.of(),
                Builds.of(rawResults), plan, null, null, null, dryRun, null));
    }

    private static String approved(String... results) {
        return "{\"production\": " + PRODUCTION + ", \"approvalNeeded\": true, \"approval\": {\"decision\": \"approved\"}, \"results\": ["
                + String.join(",", results) + "]}";
    }

    private static String decided(String decision) {
        return "{\"production\": " + PRODUCTION + ", \"approvalNeeded\": true, \"decision\": \"" + decision + "\"}";
    }

    @Test
    void anApprovedRollOutSaysItRolledOutToProductionAndWasApproved() throws Exception {
        RunReport report = report(UPDATED, approved(rolledOut("Base-2026-11-10", "ROLLED_OUT"),
                rolledOut("Office-2026-11-10", "ROLLED_OUT")));

        assertEquals("euc-image-updater: rolled out to production (approved); 2 updated, 1 up to date", report.subject());
        assertEquals(new MessageAttribute("String", "ROLLED_OUT"), report.messageAttributes().get("production"));
        assertEquals(new MessageAttribute("String", "SUCCEEDED"), report.messageAttributes().get("status"));
    }

    @Test
    void aRollOutThatNeededNoApprovalDoesNotClaimOne() throws Exception {
        RunReport report = report(UPDATED, "{\"production\": " + PRODUCTION + ", \"approvalNeeded\": false, \"results\": ["
                + rolledOut("Base-2026-11-10", "ROLLED_OUT") + "," + rolledOut("Office-2026-11-10", "ROLLED_OUT") + "]}");

        assertEquals("euc-image-updater: rolled out to production; 2 updated, 1 up to date", report.subject());
    }

    @Test
    void aRollOutWhoseTargetsAllUsedTheirNewImageAlreadyDoesNotClaimToHaveRolledOut() throws Exception {
        String notMoved = approved(rolledOut("Base-2026-11-10", "ROLLED_OUT"), rolledOut("Office-2026-11-10", "ROLLED_OUT"))
                .replace("\"moved\": true", "\"moved\": false");

        RunReport report = report(UPDATED, notMoved);

        assertEquals("euc-image-updater: production already on new images (approved); 2 updated, 1 up to date", report.subject());
        assertTrue(report.message().contains("           Base-Prod: already on Base-2026-11-10, not moved\n"), report.message());
    }

    @Test
    void aRejectedApprovalSaysProductionIsUnchanged() throws Exception {
        RunReport report = report(UPDATED, decided("rejected"));

        assertEquals("euc-image-updater: approval rejected, production unchanged; 2 updated, 1 up to date", report.subject());
        assertEquals(new MessageAttribute("String", "APPROVAL_REJECTED"), report.messageAttributes().get("production"));
        assertEquals(0, report.counts().failed(), "an answer no is no failure");
    }

    @Test
    void anApprovalThatTimedOutSaysProductionIsUnchanged() throws Exception {
        RunReport report = report(UPDATED, decided("timed out"));

        assertEquals("euc-image-updater: approval timed out, production unchanged; 2 updated, 1 up to date", report.subject());
        assertEquals(new MessageAttribute("String", "APPROVAL_TIMED_OUT"), report.messageAttributes().get("production"));
    }

    @Test
    void anApprovalMailThatCouldNotBeSentFailsTheRunFirstAndLeavesProductionUnchanged() throws Exception {
        RunReport report = report(UPDATED, decided("not requested (the approval mail failed)"));

        assertEquals("euc-image-updater: approval mail failed; production unchanged; 2 updated, 1 up to date", report.subject());
        assertEquals(1, report.counts().failed());
        assertEquals(new MessageAttribute("String", "SOME_FAILED"), report.messageAttributes().get("status"));
    }

    @Test
    void aRunWithNoProductionTargetSaysThereWasNothingToApprove() throws Exception {
        assertEquals("euc-image-updater: nothing to approve; 2 updated, 1 up to date", report(UPDATED, "{\"production\": []}").subject());
    }

    @Test
    void aRollOutThatFailedForOneImageSaysSoFirstAndHowManyWentToProductionTheCountsGivingWayToSnsLimit() throws Exception {
        RunReport report = report(UPDATED, approved(rolledOut("Base-2026-11-10", "ROLLED_OUT"), rolledOut("Office-2026-11-10", "FAILED")));

        assertEquals("euc-image-updater: 1 production roll-out failed; 1 of 2 rolled out to production (approved)", report.subject());
        assertEquals(new MessageAttribute("String", "PARTLY_ROLLED_OUT"), report.messageAttributes().get("production"));
    }

    @Test
    void aRollOutThatFailedEverywhereClaimsNoRollOut() throws Exception {
        RunReport report = report(UPDATED, approved(rolledOut("Base-2026-11-10", "FAILED"), rolledOut("Office-2026-11-10", "FAILED")));

        assertEquals("euc-image-updater: 2 production roll-outs failed; 2 updated, 1 up to date", report.subject());
    }

    @Test
    void aRunWithFailedImagesAndCopyConflictsSaysSoFirst() throws Exception {
        RunReport report = report("""
                [{"service": "APPSTREAM", "image": "Base", "outcome": "UPDATED", "start": {"newImage": "Base-2026-11-10"},
                  "distributed": {"copies": [{"region": "eu-west-1", "outcome": "CONFLICT", "conflict": "taken"}], "shares": []}},
                 {"service": "APPSTREAM", "image": "Office", "outcome": "FAILED", "reason": "x"}]""", "{\"production\": []}");

        assertEquals("euc-image-updater: 1 image failed, 1 copy conflict; nothing to approve; 1 updated, 0 up to date", report.subject());
        assertEquals(2, report.counts().failed());
    }

    @Test
    void aReportOnlyRunSaysSoAndWhatWouldUpdateWithAnyFailureFirst() throws Exception {
        String results = """
                [{"service": "APPSTREAM", "image": "Base", "outcome": "WOULD_UPDATE", "newImageName": "Base-2026-11-10"},
                 {"service": "APPSTREAM", "image": "Office", "outcome": "FAILED", "reason": "x"}]""";

        assertEquals("euc-image-updater (report only): 1 image failed; 1 would update, 0 up to date",
                report(results, "{\"production\": []}", true).subject());
        assertEquals(new MessageAttribute("String", "REPORT_ONLY"),
                report(results, "{\"production\": []}", true).messageAttributes().get("production"));
    }

    @Test
    void aReportOnlyRunSaysWhatRetentionWouldKeepNotWhatItKept() throws Exception {
        RunReport report = report("""
                [{"service": "APPSTREAM", "image": "Base", "outcome": "WOULD_UPDATE", "newImageName": "Base-2026-11-10",
                  "retire": {"decisions": [{"image": "Base-2026-09-08", "name": "Base-2026-09-08", "delete": true, "reason": "older"},
                                           {"image": "Base-2026-08-11", "name": "Base-2026-08-11", "delete": false,
                                            "reason": "shared"}]}}]""",
                "{\"production\": []}", true);

        assertTrue(report.message().contains("would delete: Base-2026-09-08 (older)\n"), report.message());
        assertTrue(report.message().contains("would keep: Base-2026-08-11 (shared)\n"), report.message());
        assertTrue(!report.message().contains("kept:"), report.message());
    }

    @Test
    void aTargetThatAlreadyUsedTheImageIsNotClaimedAsStaged() throws Exception {
        RunReport report = report("""
                [{"service": "APPSTREAM", "image": "Base", "outcome": "UPDATED", "start": {"newImage": "Base-2026-11-10"},
                  "staged": {"moved": [{"target": "Base-Test", "previous": "Base-2026-10-13", "image": "Base-2026-11-10", "moved": true,
                                        "note": "sessions"},
                                       {"target": "Base-Test-2", "previous": "Base-2026-11-10", "image": "Base-2026-11-10", "moved": false,
                                        "note": "sessions"}]}}]""", "{\"production\": []}");

        assertTrue(report.message().contains("           staged: Base-Test (was Base-2026-10-13): sessions\n"
                + "           Base-Test-2: already on Base-2026-11-10, not moved\n"), report.message());
    }

    @Test
    void theRollbackMailOpensWithWhatMovedBackAndItsSubjectSaysIt() {
        Object rolledBack = JSON.convertValue(List.of(
                JSON.createObjectNode().put("service", "APPSTREAM").put("image", "Base-2026-10-13").put("from", "Base-2026-11-10")
                        .put("outcome", "ROLLED_BACK").set("moved", JSON.createArrayNode()
                                .add(JSON.createObjectNode().put("target", "Base-Prod").put("previous", "Base-2026-11-10")
                                        .put("image", "Base-2026-10-13").put("moved", true).put("note", "sessions"))
                                .add(JSON.createObjectNode().put("target", "Base-Prod-2").put("previous", "Base-2026-10-13")
                                        .put("image", "Base-2026-10-13").put("moved", false).put("note", "sessions")))), Object.class);

        RunReport report = reporter.report(new ReportRequest("rollback-1", EXECUTION_ARN + "rollback-1", "2026-11-12", List.of(),
                List.of(), null, "monthly-2026-11", rolledBack, null, false, null));

        assertEquals("euc-image-updater: 1 moved back, 1 already back (rollback of monthly-2026-11)", report.subject());
        assertTrue(report.message().startsWith("euc-image-updater run rollback-1 on 2026-11-12\n\n"
                + "Rollback of run monthly-2026-11: 1 fleet or bundle moved back, 1 already back.\n\n"
                + "ROLLED_BACK APPSTREAM  Base-2026-11-10 -> Base-2026-10-13\n"), report.message());
        assertTrue(!report.message().contains("0 updated"), report.message());
    }

    @Test
    void aRollbackWithAFailedMoveBackSaysSoFirst() {
        Object rolledBack = JSON.convertValue(List.of(
                JSON.createObjectNode().put("service", "WORKSPACES").put("image", "wsi-3c3c3c3c3").put("from", "wsi-4d4d4d4d4")
                        .put("outcome", "FAILED")
                        .set("error", JSON.createObjectNode().put("Error", "States.Timeout").put("Cause", "late"))), Object.class);

        RunReport report = reporter.report(new ReportRequest("rollback-1", EXECUTION_ARN + "rollback-1", "2026-11-12", List.of(),
                List.of(), null, "monthly-2026-11", rolledBack, null, false, null));

        assertEquals("euc-image-updater: 1 move back failed; 0 moved back (rollback of monthly-2026-11)", report.subject());
        assertTrue(report.message().contains("Rollback of run monthly-2026-11: 0 fleets and bundles moved back, 1 move back failed.\n"),
                report.message());
    }

    @Test
    void aReportOnlyRollbackSaysWhatWouldMoveBackWhereAndFromWhatAndGivesTheCommandForReal() throws Exception {
        Object wouldRollBack = JsonValues.parse("""
                [{"service": "APPSTREAM", "account": "123456789012", "region": "eu-west-1", "image": "Base-2026-10-13",
                  "from": "Base-2026-11-10", "targets": ["Base-Prod", "Base-Prod-2"], "outcome": "WOULD_ROLL_BACK",
                  "current": {"Base-Prod": "Base-2026-11-10", "Base-Prod-2": "Base-2026-10-13"}}]""");

        RunReport report = reporter.report(new ReportRequest("rollback-1", EXECUTION_ARN + "rollback-1", "2026-11-12", List.of(),
                List.of(), null, "monthly-2026-11", wouldRollBack, null, true, null));

        assertEquals("euc-image-updater (report only): 1 would move back, 1 already back (rollback of monthly-2026-11)", report.subject());
        assertTrue(report.message().startsWith("euc-image-updater run rollback-1 on 2026-11-12\n\n"
                + "Rollback of run monthly-2026-11, report only: nothing was moved; 1 fleet or bundle would move back, 1 already back.\n\n"
                + "WOULD_ROLL_BACK APPSTREAM  Base-2026-11-10 -> Base-2026-10-13 (account 123456789012, eu-west-1)\n"
                + "           Base-Prod: would move back (it uses Base-2026-11-10 now)\n"
                + "           Base-Prod-2: already on Base-2026-10-13, would not move\n"
                + "To move them back for real: the same input without dryRun, {\"rollback\": \"monthly-2026-11\"}:\n"
                + "  aws stepfunctions start-execution --region us-east-1 --state-machine-arn"
                + " 'arn:aws:states:us-east-1:123456789012:stateMachine:EucImageUpdater-Workflow'"
                + " --input '{\"rollback\": \"monthly-2026-11\"}'\n"),
                report.message());
        assertTrue(!report.message().contains("ROLLED_BACK") && !report.message().contains("moved back,"), report.message());
        assertEquals("SUCCEEDED", report.messageAttributes().get("status").StringValue());
        assertEquals(0, report.counts().failed());
    }
}
