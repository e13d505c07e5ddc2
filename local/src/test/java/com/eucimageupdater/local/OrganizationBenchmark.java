package com.eucimageupdater.local;

import static com.eucimageupdater.local.OrganizationScenario.HOME;

import com.eucimageupdater.local.ExecutionHistories.Execution;
import com.eucimageupdater.simulator.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * A large organization run on the simulator, for its figures rather than its time: 1,000 images over 3 accounts in
 * 2 Regions, 10% of every Region's calls throttled. Prints whether every image updated exactly once and what Step
 * Functions would record: each execution's estimated history (the largest against the 25,000-event limit, and
 * against one execution holding every image as an INLINE Map would), transitions per image, the largest payload.
 * Exits 1 when an image did not update or was created twice. Run with {@code ./run-benchmark --organization}
 * (options: {@code --images N}, default 1000). Figures: docs/performance.md.
 */
public final class OrganizationBenchmark {
    private static final double THROTTLE_RATE = 0.1;
    private static final int MAX_CONCURRENCY_PER_PLACE = 20;
    private static final int MAX_CONCURRENCY_OVERALL = 120;

    private OrganizationBenchmark() {}

    public static void main(String[] args) throws Exception {
        int images = args.length == 2 && args[0].equals("--images") ? Integer.parseInt(args[1]) : 1000;
        OrganizationScenario organization = new OrganizationScenario(List.of(HOME, "222222222222", "333333333333"), List.of("us-east-1", "eu-west-1"));
        organization.places().forEach(place -> organization.throttled(place, THROTTLE_RATE));
        organization.images(images);

        Instant started = Instant.now();
        ExecutionResult result;
        Map<String, Long> createsPerSource;
        try (SimulatedAccount account = new SimulatedAccount(Scenario.fromJson(organization.scenario()))) {
            result = organization.run(account, MAX_CONCURRENCY_PER_PLACE, MAX_CONCURRENCY_OVERALL, 1L, event -> { });
            createsPerSource = TestScenarios.creates(account.simulator()).stream().collect(Collectors.groupingBy(call -> call.account() + " "
                    + call.region() + " " + call.request().path("existingImageName").asText(call.request().path("SourceImageId").asText()),
                    Collectors.counting()));
        }
        Duration wall = Duration.between(started, Instant.now());

        List<JsonNode> results = StreamSupport.stream(result.report().path("results").spliterator(), false).toList();
        long updated = results.stream().filter(image -> image.path("outcome").asText().equals("UPDATED")).count();
        long duplicated = createsPerSource.values().stream().filter(count -> count > 1).count();
        ExecutionHistories histories = ExecutionHistories.of(SimulatedRun.JSON.readTree(Definition.DEFAULT_FILE.toFile()), result.events());
        Execution largest = histories.largest();
        List<Integer> transitions = histories.childrenOf("BuildImages").stream().map(Execution::transitions).sorted().toList();

        System.out.printf("Organization benchmark: %d images, 3 accounts x 2 Regions, %.0f%% of calls throttled in every Region,"
                + " %d builds at once per account and Region, %d overall%n", images, THROTTLE_RATE * 100, MAX_CONCURRENCY_PER_PLACE,
                MAX_CONCURRENCY_OVERALL);
        System.out.printf("execution          %s%n", result.status());
        if (!result.report().path("problems").isEmpty()) {
            System.out.println("input rejected:    " + result.report().path("problems"));
            System.exit(1);
        }
        System.out.printf("images updated     %d of %d%n", updated, images);
        System.out.printf("sources created    %d, created more than once: %d%n", createsPerSource.size(), duplicated);
        System.out.printf("executions         1 parent, %d account+Region children, %d image children, %d production children%n",
                histories.childrenOf("BuildInEachAccountAndRegion").size(), transitions.size(), histories.childrenOf("RollOutToProduction").size());
        System.out.printf("history events     largest execution %d (%s), parent %d; limit %d%n", largest.historyEvents(),
                largest.map() == null ? "the parent" : "a child of " + largest.map(), histories.parent().historyEvents(), ExecutionHistories.HISTORY_LIMIT);
        System.out.printf("  as one execution with INLINE maps: %d events, %.0fx the largest actual execution%n",
                histories.inlineHistoryEvents(), (double) histories.inlineHistoryEvents() / largest.historyEvents());
        System.out.printf("transitions/image  median %d, max %d%n", transitions.get(transitions.size() / 2), transitions.get(transitions.size() - 1));
        System.out.printf("largest payload    %d bytes, %s (limit %d)%n", histories.largestPayload().bytes(), histories.largestPayload().where(),
                ExecutionHistories.PAYLOAD_LIMIT_BYTES);
        if (histories.largestPayload().bytes() > ExecutionHistories.PAYLOAD_LIMIT_BYTES) {
            System.out.println("                   OVER THE LIMIT: Step Functions would fail that state with States.DataLimitExceeded");
        }
        System.out.printf("wall time          %.1f s (the interpreter's execution %.1f s)%n", wall.toMillis() / 1000.0,
                result.elapsed().toMillis() / 1000.0);
        if (updated != images || duplicated > 0 || createsPerSource.size() != images) {
            System.out.println("FAILED: every image must update, each created exactly once");
            System.exit(1);
        }
    }
}
