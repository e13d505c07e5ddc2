package com.eucimageupdater.local;

import static com.eucimageupdater.local.RolloutEndToEndTest.NEW_BASE;
import static com.eucimageupdater.local.RolloutEndToEndTest.ROLLOUT_RUN;
import static com.eucimageupdater.local.RolloutEndToEndTest.TODAY;
import static com.eucimageupdater.local.RolloutEndToEndTest.answering;
import static com.eucimageupdater.local.RolloutEndToEndTest.deleted;
import static com.eucimageupdater.local.RolloutEndToEndTest.lastMail;
import static com.eucimageupdater.local.RolloutEndToEndTest.lastSubject;
import static com.eucimageupdater.local.RolloutEndToEndTest.moves;
import static com.eucimageupdater.local.RolloutEndToEndTest.rollBack;
import static com.eucimageupdater.local.RolloutEndToEndTest.rolledOut;
import static com.eucimageupdater.local.RolloutEndToEndTest.rolloutAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.simulator.Scenario;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A step that AWS refuses for good, at each place an image's or a roll-out's way can end: the mail names what failed
 * and AWS's reason, says no more than what happened, and the other images go on. The roll-out account
 * (simulator/scenarios/rollout.json) answers the refusal.
 */
class FailedStepEndToEndTest {
    private static final String REFUSAL = "OperationNotPermittedException: Simulated refusal";

    /** The roll-out account, where AWS refuses {@code operation} whenever its request names {@code mentioning} (any, when null). */
    private static String refusing(String operation, String mentioning) throws Exception {
        return rolloutAccount().replaceFirst("\\{", """
                {"errors": [{"operation": "%s", %s"type": "OperationNotPermittedException", "message": "Simulated refusal"}],"""
                .formatted(operation, mentioning == null ? "" : "\"image\": \"" + mentioning + "\", "));
    }

    private static String withApproval(String approval) {
        return ROLLOUT_RUN.replace("\"approval\": \"required\"", approval);
    }

    /** {@code input} on the roll-out account refusing {@code operation}, the approval answered yes when asked. */
    private static SimulatedRun runRefusing(String operation, String mentioning, String input) throws Exception {
        return SimulatedRun.of(refusing(operation, mentioning), input, answering(LocalApproval.YES));
    }

    /** The run's last mail, once the run failed as one does when an image or a roll-out failed. */
    private static String mailOfFailedRun(SimulatedRun run) {
        assertEquals("ImageUpdatesFailed", run.result.error(), run.result::toString);
        return lastMail(run.aws());
    }

    @Test
    @DisplayName("a poll AWS refuses fails the image with AWS's reason, naming no new image and no state")
    void refusedPoll() throws Exception {
        try (SimulatedRun run = runRefusing("DescribeImages", NEW_BASE, ROLLOUT_RUN)) {
            String mail = mailOfFailedRun(run);
            assertTrue(mail.contains("FAILED     APPSTREAM  Base-Win2022-2026-10-13\n           reason: DescribeImages " + NEW_BASE), mail);
            assertTrue(mail.contains(REFUSAL), mail);
            assertTrue(mail.contains("ROLLED_OUT WORKSPACES ws-win10-base-" + TODAY), mail);
        }
    }

    @Test
    @DisplayName("a staging move AWS refuses fails the image, built and AVAILABLE, with AWS's reason; it goes no further")
    void refusedStagingMove() throws Exception {
        try (SimulatedRun run = runRefusing("UpdateFleet", "staging-win2022", ROLLOUT_RUN)) {
            String mail = mailOfFailedRun(run);
            assertTrue(mail.contains("FAILED     APPSTREAM  Base-Win2022-2026-10-13 -> " + NEW_BASE + " [AVAILABLE]\n"
                    + "           reason: UpdateFleet staging-win2022 to \"" + NEW_BASE + "\" failed: " + REFUSAL), mail);
            assertTrue(moves(run.aws()).stream().noneMatch(move -> move.startsWith("prod-win2022")), moves(run.aws())::toString);
            assertEquals("euc-image-updater: 1 image failed; rolled out to production (approved); 1 updated, 0 up to date",
                    lastSubject(run.aws()));
        }
    }

