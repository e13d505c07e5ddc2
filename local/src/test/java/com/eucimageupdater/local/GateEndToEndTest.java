package com.eucimageupdater.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.simulator.PublishedMessage;
import com.eucimageupdater.simulator.Scenario;
import com.eucimageupdater.simulator.RecordedCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gate after staging through the real ASL on simulator/scenarios/gate.json (every Wait 5 ms, checks every 15 minutes
 * as configured, so the default 60-minute gate takes at most 4 checks), asserted on what reached the simulator.
 */
class GateEndToEndTest {
    private static final String NEW_BASE = "Base-Win2022-" + RolloutEndToEndTest.TODAY;
    private static final String NEW_OFFICE = "Office-Win2022-" + RolloutEndToEndTest.TODAY;

    private static String gateAccount() throws Exception {
        return Files.readString(Path.of("simulator", "scenarios", "gate.json"));
    }

    private static String event(String name) throws Exception {
        return Files.readString(Path.of("events", name));
    }

    /** How many times the gate checked the image: each ValidateStagedImage that ended. */
    private static long checks(SimulatedRun run) {
        return run.result.events().stream().filter(event -> "ValidateStagedImage".equals(event.state()) && event.output() != null).count();
    }

    private static List<String> changes(SimulatedRun run) {
        return run.aws().mutatingCalls().stream().map(RecordedCall::operation).filter(operation -> !operation.equals("Publish")).toList();
    }

    private static List<String> subjects(SimulatedRun run) {
        return run.aws().publishedMessages().stream().map(PublishedMessage::subject).toList();
    }

    @Test
    void aGateThatPassesWaitsForTheFleetsCapacityThenShowsEachChecksEvidenceInTheApprovalMail() throws Exception {
        try (SimulatedRun run = SimulatedRun.of(gateAccount(), event("gate-pass.json"))) {
            assertTrue(run.result.succeeded(), run.result::toString);
            // staging-base shows no instance on the first describe after its move: the loop checks again.
            assertEquals(2, checks(run));
            String approvalMail = run.aws().publishedMessages().get(0).message();
            assertTrue(approvalMail.contains("    validated: fleet staging-base: DescribeFleets: RUNNING on " + NEW_BASE
                    + ", no FleetErrors, 2 available (2 of 2 instances running)\n"), approvalMail);
            assertTrue(approvalMail.contains("    validated: fleet training-base: DescribeFleets: STOPPED on " + NEW_BASE
                    + ", no FleetErrors; capacity not tried (the fleet is stopped)\n"), approvalMail);
            assertTrue(approvalMail.contains("    validated: streaming base-test-stack: CreateStreamingURL for user gate-check on stack"
                    + " base-test-stack and fleet staging-base: a streaming URL was handed out, valid until "), approvalMail);
            assertEquals(1, run.aws().callsTo("CreateStreamingURL").size(), "asked for once, after the fleets passed");
            assertEquals(List.of("staging-base -> " + NEW_BASE, "training-base -> " + NEW_BASE, "prod-base -> " + NEW_BASE),
                    RolloutEndToEndTest.moves(run.aws()));
            assertEquals("UPDATED", run.resultFor("Base-Win2022").path("outcome").asText());
        }
    }

    @Test
    void aFleetErrorFailsItsImageAtOnceNamingTheErrorAndItsProductionIsNeverTouchedWhileTheOtherImageGoesOn() throws Exception {
        String both = """
                {"images": [
                  {"service": "APPSTREAM", "image": "Base-Win2022", "stagingFleets": ["staging-base"], "fleets": ["prod-base"]},
                  {"service": "APPSTREAM", "image": "Office-Win2022", "stagingFleets": ["staging-office"], "fleets": ["prod-office"]}]}""";
        try (SimulatedRun run = SimulatedRun.of(gateAccount(), both)) {
            assertFalse(run.result.succeeded());
            assertEquals("ImageUpdatesFailed", run.result.error());
            assertEquals("VALIDATION_FAILED", run.resultFor("Office-Win2022").path("outcome").asText());
            assertEquals("UPDATED", run.resultFor("Base-Win2022").path("outcome").asText());
            assertEquals("fleet staging-office: DescribeFleets: RUNNING on " + NEW_OFFICE + ", FleetErrors"
                    + " FLEET_INSTANCE_PROVISIONING_FAILURE: The fleet instances failed to launch on the image: the image's agent did not"
                    + " report healthy",
                    run.resultFor("Office-Win2022").path("reason").asText());
            List<String> moves = RolloutEndToEndTest.moves(run.aws());
            assertTrue(moves.contains("staging-office -> " + NEW_OFFICE) && moves.contains("prod-base -> " + NEW_BASE), moves::toString);
            assertTrue(moves.stream().noneMatch(move -> move.startsWith("prod-office")), moves::toString);
            String approvalMail = run.aws().publishedMessages().get(0).message();
            assertTrue(approvalMail.contains(NEW_BASE) && !approvalMail.contains(NEW_OFFICE), approvalMail);
            String summary = RolloutEndToEndTest.lastMail(run.aws());
            assertTrue(summary.contains("           reason: fleet staging-office: DescribeFleets: RUNNING on " + NEW_OFFICE
                    + ", FleetErrors FLEET_INSTANCE_PROVISIONING_FAILURE: "), summary);
            assertTrue(RolloutEndToEndTest.lastSubject(run.aws()).startsWith("euc-image-updater: 1 image failed validation; "),
                    RolloutEndToEndTest.lastSubject(run.aws()));
        }
    }

