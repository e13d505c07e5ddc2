package com.eucimageupdater.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.plan.DeploymentSettings;
import com.eucimageupdater.plan.RolloutDefaults;
import com.eucimageupdater.simulator.AwsSimulator;
import com.eucimageupdater.simulator.RecordedCall;
import com.eucimageupdater.simulator.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Existing WorkSpaces rebuilt onto the new image in waves, through the real ASL on simulator/scenarios/rebuild.json: every rule
 * asserted on what reached the simulator (its record of calls) and on each bundle's result. The run's clock starts on Monday
 * 2026-12-07 08:00 UTC and jumps to the end of each wait the rebuild asks for; the window opens on Saturdays and Sundays at
 * 22:00 (UTC, the deployment's zone here) for 6 hours.
 */
class RebuildEndToEndTest {
    private static final Instant MONDAY = Instant.parse("2026-12-07T08:00:00Z");
    private static final String SATURDAY_22H = "2026-12-12T22:00:00Z";
    private static final String FINANCE = "wsb-finance01";
    private static final String TRADERS = "wsb-traders01";
    private static final String SOURCE = "wsi-0a1b2c3d4";
    private static final String REBUILD = """
            {"canary": 2, "batchSize": 5, "maxFailures": 1, "waveTimeoutMinutes": 60,
             "window": {"days": ["SAT", "SUN"], "start": "22:00", "hours": 6}}""";

    /** The deployment's configured images: the finance bundle's item with its rebuild settings. */
    private static final String CONFIGURED = "[{\"service\": \"WORKSPACES\", \"image\": \"" + SOURCE + "\", \"bundles\": [\"" + FINANCE
            + "\"], \"rebuild\": " + REBUILD.replace("\n", " ") + "}]";

    private static String scenario() throws Exception {
        return Files.readString(Path.of("simulator", "scenarios", "rebuild.json"));
    }

    private static String monthly(String bundles, String rebuild) {
        return "{\"images\": [{\"service\": \"WORKSPACES\", \"image\": \"" + SOURCE + "\", \"bundles\": " + bundles + ", \"rebuild\": "
                + rebuild + "}], \"approval\": \"none\"}";
    }

    private static LocalWorkflow.Settings startingAt(Instant start, String configuredImages) {
        return new LocalWorkflow.Settings(new DeploymentSettings(configuredImages, 900, 480, 5, "UTC", 1, RolloutDefaults.DEFAULTS), 1L,
                1L).startingAt(start);
    }

    private static SimulatedRun run(String input, Instant start) throws Exception {
        return SimulatedRun.of(scenario(), input, startingAt(start, "[]"));
    }

    /** Each bundle's result, as RebuildEachBundle's items ended. */
    private static Map<String, JsonNode> results(ExecutionResult result) {
        return result.events().stream().filter(event -> "RecordRebuild".equals(event.state()) && event.output() != null)
                .map(ExecutionEvent::output).collect(Collectors.toMap(output -> output.path("bundle").asText(), Function.identity()));
    }

    /** Each call of the Rebuild step's answer, in order. */
    private static List<JsonNode> answers(ExecutionResult result) {
        return result.events().stream().filter(event -> "RebuildNextWave".equals(event.state()) && event.output() != null)
                .map(event -> event.output().path("rebuild")).toList();
    }

    private static List<String> rebuilt(AwsSimulator aws) {
        return aws.callsTo("RebuildWorkspaces").stream()
                .map(call -> call.request().path("RebuildWorkspaceRequests").path(0).path("WorkspaceId").asText()).toList();
    }

    /** Every change asked of AWS but the mails. */
    private static List<RecordedCall> changes(AwsSimulator aws) {
        return aws.mutatingCalls().stream().filter(call -> !call.operation().equals("Publish")).toList();
    }

    private static List<String> ids(String prefix, int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(number -> prefix + "%04d".formatted(number)).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    @Test
    void theCanaryWaveThenBatchesInIdOrderEachWorkspaceTaggedWithTheImageBeforeItsRebuild() throws Exception {
        try (SimulatedRun run = run(monthly("[\"" + FINANCE + "\"]", REBUILD), MONDAY)) {
            assertTrue(run.result.succeeded(), run.result::toString);
            List<String> finance = ids("ws-finance", 1, 12);
            assertEquals(finance, rebuilt(run.aws()), "the canaries 1-2, then 3-7, 8-12: the others are skipped");
            JsonNode result = results(run.result).get(FINANCE);
            assertEquals("REBUILT", result.path("outcome").asText());
            assertEquals(3, result.path("waves").asInt());
            assertEquals(12, result.path("rebuilt").asInt());
            String image = result.path("image").asText();
            List<String> order = run.aws().calls().stream()
                    .filter(call -> List.of("CreateTags", "RebuildWorkspaces").contains(call.operation())
                            && call.request().toString().contains("ws-finance0001"))
                    .map(RecordedCall::operation).toList();
            assertEquals(List.of("CreateTags", "RebuildWorkspaces"), order);
            assertTrue(run.aws().callsTo("CreateTags").stream().anyMatch(call -> call.request().path("ResourceId").asText()
                    .equals("ws-finance0001") && call.request().path("Tags").toString().contains("\"Value\":\"" + image + "\"")));
            String mail = run.aws().publishedMessages().get(run.aws().publishedMessages().size() - 1).message();
            assertTrue(mail.contains("16 existing WorkSpaces are rebuilt onto it in waves (see the rebuilds below)"), mail);
        }
    }

    @Test
    void aWaveStartsOnlyWhenThePreviousIsBackAvailable() throws Exception {
        try (SimulatedRun run = run(monthly("[\"" + FINANCE + "\"]", REBUILD), MONDAY)) {
            List<RecordedCall> calls = run.aws().calls();
            int firstOfSecondWave = IntStream.range(0, calls.size()).filter(i -> calls.get(i).operation().equals("RebuildWorkspaces")
                    && calls.get(i).request().toString().contains("ws-finance0003")).findFirst().orElseThrow();
            // The canaries were described (REBUILDING, then AVAILABLE) between their rebuilds and the next wave's.
            long describedBefore = calls.subList(0, firstOfSecondWave).stream().filter(call -> call.operation().equals("DescribeWorkspaces")
                    && texts(call.request().path("WorkspaceIds")).equals(List.of("ws-finance0001", "ws-finance0002"))).count();
            assertEquals(2, describedBefore);
            List<JsonNode> answers = answers(run.result);
            assertEquals(List.of("ws-finance0001", "ws-finance0002"), texts(answers.get(1).path("wave")));
            assertFalse(answers.get(1).path("done").asBoolean());
        }
    }

    @Test
    void outsideTheWindowTheRunWaitsForItsOpeningBeforeAnyRebuild() throws Exception {
        try (SimulatedRun run = run(monthly("[\"" + FINANCE + "\"]", REBUILD), MONDAY)) {
            JsonNode first = answers(run.result).get(0);
            assertEquals(SATURDAY_22H, first.path("waitUntil").asText());
            assertEquals(List.of(), texts(first.path("wave")));
            assertEquals(Instant.parse(SATURDAY_22H).plusSeconds(600).toString(), answers(run.result).get(1).path("waitUntil").asText(),
                    "the canary wave starts at the opening, its first look ten minutes later");
        }
    }

    @Test
    void aWaveThatWouldRunPastTheWindowWaitsForTheNextOpening() throws Exception {
        // Sunday 03:30: half an hour left of Saturday's window, a wave may take an hour.
        try (SimulatedRun run = run(monthly("[\"" + FINANCE + "\"]", REBUILD), Instant.parse("2026-12-13T03:30:00Z"))) {
            assertEquals("2026-12-13T22:00:00Z", answers(run.result).get(0).path("waitUntil").asText());
            assertEquals(12, results(run.result).get(FINANCE).path("rebuilt").asInt());
        }
    }

    @Test
    void aWorkspaceThatMustWaitIsSkippedWithItsReasonAndNeverTouched() throws Exception {
        try (SimulatedRun run = run(monthly("[\"" + FINANCE + "\"]", REBUILD), MONDAY)) {
            JsonNode skipped = results(run.result).get(FINANCE).path("skipped");
            Map<String, List<String>> byReason = new TreeMap<>();
            skipped.forEach(group -> byReason.put(group.path("reason").asText() + (group.hasNonNull("state") ? " " + group.path("state")
                    .asText() : ""), texts(group.path("workspaceIds"))));
            assertEquals(Map.of("ADMIN_MAINTENANCE", List.of("ws-admin0001"), "NOT_AVAILABLE SUSPENDED", List.of("ws-suspnd001"),
                    "SNAPSHOT_OLDER_THAN_LAST_CONNECTION", List.of("ws-stale0001"), "USER_CONNECTED", List.of("ws-online001")), byReason);
            // The mail names them; no change to AWS does.
            List<String> touched = run.aws().mutatingCalls().stream().filter(call -> !call.operation().equals("Publish"))
                    .map(call -> call.request().toString()).toList();
            for (String skippedId : List.of("ws-admin0001", "ws-suspnd001", "ws-stale0001", "ws-online001")) {
                assertTrue(touched.stream().noneMatch(request -> request.contains(skippedId)), skippedId);
            }
            assertEquals(4, results(run.result).get(FINANCE).path("stillOnOldImage").asInt());
        }
    }

    @Test
    void aFailedCanaryStopsTheRestOfItsBundle() throws Exception {
        try (SimulatedRun run = run(monthly("[\"" + TRADERS + "\"]", REBUILD), MONDAY)) {
            JsonNode result = results(run.result).get(TRADERS);
            assertEquals("STOPPED", result.path("outcome").asText());
            assertEquals("the canary ws-abroken01 ended ERROR", result.path("stoppedBecause").asText());
            assertEquals(List.of("ws-abroken01", "ws-trader0001"), rebuilt(run.aws()));
            assertEquals(8, result.path("stillOnOldImage").asInt(), "the 7 not rebuilt, and the canary that failed");
        }
    }

    @Test
    void moreFailuresThanMaxFailuresStopTheRest() throws Exception {
        // No canary wave: the broken WorkSpace is in the first batch with four others; maxFailures 0 stops after it.
        String noCanary = REBUILD.replace("\"canary\": 2", "\"canary\": 0").replace("\"maxFailures\": 1", "\"maxFailures\": 0");
        try (SimulatedRun run = run(monthly("[\"" + TRADERS + "\"]", noCanary), MONDAY)) {
            JsonNode result = results(run.result).get(TRADERS);
            assertEquals("STOPPED", result.path("outcome").asText());
            assertEquals("1 rebuilds failed, more than maxFailures (0)", result.path("stoppedBecause").asText());
            assertEquals(5, rebuilt(run.aws()).size());
            assertEquals("ws-abroken01", result.path("failed").path(0).path("workspaceId").asText());
        }
    }

    @Test
    void aRollbackRebuildsBackWhatTheRolloutRebuiltOnceEvenWhenRunTwiceAndAReportOnlyOneChangesNothing() throws Exception {
        try (SimulatedAccount account = new SimulatedAccount(Scenario.fromJson(scenario()))) {
            LocalWorkflow.Target target = account.target(SimulatedRun.topicArn(account.simulator().scenario()));
            ExecutionResult rollout = LocalWorkflow.run(Definition.DEFAULT_FILE, SimulatedRun.JSON.readTree(monthly("[\"" + FINANCE + "\"]",
                    REBUILD)), startingAt(MONDAY, CONFIGURED), target, event -> { });
            String execution = SimulatedRun.executionName(rollout);
            String newImage = results(rollout).get(FINANCE).path("image").asText();
            List<RecordedCall> changesBefore = changes(account.simulator());

            ExecutionResult reportOnly = LocalWorkflow.run(Definition.DEFAULT_FILE, SimulatedRun.JSON.readTree("{\"rollback\": \""
                    + execution + "\", \"rebuild\": true, \"dryRun\": true}"), startingAt(MONDAY, CONFIGURED), target, event -> { });
            assertTrue(reportOnly.succeeded(), reportOnly::toString);
            JsonNode wouldRebuild = results(reportOnly).get(FINANCE);
            assertEquals("WOULD_REBUILD", wouldRebuild.path("outcome").asText());
            assertEquals(12, wouldRebuild.path("wouldRebuild").asInt());
            assertEquals(changesBefore, changes(account.simulator()), "a report-only run changes nothing (its mail aside)");

            ExecutionResult rollback = LocalWorkflow.run(Definition.DEFAULT_FILE, SimulatedRun.JSON.readTree("{\"rollback\": \""
                    + execution + "\", \"rebuild\": true}"), startingAt(MONDAY, CONFIGURED), target, event -> { });
            assertTrue(rollback.succeeded(), rollback::toString);
            JsonNode back = results(rollback).get(FINANCE);
            assertEquals("ROLLBACK", back.path("mode").asText());
            assertEquals(SOURCE, back.path("image").asText());
            assertEquals(newImage, back.path("from").asText());
            assertEquals(12, back.path("rebuilt").asInt());
            assertEquals(24, account.simulator().callsTo("RebuildWorkspaces").size(), "each rebuilt once more, back onto " + SOURCE);

            // The same rollback again: every WorkSpace's tag names the image it is on, so none is rebuilt twice.
            ExecutionResult again = LocalWorkflow.run(Definition.DEFAULT_FILE, SimulatedRun.JSON.readTree("{\"rollback\": \""
                    + execution + "\", \"rebuild\": true}"), startingAt(MONDAY, CONFIGURED), target, event -> { });
            assertTrue(again.succeeded(), again::toString);
            assertEquals(24, account.simulator().callsTo("RebuildWorkspaces").size(), "a re-run rebuilds none twice");
            assertEquals(0, results(again).get(FINANCE).path("rebuilt").asInt());
        }
    }

    @Test
    void aReportOnlyRunListsWhatWouldBeRebuiltAndSkippedNowInOneCallPerBundleWithNoChange() throws Exception {
        String reportOnly = monthly("[\"" + FINANCE + "\", \"" + TRADERS + "\"]", REBUILD).replace("\"approval\": \"none\"}",
                "\"approval\": \"none\", \"dryRun\": true}");
        try (SimulatedRun run = run(reportOnly, MONDAY)) {
            assertTrue(run.result.succeeded(), run.result::toString);
            assertEquals(List.of(), changes(run.aws()), "no CreateTags, no RebuildWorkspaces, nothing moved: the mail only");
            assertEquals(2, answers(run.result).size(), "one call a bundle, no wait for the window");
            JsonNode finance = results(run.result).get(FINANCE);
            assertEquals("WOULD_REBUILD", finance.path("outcome").asText());
            assertEquals(12, finance.path("wouldRebuild").asInt(), "the new image exists nowhere yet: every eligible WorkSpace");
            assertEquals(ids("ws-finance", 1, 12), texts(finance.path("wouldRebuildIds")));
            assertEquals(0, finance.path("alreadyRebuilt").asInt());
            assertEquals(16, finance.path("workspaces").asInt());
            List<String> reasons = new ArrayList<>();
            finance.path("skipped").forEach(group -> reasons.add(group.path("reason").asText() + " " + texts(group.path("workspaceIds"))));
            assertEquals(List.of("NOT_AVAILABLE [ws-suspnd001]", "USER_CONNECTED [ws-online001]",
                    "SNAPSHOT_OLDER_THAN_LAST_CONNECTION [ws-stale0001]", "ADMIN_MAINTENANCE [ws-admin0001]"), reasons);
            assertEquals(9, results(run.result).get(TRADERS).path("wouldRebuild").asInt());
            String mail = run.aws().publishedMessages().get(run.aws().publishedMessages().size() - 1).message();
            assertTrue(mail.contains("WOULD_REBUILD " + FINANCE) && mail.contains("12 would be rebuilt now")
                    && mail.contains("skipped now, its user connected: 1 (ws-online001)"), mail);
        }
    }

    @Test
    void aPromoteAfterARejectRebuildsTheBundlesAsTheMonthlyRunWould() throws Exception {
        try (SimulatedAccount account = new SimulatedAccount(Scenario.fromJson(scenario()))) {
            LocalWorkflow.Target target = account.target(SimulatedRun.topicArn(account.simulator().scenario()));
            LocalWorkflow.Settings rejecting = new LocalWorkflow.Settings(new DeploymentSettings(CONFIGURED, 900, 480, 5, "UTC", 1,
                    RolloutDefaults.DEFAULTS), 1L, 1L, LocalApproval.NO).startingAt(MONDAY);
            ExecutionResult rejected = LocalWorkflow.run(Definition.DEFAULT_FILE, SimulatedRun.JSON.readTree(monthly("[\"" + FINANCE
                    + "\"]", REBUILD).replace("\"none\"", "\"required\"")), rejecting, target, event -> { });
            assertTrue(account.simulator().callsTo("RebuildWorkspaces").isEmpty(), "rejected: nothing rebuilt");

            ExecutionResult promoted = LocalWorkflow.run(Definition.DEFAULT_FILE, SimulatedRun.JSON.readTree("{\"promote\": \""
                    + SimulatedRun.executionName(rejected) + "\", \"approval\": \"none\"}"), startingAt(MONDAY, CONFIGURED), target,
                    event -> { });
            assertTrue(promoted.succeeded(), promoted::toString);
            JsonNode result = results(promoted).get(FINANCE);
            assertEquals("REBUILT", result.path("outcome").asText());
            assertEquals(SOURCE, result.path("from").asText());
            assertEquals(12, result.path("rebuilt").asInt());
            assertEquals(ids("ws-finance", 1, 12), rebuilt(account.simulator()), "the canaries, then the batches, inside the window");
        }
    }

    @Test
    void aRollbackThatRebuildsABundleWithoutConfiguredSettingsIsRefusedBeforeAnyChange() throws Exception {
        try (SimulatedAccount account = new SimulatedAccount(Scenario.fromJson(scenario()))) {
            LocalWorkflow.Target target = account.target(SimulatedRun.topicArn(account.simulator().scenario()));
            ExecutionResult rollout = LocalWorkflow.run(Definition.DEFAULT_FILE,
                    SimulatedRun.JSON.readTree(monthly("[\"" + FINANCE + "\"]", REBUILD)), startingAt(MONDAY, "[]"), target, event -> { });
            long moves = account.simulator().callsTo("UpdateWorkspaceBundle").size();
            ExecutionResult rollback = LocalWorkflow.run(Definition.DEFAULT_FILE, SimulatedRun.JSON.readTree("{\"rollback\": \""
                    + SimulatedRun.executionName(rollout) + "\", \"rebuild\": true}"), startingAt(MONDAY, "[]"), target, event -> { });
            assertFalse(rollback.succeeded());
            assertEquals("InvalidInput", rollback.error());
            assertTrue(RolloutEndToEndTest.lastMail(account.simulator()).contains("rebuild: bundle " + FINANCE), RolloutEndToEndTest
                    .lastMail(account.simulator()));
            assertEquals(moves, account.simulator().callsTo("UpdateWorkspaceBundle").size(), "nothing moved back");
        }
    }

    @Test
    void anUnknownRebuildKeyIsRefusedBeforeAnyAwsCall() throws Exception {
        try (SimulatedRun run = run(monthly("[\"" + FINANCE + "\"]", REBUILD.replace("batchSize", "batchsize")), MONDAY)) {
            assertFalse(run.result.succeeded());
            assertEquals("InvalidInput", run.result.error());
            assertEquals(List.of("Publish"), run.aws().calls().stream().map(RecordedCall::operation).toList(), "only the mail");
            assertTrue(run.aws().publishedMessages().get(0).message().contains("images[0].rebuild.batchsize: unknown field; did you mean"
                    + " batchSize?"), run.aws().publishedMessages().get(0).message());
        }
    }
}