    @Test
    @DisplayName("a report-only run whose retention preview AWS refuses reports that image FAILED with the reason, the other as it"
            + " would update")
    void refusedRetentionPreview() throws Exception {
        try (SimulatedRun run = runRefusing("DescribeImageBuilders", null, withApproval("\"dryRun\": true"))) {
            String mail = mailOfFailedRun(run);
            assertTrue(mail.contains("FAILED     APPSTREAM  Base-Win2022-2026-10-13\n           reason: DescribeImageBuilders failed: "
                    + REFUSAL), mail);
            assertTrue(mail.contains("WOULD_UPDATE WORKSPACES wsi-4d4d4d4d4 (ws-win10-base-2026-10-13) -> ws-win10-base-" + TODAY), mail);
        }
    }

    @Test
    @DisplayName("a production move AWS refuses fails that roll-out with AWS's reason; the other image rolls out and retires its lineage")
    void refusedProductionMove() throws Exception {
        try (SimulatedRun run = runRefusing("UpdateFleet", "prod-win2022-a", ROLLOUT_RUN)) {
            String mail = mailOfFailedRun(run);
            assertTrue(mail.contains("FAILED     APPSTREAM  " + NEW_BASE + " (account 123456789012, us-east-1)\n"
                    + "           reason: UpdateFleet prod-win2022-a to \"" + NEW_BASE + "\" failed: " + REFUSAL), mail);
            assertTrue(mail.contains("ROLLED_OUT WORKSPACES ws-win10-base-" + TODAY + " (account 123456789012, us-east-1)\n"), mail);
            assertEquals(List.of("wsi-2b2b2b2b2"), deleted(run.aws()), "only the lineage rolled out is retired");
            assertEquals("euc-image-updater: 1 production roll-out failed; 1 of 2 rolled out to production (approved)",
                    lastSubject(run.aws()));
        }
    }

    @Test
    @DisplayName("a retention AWS refuses after a roll-out reports the roll-out done, with the retention's reason, deleting nothing more")
    void refusedRetention() throws Exception {
        try (SimulatedRun run = runRefusing("DescribeImageBuilders", null, withApproval("\"approval\": \"none\""))) {
            assertTrue(run.result.succeeded(), run.result::toString);
            String mail = lastMail(run.aws());
            assertTrue(mail.contains("ROLLED_OUT APPSTREAM  " + NEW_BASE + " (account 123456789012, us-east-1)\n"), mail);
            assertTrue(mail.contains("retention failed, nothing more deleted: DescribeImageBuilders failed: " + REFUSAL), mail);
            assertEquals(List.of("wsi-2b2b2b2b2"), deleted(run.aws()));
            assertEquals("euc-image-updater: rolled out to production; 2 updated, 0 up to date", lastSubject(run.aws()));
        }
    }

    @Test
    @DisplayName("a move back AWS refuses is reported FAILED with AWS's reason, the other moves back go on, and the rollback fails")
    void refusedMoveBack() throws Exception {
        try (SimulatedAccount account = new SimulatedAccount(Scenario.fromJson(refusing("UpdateFleet", "Base-Win2022-2026-09-08")))) {
            String execution = rolledOut(account);

            ExecutionResult rollback = rollBack(account, execution);

            assertEquals("ImageUpdatesFailed", rollback.error());
            String mail = lastMail(account.simulator());
            assertTrue(mail.contains("FAILED      APPSTREAM  " + NEW_BASE + " -> Base-Win2022-2026-09-08\n           reason: UpdateFleet"),
                    mail);
            assertTrue(mail.contains("to \"Base-Win2022-2026-09-08\" failed: " + REFUSAL), mail);
            assertTrue(mail.contains("ROLLED_BACK APPSTREAM  " + NEW_BASE + " -> Base-Win2022-2026-10-13\n"), mail);
            assertTrue(mail.contains("ROLLED_BACK WORKSPACES "), mail);
        }
    }
}
