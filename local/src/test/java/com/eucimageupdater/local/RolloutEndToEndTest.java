package com.eucimageupdater.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.images.Location;
import com.eucimageupdater.images.Service;
import com.eucimageupdater.plan.DeploymentSettings;
import com.eucimageupdater.plan.RolloutDefaults;
import com.eucimageupdater.simulator.AwsSimulator;
import com.eucimageupdater.simulator.PublishedMessage;
import com.eucimageupdater.simulator.RecordedCall;
import com.eucimageupdater.simulator.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The roll-out through the real ASL on the simulator's roll-out account (simulator/scenarios/rollout.json): staging,
 * the approval, production, retention, report-only runs and rollbacks, each asserted on what reached the simulator.
 */
class RolloutEndToEndTest {
    static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();
    static final String NEW_BASE = "Base-Win2022-" + TODAY;
    static final String ROLLOUT_RUN = """
            {"images": [
              {"service": "APPSTREAM", "image": "Base-Win2022-2026-10-13", "stagingFleets": ["staging-win2022"],
               "fleets": ["prod-win2022-a", "prod-win2022-b"], "keep": 3},
              {"service": "WORKSPACES", "image": "wsi-4d4d4d4d4", "bundles": ["wsb-0a1b2c3d4"], "keep": 2}],
             "approval": "required"}""";

    static String rolloutAccount() throws Exception {
        return Files.readString(Path.of("simulator", "scenarios", "rollout.json"));
    }

    /** The roll-out account with one more image of the Base lineage, an old one still being built. */
    private static String withPendingLineageImage() throws Exception {
        return rolloutAccount().replaceFirst("\"images\": \\[", """
                "images": [{"name": "Base-Win2022-2026-06-09", "state": "PENDING", "tags": {"euc-image-updater:source-image": "Base-Win2022",
                  "euc-image-updater:run-date": "2026-06-09", "euc-image-updater:execution": "monthly-2026-06",
                  "euc-image-updater:lineage": "Base-Win2022"}},""");
    }

    private static LocalWorkflow.Settings answering(LocalApproval approval) {
        return new LocalWorkflow.Settings(new DeploymentSettings("[]", 900, 480, 5, "UTC", 1, RolloutDefaults.DEFAULTS), 1L, 1L, approval);
    }

    private static SimulatedRun run(String input, LocalApproval approval) throws Exception {
        return SimulatedRun.of(rolloutAccount(), input, answering(approval));
    }

    /** Each successful call of the operation, as "target -> image" (UpdateFleet, UpdateWorkspaceBundle). */
    private static List<String> moves(AwsSimulator aws) {
        return aws.calls().stream().filter(RecordedCall::succeeded)
                .filter(call -> call.operation().equals("UpdateFleet") || call.operation().equals("UpdateWorkspaceBundle"))
                .map(call -> call.request().path("Name").asText(call.request().path("BundleId").asText()) + " -> "
                        + call.request().path("ImageName").asText(call.request().path("ImageId").asText()))
                .toList();
    }

    static List<String> deleted(AwsSimulator aws) {
        return aws.calls().stream().filter(RecordedCall::succeeded)
                .filter(call -> call.operation().equals("DeleteImage") || call.operation().equals("DeleteWorkspaceImage"))
                .map(call -> call.request().path("Name").asText(call.request().path("ImageId").asText())).toList();
    }

    private static List<String> changes(AwsSimulator aws) {
        return aws.mutatingCalls().stream().map(RecordedCall::operation).filter(operation -> !operation.equals("Publish")).toList();
    }

