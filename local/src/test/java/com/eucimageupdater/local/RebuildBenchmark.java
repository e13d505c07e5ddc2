package com.eucimageupdater.local;

import com.eucimageupdater.local.ExecutionHistories.Execution;
import com.eucimageupdater.model.RebuildSettings;
import com.eucimageupdater.plan.DeploymentSettings;
import com.eucimageupdater.plan.RolloutDefaults;
import com.eucimageupdater.rebuild.HistoryBudget;
import com.eucimageupdater.simulator.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One bundle of 2,000 WorkSpaces (by default) rebuilt in waves on the simulator, for the figures of its child execution: the
 * history events and state transitions Step Functions would record for the bundle's rebuild (against the 25,000-event limit and
 * the step's own worst case, which it checks at its first call), and for the parent. The run's clock jumps to each wait's end,
 * so the window and the polls take no time. Exits 1 unless every WorkSpace was rebuilt exactly once. Run with
 * {@code ./run-benchmark --rebuild} (option: {@code --workspaces N}).
 */
public final class RebuildBenchmark {
    /** A window every night: a weekend's two would not hold 81 waves within the execution's 14 days. */
    private static final RebuildSettings SETTINGS = new RebuildSettings(2, 25, 3, 120,
            new RebuildSettings.Window(List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"), "22:00", 6));
    private static final Instant MONDAY = Instant.parse("2026-12-07T08:00:00Z");
    private static final String BUNDLE = "wsb-bench0001";

    private RebuildBenchmark() {}

    public static void main(String[] args) throws Exception {
        int workspaces = args.length == 2 && args[0].equals("--workspaces") ? Integer.parseInt(args[1]) : 2000;
        String scenario = """
                {"region": "us-east-1", "accountId": "123456789012", "seed": 3,
                 "workspaces": {
                   "images": [{"id": "wsi-0a1b2c3d4", "name": "ws-win10-base", "description": "Windows 10 base", "os": "WINDOWS",
                               "updateAvailable": true, "updateDescription": "drivers",
                               "build": {"outcome": "AVAILABLE", "pollsUntilDone": 1}}],
                   "bundles": [{"id": "%s", "name": "win10-all", "imageId": "wsi-0a1b2c3d4",
                                "workspaceGroups": [{"count": %d, "idPrefix": "ws-bench", "lastConnectedHoursAgo": 20,
                                                     "snapshotHoursAgo": 3}]}]},
                 "sns": {"topics": ["arn:aws:sns:us-east-1:123456789012:euc-image-updater"]}}""".formatted(BUNDLE, workspaces);
        String input = """
                {"images": [{"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "bundles": ["%s"],
                             "rebuild": {"canary": %d, "batchSize": %d, "maxFailures": %d, "waveTimeoutMinutes": %d,
                                         "window": {"days": %s, "start": "22:00", "hours": %d}}}],
                 "approval": "none"}""".formatted(BUNDLE, SETTINGS.canary(), SETTINGS.batchSize(), SETTINGS.maxFailures(),
                SETTINGS.waveTimeoutMinutes(), SimulatedRun.JSON.writeValueAsString(SETTINGS.window().days()), SETTINGS.window().hours());
        LocalWorkflow.Settings settings = new LocalWorkflow.Settings(new DeploymentSettings("[]", 900, 480, 5, "UTC", 1,
                RolloutDefaults.DEFAULTS), 0L, 0L).startingAt(MONDAY);

        Instant started = Instant.now();
        ExecutionResult result;
        Map<String, Long> rebuildsPerWorkspace;
        try (SimulatedAccount account = new SimulatedAccount(Scenario.fromJson(scenario))) {
            result = LocalWorkflow.run(Definition.DEFAULT_FILE, SimulatedRun.JSON.readTree(input), settings,
                    account.target(SimulatedRun.topicArn(account.simulator().scenario())), event -> { });
            rebuildsPerWorkspace = account.simulator().callsTo("RebuildWorkspaces").stream()
                    .map(call -> call.request().path("RebuildWorkspaceRequests").path(0).path("WorkspaceId").asText())
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        }
        Duration wall = Duration.between(started, Instant.now());
        ExecutionHistories histories = ExecutionHistories.of(SimulatedRun.JSON.readTree(Definition.DEFAULT_FILE.toFile()), result.events());
        Execution bundle = histories.childrenOf("RebuildEachBundle").get(0);
        JsonNode outcome = result.events().stream().filter(event -> "RecordRebuild".equals(event.state()) && event.output() != null)
                .findFirst().orElseThrow().output();
        long twice = rebuildsPerWorkspace.values().stream().filter(count -> count > 1).count();

        System.out.printf("Rebuild benchmark: 1 bundle of %d WorkSpaces, canary %d, batchSize %d, waveTimeoutMinutes %d, window every"
                + " night 22:00 for %d h, polls every 10 minutes%n", workspaces, SETTINGS.canary(), SETTINGS.batchSize(),
                SETTINGS.waveTimeoutMinutes(), SETTINGS.window().hours());
        System.out.printf("execution          %s, bundle %s%n", result.status(), outcome.path("outcome").asText());
        System.out.printf("WorkSpaces rebuilt %d of %d (%d waves), rebuilt more than once: %d%n", rebuildsPerWorkspace.size(), workspaces,
                outcome.path("waves").asInt(), twice);
        System.out.printf("bundle's execution %d history events, %d transitions (the step's worst case %d events; limit %d)%n",
                bundle.historyEvents(), bundle.transitions(), HistoryBudget.worstCaseEvents(SETTINGS, workspaces),
                ExecutionHistories.HISTORY_LIMIT);
        System.out.printf("parent execution   %d history events, %d transitions%n", histories.parent().historyEvents(),
                histories.parent().transitions());
        System.out.printf("largest payload    %d bytes, %s (limit %d)%n", histories.largestPayload().bytes(),
                histories.largestPayload().where(), ExecutionHistories.PAYLOAD_LIMIT_BYTES);
        System.out.printf("wall time          %.1f s%n", wall.toMillis() / 1000.0);
        if (rebuildsPerWorkspace.size() != workspaces || twice > 0 || bundle.historyEvents() > ExecutionHistories.HISTORY_LIMIT) {
            System.out.println("FAILED: every WorkSpace must be rebuilt exactly once, within the history limit");
            System.exit(1);
        }
    }
}