    @Test
    void aFleetWithoutCapacityFailsAtTheItemsOwnBoundSayingWhatAwsLastAnsweredAndNothingIsOfferedForApproval() throws Exception {
        String noCapacity = gateAccount().replace("\"afterMove\": {\"replacingDescribes\": 1}", "\"afterMove\": {\"available\": 0}");
        String input = """
                {"images": [{"service": "APPSTREAM", "image": "Base-Win2022", "stagingFleets": ["staging-base"], "fleets": ["prod-base"],
                             "validationTimeoutMinutes": 30}]}""";
        try (SimulatedRun run = SimulatedRun.of(noCapacity, input)) {
            // 30 minutes, checked every 15: two checks.
            assertEquals(2, checks(run));
            assertEquals("fleet staging-base still not ready after 30 min (2 checks): DescribeFleets: RUNNING on " + NEW_BASE
                    + ", 0 available (0 of 2 instances running)", run.resultFor("Base-Win2022").path("reason").asText());
            assertEquals(List.of("staging-base -> " + NEW_BASE), RolloutEndToEndTest.moves(run.aws()));
            assertEquals(1, subjects(run).size(), "no approval mail: " + subjects(run));
        }
    }

    @Test
    void aReportOnlyRunSaysWhichChecksWouldRunAndChangesNothing() throws Exception {
        String dryRun = event("gate-pass.json").replace("\"approval\": \"required\"", "\"dryRun\": true");
        try (SimulatedRun run = SimulatedRun.of(gateAccount(), dryRun)) {
            assertTrue(run.result.succeeded(), run.result::toString);
            assertEquals(List.of(), changes(run));
            assertEquals(0, checks(run));
            String mail = RolloutEndToEndTest.lastMail(run.aws());
            assertTrue(mail.contains("           would validate fleets staging-base, training-base within 60 min: the new image, RUNNING,"
                    + " no FleetErrors, an instance available (a STOPPED fleet: the image alone)\n"), mail);
        }
    }

    @Test
    void aStreamingUrlRefusedForAStackOfAnotherFleetFailsTheImageWithAwsAnswerAndProductionIsUntouched() throws Exception {
        String otherStack = event("gate-pass.json").replace("\"stack\": \"base-test-stack\"", "\"stack\": \"base-stack\"");
        try (SimulatedRun run = SimulatedRun.of(gateAccount(), otherStack)) {
            assertEquals("VALIDATION_FAILED", run.resultFor("Base-Win2022").path("outcome").asText());
            assertEquals("streaming base-stack: CreateStreamingURL for user gate-check on stack base-stack and fleet staging-base: refused,"
                    + " InvalidParameterCombinationException: The fleet staging-base is not associated with the stack base-stack.",
                    run.resultFor("Base-Win2022").path("reason").asText());
            assertTrue(RolloutEndToEndTest.moves(run.aws()).stream().noneMatch(move -> move.startsWith("prod-base")),
                    () -> RolloutEndToEndTest.moves(run.aws()).toString());
            assertEquals(List.of(), run.aws().modelViolations());
        }
    }

    /** The canary item of events/gate-canary.json with another canary. */
    private static String canaryRun(String canary) throws Exception {
        return event("gate-canary.json").replace("ws-canary0001", canary);
    }

    private static List<String> rebuilds(SimulatedRun run) {
        return run.aws().callsTo("RebuildWorkspaces").stream()
                .map(call -> call.request().path("RebuildWorkspaceRequests").path(0).path("WorkspaceId").asText()).toList();
    }

    private static String newWorkSpacesImage(SimulatedRun run) {
        return run.resultFor("wsi-0a1b2c3d4").path("newImage").asText();
    }

    @Test
    void aCanaryIsRebuiltOnceFromTheStagedBundleAndItsReturnToAvailableIsTheApprovalMailsEvidence() throws Exception {
        try (SimulatedRun run = SimulatedRun.of(gateAccount(), event("gate-canary.json"))) {
            assertTrue(run.result.succeeded(), run.result::toString);
            // Rebuilt at the first check, REBUILDING at the second, AVAILABLE at the third.
            assertEquals(3, checks(run));
            assertEquals(List.of("ws-canary0001"), rebuilds(run), "one RebuildWorkspaces however many checks");
            String approvalMail = run.aws().publishedMessages().get(0).message();
            assertTrue(approvalMail.contains("    validated: canary ws-canary0001: rebuilt from the staged bundle wsb-stag1ng01;"
                    + " DescribeWorkspaces: AVAILABLE again\n"), approvalMail);
            assertEquals(List.of("wsb-stag1ng01 -> " + newWorkSpacesImage(run), "wsb-pr0duct01 -> " + newWorkSpacesImage(run)),
                    RolloutEndToEndTest.moves(run.aws()));
            assertEquals(List.of(), run.aws().modelViolations());
        }
    }