    private static int indexOf(AwsSimulator aws, String operation, String mentioning) {
        List<RecordedCall> calls = aws.calls();
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).operation().equals(operation) && calls.get(i).request().toString().contains(mentioning)) {
                return i;
            }
        }
        throw new AssertionError("no " + operation + " mentioning " + mentioning);
    }

    private static String lastMail(AwsSimulator aws) {
        List<PublishedMessage> mails = aws.publishedMessages();
        return mails.get(mails.size() - 1).message();
    }

    @Test
    @DisplayName("staging moves when the image is AVAILABLE, one approval mail, then production, retention and a rollback hint")
    void stagedThenApproved() throws Exception {
        try (SimulatedRun run = SimulatedRun.of(withPendingLineageImage(), ROLLOUT_RUN, answering(LocalApproval.YES))) {
            AwsSimulator aws = run.aws();
            assertTrue(run.result.succeeded(), run.result::toString);
            List<String> moves = moves(aws);
            String newWorkSpacesImage = run.resultFor("wsi-4d4d4d4d4").path("newImage").asText();
            assertEquals(List.of("prod-win2022-a -> " + NEW_BASE, "prod-win2022-b -> " + NEW_BASE, "staging-win2022 -> " + NEW_BASE,
                    "wsb-0a1b2c3d4 -> " + newWorkSpacesImage), moves.stream().sorted().toList());
            assertEquals(2, aws.publishedMessages().size(), "the approval mail, then the run's mail");
            String approvalMail = aws.publishedMessages().get(0).message();
            assertTrue(approvalMail.contains("answered from the command line by ./run-local --approve yes"), approvalMail);
            int staged = indexOf(aws, "UpdateFleet", "staging-win2022");
            int asked = indexOf(aws, "Publish", "approve the roll-out");
            assertTrue(staged < asked && asked < indexOf(aws, "UpdateFleet", "prod-win2022-a"), "staging, then the approval, then production");
            JsonNode recorded = aws.callsTo("TagResource").stream().filter(RecordedCall::succeeded)
                    .filter(call -> call.request().toString().contains("prod-win2022-a")).findFirst().orElseThrow().request();
            assertEquals("Base-Win2022-2026-09-08", recorded.at("/Tags/euc-image-updater:was:prod-win2022-a").asText(),
                    "the new image records what production used before");
            assertEquals(List.of("Base-Win2022-2026-08-11", "wsi-2b2b2b2b2"), deleted(aws).stream().sorted().toList());
            String mail = lastMail(aws);
            assertTrue(mail.contains("kept: Base-Win2022-2026-07-14 (in use by image builder base-builder)"), mail);
            assertTrue(mail.contains("kept: Partner-Win2022-2026-08-11 (shared with account 210987654321)"), mail);
            assertTrue(mail.contains("kept: Base-Win2022-2026-06-09 (it is PENDING)"), mail);
            assertTrue(!mail.contains("Base-Win2022 (") && !deleted(aws).contains("Base-Win2022"), "the hand-made original is no"
                    + " pipeline image: never a candidate");
            assertTrue(mail.contains("kept: ws-win10-base-2026-09-08 (a fleet or bundle used it before this roll-out"), mail);
            assertTrue(mail.contains("4 existing WorkSpaces keep their image until rebuilt or recreated"), mail);
            assertTrue(mail.contains("{\"rollback\": \""), mail);
            assertEquals(List.of(), aws.modelViolations());
        }
    }

    @Test
    @DisplayName("a rejected approval leaves production, and every image, as they were")
    void rejected() throws Exception {
        try (SimulatedRun run = run(ROLLOUT_RUN, LocalApproval.NO)) {
            assertTrue(run.result.succeeded(), run.result::toString);
            assertEquals(List.of("staging-win2022 -> " + NEW_BASE), moves(run.aws()));
            assertEquals(List.of(), deleted(run.aws()));
            assertTrue(lastMail(run.aws()).contains("Production: nothing rolled out, approval rejected"), lastMail(run.aws()));
        }
    }

    @Test
    @DisplayName("an approval that times out rolls nothing out to production, and the mail says so")
    void approvalTimedOut() throws Exception {
        try (SimulatedRun run = run(ROLLOUT_RUN, LocalApproval.TIMEOUT)) {
            assertTrue(run.result.succeeded(), run.result::toString);
            assertEquals(List.of("staging-win2022 -> " + NEW_BASE), moves(run.aws()));
            assertTrue(lastMail(run.aws()).contains("Production: nothing rolled out, approval timed out"), lastMail(run.aws()));
        }
    }

    @Test
    @DisplayName("a fleet as the source updates the image it uses and moves it, without approval when none is required")
    void fleetAsTheSource() throws Exception {
        try (SimulatedRun run = run("{\"images\": [{\"service\": \"APPSTREAM\", \"fleet\": \"staging-win2022\"}], \"approval\": \"none\"}",
                LocalApproval.TIMEOUT)) {
            assertTrue(run.result.succeeded(), run.result::toString);
            assertEquals(List.of("Base-Win2022-2026-10-13"), TestScenarios.createdSources(run.aws()));
            assertEquals(List.of("staging-win2022 -> " + NEW_BASE), moves(run.aws()));
            assertEquals(1, run.aws().publishedMessages().size(), "no approval mail");
        }
    }

    @Test
    @DisplayName("two items that resolve to the same source build one image, rolled out to both items' fleets")
    void twoItemsShareOneSource() throws Exception {
        try (SimulatedRun run = run("""
                {"images": [{"service": "APPSTREAM", "fleet": "staging-win2022"},
                            {"service": "APPSTREAM", "image": "Base-Win2022-2026-10-13", "fleets": ["prod-win2022-a"]}],
                 "approval": "none"}""", LocalApproval.YES)) {
            assertTrue(run.result.succeeded(), run.result::toString);
            assertEquals(1, TestScenarios.creates(run.aws()).size());
            assertEquals(List.of("prod-win2022-a -> " + NEW_BASE, "staging-win2022 -> " + NEW_BASE), moves(run.aws()).stream().sorted().toList());
        }
    }

    @Test
    @DisplayName("an Elastic fleet, a platform change on a running fleet, a missing fleet and a bundle not ours are refused before any change")
    void unfitTargetsAreRefusedBeforeAnyChange() throws Exception {
        try (SimulatedRun run = run("""
                {"images": [{"service": "APPSTREAM", "fleet": "apps-elastic"},
                            {"service": "APPSTREAM", "image": "Engineering-Win2019", "fleets": ["prod-win2022-a"]},
                            {"service": "APPSTREAM", "image": "Base-Win2022-2026-10-13", "stagingFleets": ["no-such-fleet"]},
                            {"service": "WORKSPACES", "image": "wsi-4d4d4d4d4", "bundles": ["wsb-92tn3b7gx"]}]}""", LocalApproval.YES)) {
            assertEquals("InvalidInput", run.result.error());
            String mail = lastMail(run.aws());
            assertTrue(mail.contains("images[0] (account 123456789012, us-east-1).fleet: AppStream fleet \"apps-elastic\" is an Elastic fleet"), mail);
            assertTrue(mail.contains("a fleet changes platform only while STOPPED"), mail);
            assertTrue(mail.contains("AppStream fleet \"no-such-fleet\" does not exist"), mail);
            assertTrue(mail.contains("WorkSpaces bundle wsb-92tn3b7gx belongs to AMAZON"), mail);
            assertEquals(List.of(), changes(run.aws()));
        }
    }

    @Test
    @DisplayName("a report-only run checks everything and says what it would create, stage, roll out and delete, with no change")
    void reportOnly() throws Exception {
        try (SimulatedRun run = run(ROLLOUT_RUN.replace("\"approval\": \"required\"", "\"dryRun\": true"), LocalApproval.YES)) {
            assertTrue(run.result.succeeded(), run.result::toString);
            assertEquals(List.of(), changes(run.aws()));
            String mail = lastMail(run.aws());
            assertTrue(mail.startsWith("euc-image-updater run"), mail);
            assertTrue(mail.contains("WOULD_UPDATE APPSTREAM  Base-Win2022-2026-10-13 -> " + NEW_BASE), mail);
            assertTrue(mail.contains("would stage: staging-win2022") && mail.contains("would roll out to production: prod-win2022-a"), mail);
            assertTrue(mail.contains("would delete: Base-Win2022-2026-08-11"), mail);
            assertEquals("euc-image-updater (report only): 2 would update, 0 up to date, 0 failed",
                    run.aws().publishedMessages().get(0).subject());
        }
    }

    @Test
    @DisplayName("a throttled UpdateFleet (RequestLimitExceeded, which the SDK does not retry) is retried until the fleet moves")
    void throttledUpdateFleetIsRetried() throws Exception {
        String throttled = rolloutAccount().replaceFirst("\\{", """
                {"errors": [{"operation": "UpdateFleet", "image": "prod-win2022-a", "type": "RequestLimitExceededException", "times": 2}],""");
        try (SimulatedRun run = SimulatedRun.of(throttled, ROLLOUT_RUN, answering(LocalApproval.YES))) {
            assertTrue(run.result.succeeded(), run.result::toString);
            assertTrue(moves(run.aws()).contains("prod-win2022-a -> " + NEW_BASE));
            assertEquals(2, run.aws().callsTo("UpdateFleet").stream().filter(call -> !call.succeeded()).count());
        }
    }

    @Test
    @DisplayName("a rollback moves a finished run's fleets and bundles back to the images they used before, and mails what it did")
    void rollbackOfAFinishedRun() throws Exception {
        try (SimulatedAccount account = new SimulatedAccount(Scenario.fromJson(rolloutAccount()))) {
            ExecutionResult rollout = LocalWorkflow.run(Definition.DEFAULT_FILE, SimulatedRun.JSON.readTree(ROLLOUT_RUN),
                    answering(LocalApproval.YES), account.target(SimulatedRun.topicArn(account.simulator().scenario())), event -> { });
            assertTrue(rollout.succeeded(), rollout::toString);
            String execution = rollout.events().stream().filter(event -> "PlanRun".equals(event.state()) && event.output() != null)
                    .findFirst().orElseThrow().output().path("executionName").asText();
            int before = moves(account.simulator()).size();

            ExecutionResult rollback = LocalWorkflow.run(Definition.DEFAULT_FILE,
                    SimulatedRun.JSON.readTree("{\"rollback\": \"" + execution + "\"}"), answering(LocalApproval.YES),
                    account.target(SimulatedRun.topicArn(account.simulator().scenario())), event -> { });

            assertTrue(rollback.succeeded(), rollback::toString);
            List<String> movedBack = moves(account.simulator()).subList(before, moves(account.simulator()).size());
            assertEquals(List.of("prod-win2022-a -> Base-Win2022-2026-09-08", "prod-win2022-b -> Base-Win2022-2026-09-08",
                    "staging-win2022 -> Base-Win2022-2026-10-13", "wsb-0a1b2c3d4 -> wsi-3c3c3c3c3"), movedBack.stream().sorted().toList());
            String mail = lastMail(account.simulator());
            assertTrue(mail.contains("Rollback of run " + execution), mail);
            assertEquals("euc-image-updater: rollback of " + execution + ", 0 failed",
                    account.simulator().publishedMessages().get(account.simulator().publishedMessages().size() - 1).subject());
        }
    }

    @Test
    @DisplayName("a rollback whose previous image is gone is refused before any move, naming the fleet and the image")
    void rollbackCheckedFirst() throws Exception {
        try (SimulatedAccount account = new SimulatedAccount(Scenario.fromJson(rolloutAccount()))) {
            ExecutionResult rollout = LocalWorkflow.run(Definition.DEFAULT_FILE, SimulatedRun.JSON.readTree(ROLLOUT_RUN),
                    answering(LocalApproval.YES), account.target(SimulatedRun.topicArn(account.simulator().scenario())), event -> { });
            String execution = rollout.events().stream().filter(event -> "PlanRun".equals(event.state()) && event.output() != null)
                    .findFirst().orElseThrow().output().path("executionName").asText();
            // The production fleets' previous image, no longer used by any fleet once they moved, is deleted by hand.
            account.target(SimulatedRun.topicArn(account.simulator().scenario())).images().forService(Service.APPSTREAM,
                    new Location(account.simulator().scenario().accountId(), account.simulator().scenario().region())).retire("Base-Win2022", 1, java.util.Set.of("Base-Win2022-2026-10-13", NEW_BASE), java.util.Set.of(), true);
            int before = moves(account.simulator()).size();

            ExecutionResult rollback = LocalWorkflow.run(Definition.DEFAULT_FILE,
                    SimulatedRun.JSON.readTree("{\"rollback\": \"" + execution + "\"}"), answering(LocalApproval.YES),
                    account.target(SimulatedRun.topicArn(account.simulator().scenario())), event -> { });

            assertEquals("InvalidInput", rollback.error());
            assertEquals(before, moves(account.simulator()).size(), "nothing moved");
            assertTrue(lastMail(account.simulator()).contains("fleet prod-win2022-a back to Base-Win2022-2026-09-08:"),
                    lastMail(account.simulator()));
        }
    }
}
