package com.eucimageupdater.local;

import static com.eucimageupdater.local.RolloutEndToEndTest.ROLLOUT_RUN;
import static com.eucimageupdater.local.RolloutEndToEndTest.deleted;
import static com.eucimageupdater.local.RolloutEndToEndTest.rolloutAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.plan.DeploymentSettings;
import com.eucimageupdater.plan.RolloutDefaults;
import com.eucimageupdater.simulator.AwsSimulator;
import com.eucimageupdater.simulator.PublishedMessage;
import com.eucimageupdater.simulator.RecordedCall;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The approval through the real ASL on the simulator's roll-out account (simulator/scenarios/rollout.json): the mail is
 * enough to decide on, nobody to mail ends the run at once, and the summary says who answered.
 */
class ApprovalEndToEndTest {
    /** The roll-out account's confirmed e-mail subscriber, as the scenario seeds it. */
    private static final String SUBSCRIBER = "\"endpoint\": \"euc-admins@example.com\"}";

    private static SimulatedRun run(String scenario, LocalApproval approval, String timeZone) throws Exception {
        return SimulatedRun.of(scenario, ROLLOUT_RUN, new LocalWorkflow.Settings(
                new DeploymentSettings("[]", 900, 480, 5, timeZone, 1, RolloutDefaults.DEFAULTS), 1L, 1L, approval));
    }

    private static List<String> productionMoves(AwsSimulator aws) {
        return aws.calls().stream().filter(RecordedCall::succeeded)
                .filter(call -> call.operation().equals("UpdateFleet") || call.operation().equals("UpdateWorkspaceBundle"))
                .map(call -> call.request().path("Name").asText(call.request().path("BundleId").asText()))
                .filter(target -> !target.startsWith("staging")).toList();
    }

    @Test
    @DisplayName("the approval mail says what each update brings, what staging used before, what production uses now and gets,"
            + " what approving deletes and the deadline, and that the command line answers it, without links")
    void theApprovalMailIsEnoughToDecide() throws Exception {
        try (SimulatedRun run = run(rolloutAccount(), LocalApproval.YES, "Europe/Paris")) {
            AwsSimulator aws = run.aws();
            assertTrue(run.result.succeeded(), run.result::toString);
            String mail = aws.publishedMessages().get(0).message();
            String newWorkSpacesImage = run.resultFor("wsi-4d4d4d4d4").path("newImage").asText();
            // The run's date, and so the new names, is reckoned in the schedule's time zone: a day ahead of UTC late at night.
            String today = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
            String newBase = "Base-Win2022-" + today;
            assertTrue(mail.contains("""
                      APPSTREAM Base-Win2022-2026-10-13 -> %s (account 123456789012, us-east-1)
                        update: updates available (CreateUpdatedImage dry run: canUpdateImage true); platform WINDOWS_SERVER_2022;\
                     agent 1.1.1262 (not the latest); "Monthly update of Base-Win2022-2026-09-08"
                        staged: staging-win2022 (was Base-Win2022-2026-10-13): sessions in progress are not interrupted;\
                     instances are replaced as their sessions end
                        validated: fleet staging-win2022: DescribeFleets: RUNNING on %s, no FleetErrors, 1 available\
                     (1 of 1 instances running)
                      WORKSPACES ws-win10-base-2026-10-13 (wsi-4d4d4d4d4) -> ws-win10-base-%s (%s) (account 123456789012, us-east-1)
                        update: Windows 10 drivers and agent updates
                    """.formatted(newBase, newBase, today, newWorkSpacesImage)), mail);
            assertTrue(mail.contains("""
                    Production, once approved:
                      %s (account 123456789012, us-east-1):
                        fleet prod-win2022-a, now on Base-Win2022-2026-09-08
                        fleet prod-win2022-b, now on Base-Win2022-2026-09-08
                        deletes Base-Win2022-2026-08-11 (older than the newest 3)
                      ws-win10-base-%s (%s) (account 123456789012, us-east-1):
                        bundle wsb-0a1b2c3d4, now on wsi-3c3c3c3c3
                        deletes ws-win10-base-2026-08-11 (older than the newest 2)
                    """.formatted(newBase, today, newWorkSpacesImage)), mail);
            assertEquals(List.of("Base-Win2022-2026-08-11", "wsi-2b2b2b2b2"), deleted(aws).stream().sorted().toList(),
                    "approving deleted what the mail said");
            Matcher deadline = Pattern.compile("Answer before (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}) Europe/Paris \\(72 h after this mail\\)")
                    .matcher(mail);
            assertTrue(deadline.find(), mail);
            Instant due = LocalDateTime.parse(deadline.group(1).replace(' ', 'T')).atZone(ZoneId.of("Europe/Paris")).toInstant();
            assertTrue(Duration.between(Instant.now().plus(Duration.ofHours(72)), due).abs().toMinutes() < 10, due::toString);
            assertTrue(mail.contains("answered from the command line by ./run-local --approve yes, so this mail has no links"), mail);
            assertFalse(mail.contains("https://") || mail.contains("send-task-success") || mail.contains("local-task-token"), mail);
        }
    }

