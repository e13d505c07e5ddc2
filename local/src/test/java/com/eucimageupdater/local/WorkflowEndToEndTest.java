package com.eucimageupdater.local;

import static com.eucimageupdater.local.TestScenarios.NO_FAULTS;
import static com.eucimageupdater.local.TestScenarios.appStream;
import static com.eucimageupdater.local.TestScenarios.createdSources;
import static com.eucimageupdater.local.TestScenarios.creates;
import static com.eucimageupdater.local.TestScenarios.image;
import static com.eucimageupdater.local.TestScenarios.input;
import static com.eucimageupdater.local.TestScenarios.scenario;
import static com.eucimageupdater.local.TestScenarios.workSpaces;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.local.TestScenarios.Fleet;
import com.eucimageupdater.simulator.PublishedMessage;
import com.eucimageupdater.simulator.RecordedCall;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The real ASL on aws-local-stepfunctions, the real handlers, the real SDK over HTTP, a simulated account. */
class WorkflowEndToEndTest {
    private static final String RUN_DATE_PATTERN = "\\d{4}-\\d{2}-\\d{2}";

    private static PublishedMessage onlyMail(SimulatedRun run) {
        List<PublishedMessage> mails = run.aws().publishedMessages();
        assertEquals(1, mails.size(), "one mail per run");
        return mails.get(0);
    }

    @Test
    @DisplayName("images of both services with updates are updated, current ones are left alone, one mail says so")
    void bothServicesUpdated() throws Exception {
        String scenario = scenario(appStream("Base-Win2022", true, "AVAILABLE") + "," + appStream("Office-Win2019", false, "AVAILABLE"),
                workSpaces("wsi-0a1b2c3d4", "finance-win10", true, "AVAILABLE"), NO_FAULTS);
        try (SimulatedRun run = SimulatedRun.of(scenario, input(image("APPSTREAM", "Base-Win2022"), image("APPSTREAM", "Office-Win2019"),
                image("WORKSPACES", "wsi-0a1b2c3d4")))) {
            assertTrue(run.result.succeeded(), () -> run.result.error() + " " + run.result.cause());
            assertEquals("UPDATED", run.resultFor("Base-Win2022").path("outcome").asText());
            assertTrue(run.resultFor("Base-Win2022").path("newImage").asText().matches("Base-Win2022-" + RUN_DATE_PATTERN));
            assertEquals("UP_TO_DATE", run.resultFor("Office-Win2019").path("outcome").asText());
            assertEquals("UPDATED", run.resultFor("wsi-0a1b2c3d4").path("outcome").asText());
            assertTrue(run.resultFor("wsi-0a1b2c3d4").path("newImage").asText().startsWith("wsi-"));

            assertEquals(Map.of("CreateUpdatedImage", 1L, "CreateUpdatedWorkspaceImage", 1L),
                    creates(run.aws()).stream().collect(Collectors.groupingBy(RecordedCall::operation, Collectors.counting())));
            assertEquals("Base-Win2022", creates(run.aws()).stream().filter(call -> call.service().equals("appstream"))
                    .findFirst().orElseThrow().request().path("existingImageName").asText());
            assertEquals(List.of(), run.aws().modelViolations());

            PublishedMessage mail = onlyMail(run);
            assertEquals("euc-image-updater: nothing to approve; 2 updated, 1 up to date", mail.subject());
            assertTrue(mail.message().contains("Base-Win2022 -> Base-Win2022-"), mail.message());
            assertTrue(mail.message().contains("UP_TO_DATE APPSTREAM  Office-Win2019"), mail.message());
            assertEquals("SUCCEEDED", mail.attributes().get("status"));
            assertEquals("2", mail.attributes().get("updated"));
            assertEquals("0", mail.attributes().get("failed"));
        }
    }

    @Test
    @DisplayName("when every image is current nothing is created and the run succeeds")
    void nothingToDo() throws Exception {
        String scenario = scenario(appStream("Base-Win2022", false, "AVAILABLE"), workSpaces("wsi-0a1b2c3d4", "finance-win10", false, "AVAILABLE"),
                NO_FAULTS);
        try (SimulatedRun run = SimulatedRun.of(scenario, input(image("APPSTREAM", "Base-Win2022"), image("WORKSPACES", "wsi-0a1b2c3d4")))) {
            assertTrue(run.result.succeeded());
            assertEquals(List.of(), creates(run.aws()));
            assertEquals(List.of(), run.aws().calls().stream().filter(RecordedCall::mutating)
                    .filter(call -> !call.operation().equals("Publish")).toList());
            assertEquals("euc-image-updater: nothing to approve; 0 updated, 2 up to date", onlyMail(run).subject());
        }
    }

    @Test
    @DisplayName("a failed build fails that image with the service's reason, the others still finish, the execution fails")
    void failedBuild() throws Exception {
        String scenario = scenario(appStream("Base-Win2022", true, "FAILED"), workSpaces("wsi-0a1b2c3d4", "finance-win10", true, "ERROR"),
                NO_FAULTS);
        String okScenario = scenario.replace("\"appstream\": {\"images\": [", "\"appstream\": {\"images\": [" + appStream("Good", true, "AVAILABLE") + ",");
        try (SimulatedRun run = SimulatedRun.of(okScenario, input(image("APPSTREAM", "Base-Win2022"), image("WORKSPACES", "wsi-0a1b2c3d4"),
                image("APPSTREAM", "Good")))) {
            assertFalse(run.result.succeeded());
            assertEquals("ImageUpdatesFailed", run.result.error());
            assertEquals("UPDATED", run.resultFor("Good").path("outcome").asText());
            JsonAssert.failedWith(run.resultFor("Base-Win2022"), "Image builder failed to install updates");
            JsonAssert.failedWith(run.resultFor("wsi-0a1b2c3d4"), "The update could not be installed");
            PublishedMessage mail = onlyMail(run);
            assertEquals("euc-image-updater: 2 images failed; nothing to approve; 1 updated, 0 up to date", mail.subject());
            assertTrue(mail.message().contains("reason: AppStream image is FAILED"), mail.message());
            assertEquals("SOME_FAILED", mail.attributes().get("status"));
        }
    }