    @Test
    void aRollbackMovesTheBundlesBackButRebuildsNoCanaryAndItsMailSaysHowToRebuildEach() throws Exception {
        try (SimulatedAccount account = new SimulatedAccount(Scenario.fromJson(gateAccount()))) {
            ExecutionResult rollout = LocalWorkflow.run(Definition.DEFAULT_FILE, SimulatedRun.JSON.readTree(event("gate-canary.json")),
                    RolloutEndToEndTest.answering(LocalApproval.YES), account.target(SimulatedRun.topicArn(account.simulator().scenario())),
                    event -> { });
            assertTrue(rollout.succeeded(), rollout::toString);
            String execution = rollout.events().stream().filter(event -> "PlanRun".equals(event.state()) && event.output() != null)
                    .findFirst().orElseThrow().output().path("executionName").asText();

            ExecutionResult rollback = RolloutEndToEndTest.rollBack(account, execution);

            assertTrue(rollback.succeeded(), rollback::toString);
            assertEquals(1, account.simulator().callsTo("RebuildWorkspaces").size(), "the run's one rebuild, none by the rollback");
            String mail = RolloutEndToEndTest.lastMail(account.simulator());
            assertTrue(mail.contains("canary ws-canary0001 was rebuilt from wsi-"), mail);
            assertTrue(mail.contains("  aws workspaces rebuild-workspaces --region us-east-1 --rebuild-workspace-requests"
                    + " WorkspaceId=ws-canary0001\n"), mail);
        }
    }

    @Test
    void aCanaryWhoseUserStaysConnectedIsNeverRebuiltAndFailsItsImageAtTheBoundSayingSo() throws Exception {
        try (SimulatedRun run = SimulatedRun.of(gateAccount(), canaryRun("ws-canary0002"))) {
            assertEquals("VALIDATION_FAILED", run.resultFor("wsi-0a1b2c3d4").path("outcome").asText());
            assertEquals(4, checks(run), "the default 60 minutes, checked every 15");
            assertEquals(List.of(), rebuilds(run));
            assertEquals("canary ws-canary0002 still not ready after 60 min (4 checks): DescribeWorkspacesConnectionStatus: its user"
                    + " stayed CONNECTED, so the canary was not rebuilt", run.resultFor("wsi-0a1b2c3d4").path("reason").asText());
            assertEquals(List.of("wsb-stag1ng01 -> " + newWorkSpacesImage(run)), RolloutEndToEndTest.moves(run.aws()));
            assertEquals(1, subjects(run).size(), "no approval mail: " + subjects(run));
        }
    }

    @Test
    void anUnhealthyCanaryFailsItsImageAtOnceNamingItsStateAndProductionIsUntouched() throws Exception {
        try (SimulatedRun run = SimulatedRun.of(gateAccount(), canaryRun("ws-canary0003"))) {
            assertEquals("VALIDATION_FAILED", run.resultFor("wsi-0a1b2c3d4").path("outcome").asText());
            assertEquals(3, checks(run), "decided as soon as it reported UNHEALTHY, before the bound of 4");
            assertEquals(List.of("ws-canary0003"), rebuilds(run));
            assertEquals("canary ws-canary0003: rebuilt from the staged bundle wsb-stag1ng01; DescribeWorkspaces: UNHEALTHY",
                    run.resultFor("wsi-0a1b2c3d4").path("reason").asText());
            assertTrue(RolloutEndToEndTest.moves(run.aws()).stream().noneMatch(move -> move.startsWith("wsb-pr0duct01")),
                    () -> RolloutEndToEndTest.moves(run.aws()).toString());
        }
    }

    @Test
    void aCanaryNotLaunchedFromAStagingBundleIsRefusedBeforeAnyChangeNamingItsField() throws Exception {
        try (SimulatedRun run = SimulatedRun.of(gateAccount(), canaryRun("ws-production1"))) {
            assertEquals("InvalidInput", run.result.error());
            String mail = RolloutEndToEndTest.lastMail(run.aws());
            assertTrue(mail.contains("images[0] (account 123456789012, us-east-1).canaryWorkspaces[0]: WorkSpace ws-production1 was"
                    + " launched from bundle wsb-pr0duct01, not from one of stagingBundles [wsb-stag1ng01]"), mail);
            assertEquals(List.of(), changes(run));
        }
    }

    @Test
    void aReportOnlyRunSaysWhichCanaryWouldBeRebuiltAndRebuildsNothing() throws Exception {
        String dryRun = event("gate-canary.json").replace("\"approval\": \"required\"", "\"dryRun\": true");
        try (SimulatedRun run = SimulatedRun.of(gateAccount(), dryRun)) {
            assertTrue(run.result.succeeded(), run.result::toString);
            assertEquals(List.of(), changes(run));
            String mail = RolloutEndToEndTest.lastMail(run.aws());
            assertTrue(mail.contains("           would rebuild canary ws-canary0001 (unless its user is connected) from the staged bundle,"
                    + " and wait for it to be AVAILABLE\n"), mail);
        }
    }
}