    @Test
    @DisplayName("an approval needed while the topic has only a pending subscriber ends the run at once: no approval mail, production"
            + " unchanged, the reason in the summary, and the execution fails")
    void noConfirmedSubscriberFailsAtOnce() throws Exception {
        String pendingOnly = rolloutAccount().replace(SUBSCRIBER, SUBSCRIBER.replace("}", ", \"confirmed\": false}"));
        assertFalse(pendingOnly.equals(rolloutAccount()), "the scenario's subscriber is now pending");
        try (SimulatedRun run = run(pendingOnly, LocalApproval.YES, "UTC")) {
            AwsSimulator aws = run.aws();
            assertFalse(run.result.succeeded(), run.result::toString);
            assertEquals("NoConfirmedSubscriber", run.result.error());
            List<PublishedMessage> mails = aws.publishedMessages();
            assertEquals(1, mails.size(), "only the summary: no approval mail");
            assertTrue(mails.get(0).message().contains("Production: unchanged, nothing rolled out: the approval was not asked, no confirmed"
                    + " subscriber on arn:aws:sns:us-east-1:123456789012:euc-image-updater (1 pending confirmation), so nobody would get"
                    + " the approval mail: confirm the subscription mail (its link), or set notificationEmails in cdk.json and deploy."),
                    mails.get(0).message());
            assertEquals(List.of(), productionMoves(aws), "--approve yes was never asked: production is unchanged");
            assertEquals(List.of(), deleted(aws));
            assertEquals(1, aws.callsTo("ListSubscriptionsByTopic").size());
            assertEquals(List.of(), aws.modelViolations());
        }
    }

    @Test
    @DisplayName("the summary names who answered: an approval and a rejection from the command line, with the time in the schedule's zone")
    void theSummaryNamesWhoAnswered() throws Exception {
        try (SimulatedRun approved = run(rolloutAccount(), LocalApproval.YES, "Europe/Paris");
             SimulatedRun rejected = run(rolloutAccount(), LocalApproval.NO, "Europe/Paris")) {
            String approvedSummary = approved.aws().publishedMessages().get(1).message();
            String rejectedSummary = rejected.aws().publishedMessages().get(1).message();

            assertTrue(Pattern.compile("\nApproval: approved from the command line by \\./run-local --approve yes at"
                    + " \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} Europe/Paris\n").matcher(approvedSummary).find(), approvedSummary);
            assertTrue(rejectedSummary.contains("\nApproval: rejected from the command line by ./run-local --approve no at "),
                    rejectedSummary);
            assertEquals(List.of(), productionMoves(rejected.aws()));
        }
    }
}