    @Test
    @DisplayName("a build stuck past the bound fails with how long it waited, after a bounded number of polls")
    void buildStuckPastTheBound() throws Exception {
        String scenario = scenario(appStream("Base-Win2022", true, "PENDING"), "", NO_FAULTS);
        LocalWorkflow.Settings settings = SimulatedRun.settings("[]", 600, 60, 5, 1L);
        try (SimulatedRun run = SimulatedRun.of(scenario, input(image("APPSTREAM", "Base-Win2022")), settings)) {
            assertEquals("ImageUpdatesFailed", run.result.error());
            JsonAssert.failedWith(run.resultFor("Base-Win2022"), "still PENDING after 1 h");
            long polls = run.result.events().stream()
                    .filter(event -> event.type().equals("StateExited") && event.state().equals("PollImageState")).count();
            assertEquals(1, polls, "the first poll waits for the expected build time, capped by the hour's maximum wait: one poll");
        }
    }

    @Test
    @DisplayName("the console's default input runs the images configured at deploy time")
    void consoleDefaultInput() throws Exception {
        String scenario = scenario(appStream("Base-Win2022", true, "AVAILABLE"), "", NO_FAULTS);
        try (SimulatedRun run = SimulatedRun.of(scenario, "{\"Comment\": \"Insert your JSON here\"}",
                SimulatedRun.settings("[" + image("APPSTREAM", "Base-Win2022") + "]", 900, 480, 5, 5L))) {
            assertTrue(run.result.succeeded());
            assertEquals("UPDATED", run.resultFor("Base-Win2022").path("outcome").asText());
            assertEquals(1, creates(run.aws()).size());
        }
    }

    @Test
    @DisplayName("20 images with a concurrency of 3 all update, each exactly once")
    void twentyImagesWithLimitedConcurrency() throws Exception {
        Fleet fleet = Fleet.of(10);
        LocalWorkflow.Settings settings = SimulatedRun.settings("[]", 900, 480, 3, 5L);
        try (SimulatedRun run = SimulatedRun.of(fleet.scenario(NO_FAULTS), fleet.input(), settings)) {
            assertTrue(run.result.succeeded(), () -> run.result.error() + " " + run.result.cause());
            assertEquals(20, run.report().path("counts").path("updated").asInt());
            assertEquals(20, createdSources(run.aws()).stream().distinct().count());
            assertEquals(20, createdSources(run.aws()).size());
            // Iterations of both Maps overlap: the one account and Region's child spans all of its images' children.
            long imagesAtOnce = maxIterationsAtOnce(run.result.events()) - 1;
            assertTrue(imagesAtOnce >= 2 && imagesAtOnce <= 3, "Map concurrency is used and bounded: " + imagesAtOnce);
        }
    }

    @Test
    @DisplayName("with 30% of calls throttled every image still updates exactly once and nothing breaks the model")
    void thirtyPercentThrottled() throws Exception {
        Fleet fleet = Fleet.of(6);
        try (SimulatedRun run = SimulatedRun.of(fleet.scenario("{\"throttleRate\": 0.3}"), fleet.input())) {
            assertTrue(run.result.succeeded(), () -> run.result.error() + " " + run.report());
            assertEquals(12, run.report().path("counts").path("updated").asInt());
            assertEquals(12, createdSources(run.aws()).size(), "no duplicate image");
            assertTrue(run.aws().calls().stream().anyMatch(call -> "ThrottlingException".equals(call.errorType())), "faults were injected");
            assertEquals(List.of(), run.aws().modelViolations());
        }
    }

    @Test
    @DisplayName("40 images failing at once still end in one mail, their errors compact enough for Step Functions' 256 KB")
    void manyFailuresStayWithinTheStateSizeLimit() throws Exception {
        String images = IntStream.range(0, 40).mapToObj(i -> image("APPSTREAM", "Missing-" + i)).collect(Collectors.joining(","));
        try (SimulatedRun run = SimulatedRun.of(scenario("", "", NO_FAULTS), input(images))) {
            assertEquals("ImageUpdatesFailed", run.result.error());
            assertEquals(40, run.report().path("counts").path("failed").asInt());
            String mapOutput = run.result.events().stream()
                    .filter(event -> event.type().equals("StateExited") && event.state().equals("BuildImages"))
                    .findFirst().orElseThrow().output().toString();
            assertTrue(mapOutput.length() < 40 * 1024, "about 1 KB per failed image, got " + mapOutput.length() + " bytes");
            assertEquals(1, run.aws().publishedMessages().size());
        }
    }

    /** The most Map iterations alive at one instant, from each iteration's first and last event times. */
    private static long maxIterationsAtOnce(List<ExecutionEvent> events) {
        Map<Integer, LongSummaryStatistics> lifetimes = events.stream()
                .filter(event -> event.index() != null)
                .collect(Collectors.groupingBy(ExecutionEvent::index, Collectors.summarizingLong(ExecutionEvent::timestamp)));
        return lifetimes.values().stream()
                .mapToLong(at -> lifetimes.values().stream()
                        .filter(other -> other.getMin() <= at.getMin() && other.getMax() > at.getMin())
                        .count())
                .max()
                .orElse(0);
    }
}
