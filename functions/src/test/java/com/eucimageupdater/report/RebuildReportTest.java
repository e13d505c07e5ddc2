package com.eucimageupdater.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The mail's WorkSpaces rebuilds, from fixtures of the rebuild step's per-bundle result as the report's input carries them. */
class RebuildReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXECUTION = "arn:aws:states:eu-west-1:111122223333:execution:euc-image-updater:monthly-2026-12";

    /**
     * A production roll-out of wsi-new onto bundle wsb-0a1b2c3d4, with the bundle to rebuild and the item's rebuild settings as
     * the plan gives them (rollout.rebuilds); each test adds the rebuild step's results (rollout.rebuilt).
     */
    private static final String ROLLOUT = """
            {"production": [{"service": "WORKSPACES", "account": "111122223333", "region": "eu-west-1", "newImage": "wsi-new",
               "newImageName": "finance-2026-12-08", "targets": ["wsb-0a1b2c3d4"]}],
             "rebuilds": [{"service": "WORKSPACES", "account": "111122223333", "region": "eu-west-1", "bundle": "wsb-0a1b2c3d4",
               "image": "wsi-new", "from": "wsi-old", "mode": "ROLLOUT", "settings": {"canary": 2, "batchSize": 25, "maxFailures": 3,
               "waveTimeoutMinutes": 120, "window": {"days": ["SAT", "SUN"], "start": "22:00", "hours": 6}}}],
             "approval": {"decision": "approved"},
             "results": [{"service": "WORKSPACES", "account": "111122223333", "region": "eu-west-1", "newImageName": "finance-2026-12-08",
               "outcome": "ROLLED_OUT", "moved": [{"target": "wsb-0a1b2c3d4", "moved": true, "previous": "wsi-old",
               "note": "UpdateWorkspaceBundle: now wsi-new"}]}],
             "rebuilt": %s}""";

    private static final String REBUILT = """
            {"service": "WORKSPACES", "account": "111122223333", "region": "eu-west-1", "bundle": "wsb-0a1b2c3d4",
             "image": "wsi-new", "from": "wsi-old", "mode": "ROLLOUT", "outcome": "REBUILT", "workspaces": 40,
             "rebuilt": 30, "rebuiltIds": ["ws-000000001", "ws-000000002"], "alreadyRebuilt": 2,
             "failed": [{"workspaceId": "ws-00000000f", "state": "ERROR", "reason": "RebuildWorkspaces ended ERROR"}],
             "skipped": [{"reason": "USER_CONNECTED", "count": 3, "workspaceIds": ["ws-00000000a", "ws-00000000b", "ws-00000000c"]},
                         {"reason": "SNAPSHOT_OLDER_THAN_LAST_CONNECTION", "count": 1, "workspaceIds": ["ws-00000000d"]},
                         {"reason": "NOT_AVAILABLE", "state": "ERROR", "count": 1, "workspaceIds": ["ws-00000000e"]},
                         {"reason": "ADMIN_MAINTENANCE", "count": 1, "workspaceIds": ["ws-00000000g"]}],
             "stillOnOldImage": 8, "waves": 3}""";

    private static RunReport report(String rollout, String rebuilt, boolean dryRun, String timeZone) throws Exception {
        return new RunReporter().report(JSON.readValue("""
                {"executionName": "monthly-2026-12", "executionId": "%s", "runDate": "2026-12-08", "problems": [], "builds": [],
                 "rollout": %s, "dryRun": %s, "timeZone": %s}""".formatted(EXECUTION, rollout.formatted(rebuilt), dryRun,
                timeZone == null ? "null" : "\"" + timeZone + "\""), ReportRequest.class));
    }

    private static RunReport rollback(String rebuilt) throws Exception {
        return new RunReporter().report(JSON.readValue("""
                {"executionName": "rollback-1", "executionId": "%s", "runDate": "2026-12-09", "problems": [], "builds": [],
                 "rollback": "monthly-2026-12", "rolledBack": [{"service": "WORKSPACES", "account": "111122223333", "region": "eu-west-1",
                   "image": "wsi-old", "from": "wsi-new", "outcome": "ROLLED_BACK", "moved": [{"target": "wsb-0a1b2c3d4", "moved": true,
                   "previous": "wsi-new", "note": "UpdateWorkspaceBundle: now wsi-old"}]}],
                 "dryRun": false, "rebuilt": %s}""".formatted(EXECUTION, rebuilt), ReportRequest.class));
    }

    @Test
    void eachBundleSaysWhatWasRebuiltSkippedByReasonFailedAndStillOnTheOldImage() throws Exception {
        String body = report(ROLLOUT, "[" + REBUILT + "]", false, "Europe/Paris").message();

        assertTrue(body.contains("""
                WorkSpaces rebuilt onto their bundle's new image, in waves (as AWS answered in this run):
                REBUILT       wsb-0a1b2c3d4 -> wsi-new (from wsi-old; account 111122223333, eu-west-1)
                           40 WorkSpaces on the bundle: 30 rebuilt in 3 waves, 2 already rebuilt onto wsi-new by an earlier run, 8 still \
                on the old image
                           rebuilt: 30 (ws-000000001, ws-000000002 and 28 more)
                           skipped, its user connected: 3 (ws-00000000a, ws-00000000b, ws-00000000c)
                           skipped, its latest snapshot older than its user's last connection (a rebuild would lose what the user wrote \
                since): 1 (ws-00000000d)
                           skipped, neither AVAILABLE nor STOPPED (ERROR): 1 (ws-00000000e)
                           skipped, in ADMIN_MAINTENANCE: 1 (ws-00000000g)
                           failed: ws-00000000f ERROR: RebuildWorkspaces ended ERROR
                """), body);
    }

    @Test
    void theMailSaysTheWavesWaitForTheItemsWindowInTheSchedulesTimeZone() throws Exception {
        assertTrue(report(ROLLOUT, "[" + REBUILT + "]", false, "Europe/Paris").message().contains("""
                           waves start only inside the window SAT, SUN from 22:00 for 6 h (Europe/Paris); the run waits for it, and its \
                mail comes after the last wave
                """));
        assertTrue(report(ROLLOUT, "[" + REBUILT + "]", false, null).message().contains("from 22:00 for 6 h (UTC)"),
                "no schedule time zone: UTC");
    }

    @Test
    void aFailedRebuildFailsTheRunAfterTheMailAndTheSubjectSaysSo() throws Exception {
        RunReport report = report(ROLLOUT, "[" + REBUILT + "]", false, null);

        assertEquals("SOME_FAILED", report.messageAttributes().get("status").StringValue());
        assertEquals(1, report.counts().failed());
        assertEquals("euc-image-updater: 1 bundle's rebuild failed or stopped; rolled out to production (approved)", report.subject(),
                "what failed first; the counts give way to SNS's 100 characters");
    }

    @Test
    void aBundleRebuiltWithNothingFailedLeavesTheRunSucceeded() throws Exception {
        String clean = REBUILT.replaceFirst("\"failed\": \\[[^]]*]", "\"failed\": []");

        RunReport report = report(ROLLOUT, "[" + clean + "]", false, null);

        assertEquals("SUCCEEDED", report.messageAttributes().get("status").StringValue(), report.message());
        assertFalse(report.message().contains("failed: "), report.message());
        assertEquals("euc-image-updater: rolled out to production (approved); 30 WorkSpaces rebuilt", report.subject());
    }

    @Test
    void aFailedCanaryStoppingTheRestSaysWhyAndHowManyAreStillOnTheOldImage() throws Exception {
        String stopped = """
                {"account": "111122223333", "region": "eu-west-1", "bundle": "wsb-0a1b2c3d4", "image": "wsi-new", "from": "wsi-old",
                 "mode": "ROLLOUT", "outcome": "STOPPED", "workspaces": 40, "rebuilt": 1, "rebuiltIds": ["ws-000000001"],
                 "failed": [{"workspaceId": "ws-000000002", "state": "ERROR", "reason": "the canary ended ERROR"}],
                 "stillOnOldImage": 39, "waves": 1, "stoppedBecause": "the canary ws-000000002 ended ERROR"}""";

        RunReport report = report(ROLLOUT, "[" + stopped + "]", false, null);

        assertTrue(report.message().contains("""
                STOPPED       wsb-0a1b2c3d4 -> wsi-new (from wsi-old; account 111122223333, eu-west-1)
                           40 WorkSpaces on the bundle: 1 rebuilt in 1 wave, 39 still on the old image
                           rebuilt: 1 (ws-000000001)
                           failed: ws-000000002 ERROR: the canary ended ERROR
                           stopped, no more waves: the canary ws-000000002 ended ERROR
                """), report.message());
        assertEquals("SOME_FAILED", report.messageAttributes().get("status").StringValue());
    }

    @Test
    void moreFailuresThanTheStepListsAreCountedInFull() throws Exception {
        String stopped = """
                {"account": "111122223333", "region": "eu-west-1", "bundle": "wsb-0a1b2c3d4", "image": "wsi-new", "from": "wsi-old",
                 "mode": "ROLLOUT", "outcome": "STOPPED", "workspaces": 100, "rebuilt": 50, "waves": 3, "stillOnOldImage": 50,
                 "failed": [{"workspaceId": "ws-000000002", "state": "ERROR"}], "failedCount": 4,
                 "stoppedBecause": "4 failed rebuilds, more than maxFailures 3"}""";

        String body = report(ROLLOUT, "[" + stopped + "]", false, null).message();

        assertTrue(body.contains("""
                           failed: 4, the first 1 below
                           failed: ws-000000002 ERROR
                           stopped, no more waves: 4 failed rebuilds, more than maxFailures 3
                """), body);
    }

    @Test
    void aBundleRefusedForTheHistoryBudgetSaysNothingWasRebuiltAndWhy() throws Exception {
        String refused = """
                {"account": "111122223333", "region": "eu-west-1", "bundle": "wsb-0a1b2c3d4", "image": "wsi-new", "from": "wsi-old",
                 "mode": "ROLLOUT", "outcome": "REFUSED", "workspaces": 2000, "stillOnOldImage": 2000,
                 "stoppedBecause": "2000 WorkSpaces in waves of 5 would pass the execution's 25,000 history events: batchSize 19 fits"}""";

        RunReport report = report(ROLLOUT, "[" + refused + "]", false, null);

        assertTrue(report.message().contains("""
                REFUSED       wsb-0a1b2c3d4 -> wsi-new (from wsi-old; account 111122223333, eu-west-1)
                           refused, nothing rebuilt: 2000 WorkSpaces in waves of 5 would pass the execution's 25,000 history events: \
                batchSize 19 fits
                """), report.message());
        assertEquals("SOME_FAILED", report.messageAttributes().get("status").StringValue());
        assertFalse(report.message().contains("\"rebuild\": true"), "nothing rebuilt, nothing to rebuild back");
    }

    @Test
    void aRebuildStepThatFailedGivesItsErrorsReason() throws Exception {
        String failed = """
                {"account": "111122223333", "region": "eu-west-1", "bundle": "wsb-0a1b2c3d4", "image": "wsi-new", "from": "wsi-old",
                 "outcome": "FAILED", "error": {"Error": "com.eucimageupdater.model.ImageUpdateException",
                   "Cause": "{\\"errorMessage\\": \\"DescribeWorkspaces: AccessDenied\\"}"}}""";

        String body = report(ROLLOUT, "[" + failed + "]", false, null).message();

        assertTrue(body.contains("FAILED        wsb-0a1b2c3d4 -> wsi-new (from wsi-old; account 111122223333, eu-west-1)\n"
                + "           the rebuild step failed: DescribeWorkspaces: AccessDenied\n"), body);
    }

    @Test
    void aRunThatRebuiltWorkSpacesOffersTheRollbackThatRebuildsThemBack() throws Exception {
        String body = report(ROLLOUT, "[" + REBUILT + "]", false, null).message();

        assertTrue(body.contains("To move everything back: start the state machine with {\"rollback\": \"monthly-2026-12\"}:"), body);
        assertTrue(body.contains("""
                To move everything back and rebuild these WorkSpaces back onto their bundle's image before (the same rules, waves and \
                window): start the state machine with {"rollback": "monthly-2026-12", "rebuild": true}:
                  aws stepfunctions start-execution --region eu-west-1 --state-machine-arn \
                'arn:aws:states:eu-west-1:111122223333:stateMachine:euc-image-updater' --input '{"rollback": "monthly-2026-12", \
                "rebuild": true}'
                In Windows PowerShell (in cmd.exe, without --%):
                  aws --% stepfunctions start-execution --region eu-west-1 --state-machine-arn \
                "arn:aws:states:eu-west-1:111122223333:stateMachine:euc-image-updater" --input \
                "{\\"rollback\\": \\"monthly-2026-12\\", \\"rebuild\\": true}"
                """), body);
    }

    @Test
    void aReportOnlyRunListsWhatWouldBeRebuiltAndSkippedNowAndOffersNoRollback() throws Exception {
        String wouldRebuild = """
                {"account": "111122223333", "region": "eu-west-1", "bundle": "wsb-0a1b2c3d4", "image": "wsi-new", "from": "wsi-old",
                 "mode": "ROLLOUT", "outcome": "WOULD_REBUILD", "workspaces": 5, "rebuilt": 0, "wouldRebuild": 3,
                 "wouldRebuildIds": ["ws-000000001", "ws-000000002", "ws-000000003"], "alreadyRebuilt": 1,
                 "skipped": [{"reason": "USER_CONNECTED", "count": 1, "workspaceIds": ["ws-00000000a"]}], "stillOnOldImage": 4}""";

        RunReport report = report(ROLLOUT, "[" + wouldRebuild + "]", true, null);

        assertTrue(report.message().contains("""
                WorkSpaces that would be rebuilt now (report only: nothing was rebuilt; the rules applied to what AWS answered now):
                WOULD_REBUILD wsb-0a1b2c3d4 -> wsi-new (from wsi-old; account 111122223333, eu-west-1)
                           5 WorkSpaces on the bundle: 3 would be rebuilt now, 1 already rebuilt onto wsi-new by an earlier run
                           would rebuild: 3 (ws-000000001, ws-000000002, ws-000000003)
                           skipped now, its user connected: 1 (ws-00000000a)
                """), report.message());
        assertFalse(report.message().contains("\"rebuild\": true"), report.message());
        assertEquals("SUCCEEDED", report.messageAttributes().get("status").StringValue());
        assertEquals("euc-image-updater (report only): 0 would update, 0 up to date; 3 WorkSpaces would be rebuilt", report.subject());
    }

    @Test
    void aRollbacksMailSaysWhatWasRebuiltBackOntoWhichImage() throws Exception {
        String rebuiltBack = """
                {"account": "111122223333", "region": "eu-west-1", "bundle": "wsb-0a1b2c3d4", "image": "wsi-old", "from": "wsi-new",
                 "mode": "ROLLBACK", "outcome": "REBUILT", "workspaces": 32, "rebuilt": 31, "rebuiltIds": ["ws-000000001"],
                 "skipped": [{"reason": "USER_CONNECTED", "count": 1, "workspaceIds": ["ws-00000000a"]}],
                 "stillOnOldImage": 1, "waves": 2}""";

        RunReport report = rollback("[" + rebuiltBack + "]");

        assertTrue(report.message().contains("""
                WorkSpaces rebuilt back onto their bundle's image before the rolled-back run (as AWS answered in this run):
                REBUILT       wsb-0a1b2c3d4 -> wsi-old (from wsi-new; account 111122223333, eu-west-1)
                           32 WorkSpaces on the bundle: 31 rebuilt back in 2 waves, 1 still on wsi-new
                           rebuilt: 31 (ws-000000001 and 30 more)
                           skipped, its user connected: 1 (ws-00000000a)
                """), report.message());
        assertFalse(report.message().contains("\"rebuild\": true"), "a rollback's own mail offers no second rollback");
        assertEquals("euc-image-updater: 1 moved back, 31 WorkSpaces rebuilt back (rollback of monthly-2026-12)", report.subject());
        assertEquals("SUCCEEDED", report.messageAttributes().get("status").StringValue());
    }

    @Test
    void aRollbackWhoseRebuildStoppedSaysSoInItsSubject() throws Exception {
        String stopped = """
                {"account": "111122223333", "region": "eu-west-1", "bundle": "wsb-0a1b2c3d4", "image": "wsi-old", "from": "wsi-new",
                 "mode": "ROLLBACK", "outcome": "STOPPED", "workspaces": 10, "rebuilt": 0, "stillOnOldImage": 10, "waves": 1,
                 "failed": [{"workspaceId": "ws-000000001", "state": "UNHEALTHY"}],
                 "stoppedBecause": "the canary ws-000000001 ended UNHEALTHY"}""";

        RunReport report = rollback("[" + stopped + "]");

        assertTrue(report.subject().startsWith("euc-image-updater: 1 bundle's rebuild failed or stopped; 1 moved back"), report.subject());
        assertTrue(report.message().contains("failed: ws-000000001 UNHEALTHY\n"), report.message());
    }

    @Test
    void aRunWithoutRebuildsHasNoRebuildSection() throws Exception {
        String body = report(ROLLOUT, "[]", false, null).message();

        assertFalse(body.contains("WorkSpaces rebuilt"), body);
        assertFalse(body.contains("\"rebuild\": true"), body);
    }
}
