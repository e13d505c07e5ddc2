package com.eucimageupdater.local;

import static com.eucimageupdater.local.RolloutEndToEndTest.answering;
import static com.eucimageupdater.local.RolloutEndToEndTest.lastSubject;
import static com.eucimageupdater.local.RolloutEndToEndTest.rolloutAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.simulator.AwsSimulator;
import com.eucimageupdater.simulator.RecordedCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code "approval": "auto"} through the real ASL on the simulator's roll-out account: the mail says when production rolls out
 * and offers only the reject; no answer rolls production out when the soak ends, a reject leaves it as it was.
 */
class AutoPromotionEndToEndTest {
    private static final Path AUTO_RUN = Path.of("events", "auto-promotion-run.json");

    private static SimulatedRun run(LocalApproval approval) throws Exception {
        return SimulatedRun.of(rolloutAccount(), Files.readString(AUTO_RUN), answering(approval));
    }

    private static List<String> productionMoves(AwsSimulator aws) {
        return aws.calls().stream().filter(RecordedCall::succeeded)
                .filter(call -> call.operation().equals("UpdateFleet") || call.operation().equals("UpdateWorkspaceBundle"))
                .map(call -> call.request().path("Name").asText(call.request().path("BundleId").asText()))
                .filter(target -> !target.startsWith("staging")).sorted().toList();
    }

    @Test
    @DisplayName("auto, no answer: the mail says when production rolls out (24 h after it, in the schedule's zone) and offers no approve;"
            + " when the soak ends production rolls out and the summary says it went without a reject")
    void noRejectRollsProductionOutWhenTheSoakEnds() throws Exception {
        try (SimulatedRun run = run(LocalApproval.TIMEOUT)) {
            AwsSimulator aws = run.aws();
            assertTrue(run.result.succeeded(), run.result::toString);
            String mail = aws.publishedMessages().get(0).message();
            Matcher when = Pattern.compile("production rolls out automatically at (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}) UTC \\(24 h after"
                    + " this mail\\) unless you reject it before then\\.").matcher(mail);
            assertTrue(when.find(), mail);
            Instant due = LocalDateTime.parse(when.group(1).replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            assertTrue(Duration.between(Instant.now().plus(Duration.ofHours(24)), due).abs().toMinutes() < 10, due::toString);
            assertTrue(mail.contains("\nProduction, unless rejected:\n"), mail);
            assertFalse(mail.contains("Approve:") || mail.contains("send-task-success") || mail.contains("once approved"), mail);
            assertEquals("euc-image-updater: production rolls out unless rejected, run " + run.result.executionName(),
                    aws.publishedMessages().get(0).subject());

            assertEquals(List.of("prod-win2022-a", "prod-win2022-b", "wsb-0a1b2c3d4"), productionMoves(aws));
            String summary = aws.publishedMessages().get(1).message();
            assertTrue(summary.contains("\nProduction (rolled out automatically after 24 h without a reject):\n"), summary);
            assertEquals("euc-image-updater: rolled out to production (no reject in 24 h); 2 updated, 0 up to date", lastSubject(aws));
            assertEquals(List.of(), aws.modelViolations());
        }
    }

    @Test
    @DisplayName("an item's promoteAfterHours is refused as run-wide before any AWS call: the mail names the field, InvalidInput")
    void anItemsOwnSoakIsRefusedBeforeAnyAwsCall() throws Exception {
        String input = Files.readString(AUTO_RUN).replace("\"keep\": 3 }", "\"keep\": 3, \"promoteAfterHours\": 2 }");
        try (SimulatedRun run = SimulatedRun.of(rolloutAccount(), input, answering(LocalApproval.TIMEOUT))) {
            assertEquals("InvalidInput", run.result.error());
            assertEquals(List.of("Publish"), run.aws().calls().stream().map(RecordedCall::operation).toList(), "nothing but the mail");
            String mail = run.aws().publishedMessages().get(0).message();
            assertTrue(mail.contains("images[0].promoteAfterHours: promoteAfterHours is run-wide (one clock for the whole run, so an"
                    + " image or a run may not set its own): set it once, as cdk.json's promoteAfterHours"), mail);
        }
    }

    @Test
    @DisplayName("auto, rejected: production is untouched, the staged fleets and bundles keep the new images")
    void aRejectStopsTheRollOut() throws Exception {
        try (SimulatedRun run = run(LocalApproval.NO)) {
            AwsSimulator aws = run.aws();
            assertTrue(run.result.succeeded(), run.result::toString);
            assertEquals(List.of(), productionMoves(aws));
            assertEquals("euc-image-updater: approval rejected, production unchanged; 2 updated, 0 up to date", lastSubject(aws));
            String summary = aws.publishedMessages().get(1).message();
            assertFalse(summary.contains("rolled out automatically"), summary);
            assertEquals(List.of(), aws.modelViolations());
        }
    }
}
