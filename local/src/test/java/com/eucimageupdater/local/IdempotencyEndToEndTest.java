package com.eucimageupdater.local;

import static com.eucimageupdater.local.TestScenarios.NO_ERRORS;
import static com.eucimageupdater.local.TestScenarios.NO_FAULTS;
import static com.eucimageupdater.local.TestScenarios.appStream;
import static com.eucimageupdater.local.TestScenarios.createdSources;
import static com.eucimageupdater.local.TestScenarios.creates;
import static com.eucimageupdater.local.TestScenarios.image;
import static com.eucimageupdater.local.TestScenarios.input;
import static com.eucimageupdater.local.TestScenarios.scenario;
import static com.eucimageupdater.local.TestScenarios.workSpaces;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.local.TestScenarios.Fleet;
import com.eucimageupdater.simulator.Scenario;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Re-runs and concurrent runs never make a second image for the same source and day. */
class IdempotencyEndToEndTest {
    private static final String BOTH_IMAGES = input(image("APPSTREAM", "Base-Win2022"), image("WORKSPACES", "wsi-0a1b2c3d4"));

    private static ExecutionResult run(SimulatedAccount account, String input, LocalWorkflow.Settings settings) throws Exception {
        return LocalWorkflow.run(Definition.DEFAULT_FILE, SimulatedRun.JSON.readTree(input), settings,
                account.target(SimulatedRun.topicArn(account.simulator().scenario())), event -> { });
    }

    private static long adoptedStarts(ExecutionResult result) {
        return result.events().stream()
                .filter(event -> event.type().equals("StateExited") && event.state().equals("StartUpdate"))
                .filter(event -> event.output().path("start").path("adopted").asBoolean())
                .count();
    }

    /** An AppStream and a WorkSpaces image with updates whose builds end as {@code buildOutcome} says. */
    private static SimulatedAccount oneImagePerService(String buildOutcome) {
        return new SimulatedAccount(Scenario.fromJson(scenario(appStream("Base-Win2022", true, buildOutcome),
                workSpaces("wsi-0a1b2c3d4", "finance-win10", true, buildOutcome), NO_FAULTS)));
    }

    @Test
    @DisplayName("two executions at once create each updated image once; the second adopts and polls the first's")
    void concurrentExecutions() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (SimulatedAccount account = oneImagePerService("AVAILABLE")) {
            Callable<ExecutionResult> execution = () -> run(account, BOTH_IMAGES, SimulatedRun.FAST);
            List<Future<ExecutionResult>> runs = pool.invokeAll(List.of(execution, execution));
            List<ExecutionResult> results = new ArrayList<>();
            for (Future<ExecutionResult> run : runs) {
                results.add(run.get());
            }
            results.forEach(result -> assertTrue(result.succeeded(), () -> result.error() + " " + result.report()));
            results.forEach(result -> assertEquals(2, result.report().path("counts").path("updated").asInt()
                    + result.report().path("counts").path("adopted").asInt() + result.report().path("counts").path("upToDate").asInt()));
            assertEquals(2, creates(account.simulator()).size(), "one image per source across both executions");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("a re-run on the same day adopts the image still building from the first run")
    void rerunAdoptsTheImageStillBuilding() throws Exception {
        LocalWorkflow.Settings shortBound = SimulatedRun.settings("[]", 600, 20, 5, 1L);
        try (SimulatedAccount account = oneImagePerService("PENDING")) {
            ExecutionResult first = run(account, BOTH_IMAGES, shortBound);
            ExecutionResult second = run(account, BOTH_IMAGES, shortBound);
            assertEquals(0, adoptedStarts(first));
            assertEquals(2, adoptedStarts(second));
            assertEquals(2, creates(account.simulator()).size());
            assertTrue(second.report().path("results").path(0).path("reason").asText().startsWith("still PENDING after 20 min"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            APPSTREAM  | Base-Win2022  | {"name": "Base-Win2022-%s", "state": "AVAILABLE", "tags": {"owner": "someone-else"}}
            WORKSPACES | wsi-0a1b2c3d4 | {"id": "wsi-f0r31gn00", "name": "finance-win10-%s", "state": "AVAILABLE"}
            """)
    @DisplayName("an image of today's name that the pipeline did not make is not adopted: the image fails and says what to do")
    void foreignImageWithTheSameNameIsNotAdopted(String service, String source, String foreignImage) throws Exception {
        String foreign = foreignImage.formatted(LocalDate.now(ZoneOffset.UTC));
        String scenario = service.equals("APPSTREAM")
                ? scenario(appStream(source, true, "AVAILABLE") + "," + foreign, "", NO_FAULTS, NO_ERRORS)
                : scenario("", workSpaces(source, "finance-win10", true, "AVAILABLE") + "," + foreign, NO_FAULTS, NO_ERRORS);
        try (SimulatedRun run = SimulatedRun.of(scenario, input(image(service, source)))) {
            JsonAssert.failedWith(run.resultFor(source), "already exists but was not made by euc-image-updater");
            assertEquals(0, creates(run.aws()).size());
        }
    }

    @Test
    @DisplayName("20 images with 30% of calls throttled and 5% failing with 5xx all update, with no duplicate")
    void twentyImagesUnderThrottlingAndServerErrors() throws Exception {
        Fleet fleet = Fleet.of(10);
        try (SimulatedRun run = SimulatedRun.of(fleet.scenario("{\"throttleRate\": 0.3, \"serverErrorRate\": 0.05}"), fleet.input())) {
            assertTrue(run.result.succeeded(), () -> run.result.error() + " " + run.report());
            assertEquals(20, run.report().path("counts").path("updated").asInt());
            List<String> sources = createdSources(run.aws());
            assertEquals(20, sources.size(), "exactly one create per image: " + sources);
            assertEquals(20, sources.stream().distinct().count());
            assertTrue(run.aws().calls().stream().anyMatch(call -> call.httpStatus() >= 500), "5xx faults were injected");
            assertEquals(List.of(), run.aws().modelViolations());
        }
    }
}
