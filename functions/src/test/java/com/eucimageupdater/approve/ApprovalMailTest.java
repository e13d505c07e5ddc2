package com.eucimageupdater.approve;

import com.eucimageupdater.lambda.JsonValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.model.Approval;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The approval mail: enough to decide on, the deadline in the schedule's time zone, and the answer as injected. */
class ApprovalMailTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXECUTION = "arn:aws:states:eu-west-1:123456789012:execution:EucImageUpdater-Workflow:monthly-2026-12";
    private static final Instant MAILED = Instant.parse("2026-12-09T05:14:30Z");
    private static final AnswerInstructions LINKS = answers -> answers.stream()
            .map(answer -> answer.decision().label() + "<" + answer.decision().parameter() + " " + answer.taskToken() + ">\n")
            .collect(Collectors.joining());

    private static ApprovalMailRequest request(String timeZone, String previews) throws Exception {
        return request(timeZone, previews, Approval.REQUIRED, 72);
    }

    private static ApprovalMailRequest request(String timeZone, String previews, Approval approval, int waitHours) throws Exception {
        return new ApprovalMailRequest("the-token", EXECUTION, "2026-12-09", waitHours * 3600, timeZone, JsonValues.parse("""
                [{"account": "123456789012", "region": "eu-west-1", "results": [
                   {"service": "APPSTREAM", "image": "Base-Win2022-2026-11-10", "outcome": "UPDATED", "newImage": "Base-Win2022-2026-12-09",
                    "state": "AVAILABLE", "update": "updates available (CreateUpdatedImage dry run: canUpdateImage true); agent 1.1.1262",
                    "details": "           staged: Base-Test (was Base-Win2022-2026-11-10): idle instances replaced at once\\n"},
                   {"service": "WORKSPACES", "image": "wsi-4d4d4d4d4", "sourceName": "ws-win10-base", "outcome": "ADOPTED",
                    "newImage": "wsi-7k2m9p4q1", "newImageName": "ws-win10-base-2026-12-09",
                    "update": "Windows 10 drivers and agent updates"},
                   {"service": "APPSTREAM", "image": "Office-Win2019", "outcome": "UP_TO_DATE",
                    "reason": "already has the latest updates"}]}]"""),
                JsonValues.parse("""
                [{"service": "APPSTREAM", "account": "123456789012", "region": "eu-west-1", "source": "Base-Win2022-2026-11-10",
                  "newImage": "Base-Win2022-2026-12-09", "newImageName": "Base-Win2022-2026-12-09",
                  "targets": ["Base-Prod-1", "Base-Prod-2"],
                  "lineage": "Base-Win2022", "keep": 3},
                 {"service": "WORKSPACES", "account": "123456789012", "region": "eu-west-1", "source": "wsi-4d4d4d4d4",
                  "newImage": "wsi-7k2m9p4q1", "newImageName": "ws-win10-base-2026-12-09", "targets": ["wsb-0a1b2c3d4"],
                  "lineage": "wsi-4d4d4d4d4", "keep": 0}]"""), JsonValues.parse(previews), approval);
    }

    private static final String PREVIEWS = """
            [{"decisions": [{"image": "Base-Win2022-2026-08-11", "name": "Base-Win2022-2026-08-11", "delete": true,
                             "reason": "older than the newest 3"}],
              "current": [{"target": "Base-Prod-1", "image": "Base-Win2022-2026-11-10"},
                          {"target": "Base-Prod-2", "image": "Base-Win2022-2026-10-13"}]},
             {"decisions": [], "current": [{"target": "wsb-0a1b2c3d4", "image": "wsi-3c3c3c3c3"}]}]""";

    @Test
    void theMailSaysWhatEachUpdateBringsWhatWasStagedWhatProductionUsesNowAndGetsAndWhatApprovingDeletes() throws Exception {
        String mail = ApprovalMail.write(request("Europe/Paris", PREVIEWS), LINKS, MAILED).message();

        assertTrue(mail.contains("""
                New images:
                  APPSTREAM Base-Win2022-2026-11-10 -> Base-Win2022-2026-12-09 (account 123456789012, eu-west-1)
                    update: updates available (CreateUpdatedImage dry run: canUpdateImage true); agent 1.1.1262
                    staged: Base-Test (was Base-Win2022-2026-11-10): idle instances replaced at once
                  WORKSPACES ws-win10-base (wsi-4d4d4d4d4) -> ws-win10-base-2026-12-09 (wsi-7k2m9p4q1) (account 123456789012, eu-west-1)
                    update: Windows 10 drivers and agent updates

                Production, once approved:
                  Base-Win2022-2026-12-09 (account 123456789012, eu-west-1):
                    fleet Base-Prod-1, now on Base-Win2022-2026-11-10
                    fleet Base-Prod-2, now on Base-Win2022-2026-10-13
                    deletes Base-Win2022-2026-08-11 (older than the newest 3)
                  ws-win10-base-2026-12-09 (wsi-7k2m9p4q1) (account 123456789012, eu-west-1):
                    bundle wsb-0a1b2c3d4, now on wsi-3c3c3c3c3
                    deletes nothing: retention is off (keep 0 keeps every image)
                """), mail);
        assertFalse(mail.contains("Office-Win2019"), "an image that is up to date has nothing to approve");
        assertTrue(mail.startsWith("euc-image-updater run monthly-2026-12 on 2026-12-09: the new images below are AVAILABLE (each lists"
                + " what was staged on it, if anything); production waits for your approval.\n"), "only the staged lines say what was"
                + " staged: the WorkSpaces image was staged nowhere");
    }

    @Test
    void theDeadlineIsADateAndTimeInTheSchedulesTimeZone() throws Exception {
        String paris = ApprovalMail.write(request("Europe/Paris", PREVIEWS), LINKS, MAILED).message();
        String utc = ApprovalMail.write(request(null, PREVIEWS), LINKS, MAILED).message();

        assertTrue(paris.contains("Answer before 2026-12-12 06:14 Europe/Paris (72 h after this mail): without an answer nothing"
                + " goes to production."), paris);
        assertTrue(utc.contains("Answer before 2026-12-12 05:14 UTC (72 h after this mail)"), utc);
    }

    @Test
    void howToAnswerIsWhatTheInstructionsSayAndTheRollbackCommandFollows() throws Exception {
        ApprovalMail.Mail mail = ApprovalMail.write(request("UTC", PREVIEWS), LINKS, MAILED);

        assertTrue(mail.message().contains("How to answer:\nApprove: <approve the-token>\nReject:  <reject the-token>\n\nTo undo the"
                + " roll-out later, start the state machine with {\"rollback\": \"monthly-2026-12\"}."), mail.message());
        assertEquals(2, mail.message().split("the-token", -1).length - 1, "the token is only where the instructions put it");
        assertEquals("euc-image-updater: approve the roll-out of run monthly-2026-12", mail.subject());
    }

    @Test
    void anAutoApprovalSaysWhenProductionRollsOutInTheSchedulesTimeZoneAndOffersOnlyTheReject() throws Exception {
        ApprovalMail.Mail mail = ApprovalMail.write(request("Europe/Paris", PREVIEWS, Approval.AUTO, 24), LINKS, MAILED);

        assertTrue(mail.message().startsWith("euc-image-updater run monthly-2026-12 on 2026-12-09: the new images below are AVAILABLE"
                + " (each lists what was staged on it, if anything); production rolls out automatically at 2026-12-10 06:14 Europe/Paris"
                + " (24 h after this mail) unless you reject it before then.\n"), mail.message());
        assertTrue(mail.message().contains("\nProduction, unless rejected:\n  Base-Win2022-2026-12-09"), mail.message());
        assertTrue(mail.message().contains("How to answer:\nReject:  <reject the-token>\n\nTo undo"), mail.message());
        assertFalse(mail.message().contains("approve"), "no approve answer is offered: " + mail.message());
        assertEquals("euc-image-updater: production rolls out unless rejected, run monthly-2026-12", mail.subject());
    }

    @Test
    void aPreviewThatFailedListsTheTargetsAndSaysWhatCouldNotBeRead() throws Exception {
        String mail = ApprovalMail.write(request("UTC", """
                [{"error": {"Error": "com.eucimageupdater.model.ImageUpdateException",
                            "Cause": "{\\"errorMessage\\": \\"AppStream fleet Base-Prod-2 does not exist\\"}"}},
                 {"decisions": [], "current": []}]"""), LINKS, MAILED).message();

        assertTrue(mail.contains("""
                    fleet Base-Prod-1
                    fleet Base-Prod-2
                    what they use now and what retention deletes could not be read: AppStream fleet Base-Prod-2 does not exist
                """), mail);
    }
}
