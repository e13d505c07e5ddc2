package com.eucimageupdater.local;

import static com.eucimageupdater.local.TestScenarios.NO_FAULTS;
import static com.eucimageupdater.local.TestScenarios.appStream;
import static com.eucimageupdater.local.TestScenarios.createAttempts;
import static com.eucimageupdater.local.TestScenarios.creates;
import static com.eucimageupdater.local.TestScenarios.image;
import static com.eucimageupdater.local.TestScenarios.input;
import static com.eucimageupdater.local.TestScenarios.scenario;
import static com.eucimageupdater.local.TestScenarios.workSpaces;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.simulator.RecordedCall;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What real accounts do that a quiet simulator does not: schedule days, shared and Linux images, create races,
 * lost responses, quotas, long outages and Lambda's own faults, each through the real ASL on the simulator.
 */
class RealAccountsEndToEndTest {
    private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();
    private static final String BASE = image("APPSTREAM", "Base-Win2022");

    private static String pipelineImage(String name, String source, String execution, String state) {
        return """
                {"name": "%s", "state": "%s", "tags": {"euc-image-updater:source-image": "%s", "euc-image-updater:run-date": "%s",
                 "euc-image-updater:execution": "%s"}}""".formatted(name, state, source, TODAY, execution);
    }

    /** A scripted error; {@code times} null for always; creates only (not dry runs) when {@code mutatingOnly}. */
    private static String error(String operation, String image, String type, Integer times, boolean mutatingOnly, boolean afterEffect) {
        return """
                {"operation": "%s", "image": "%s", "type": "%s", %s "mutatingOnly": %s, "afterEffect": %s}"""
                .formatted(operation, image, type, times == null ? "" : "\"times\": " + times + ",", mutatingOnly, afterEffect);
    }

    private static List<RecordedCall> changes(SimulatedRun run) {
        return run.aws().mutatingCalls().stream().filter(call -> !call.operation().equals("Publish")).toList();
    }

    @Test
    @DisplayName("a scheduled start on another day of the window ends at once: no AWS call, no mail")
    void scheduledStartOnAnotherDayDoesNothing() throws Exception {
        LocalDate notTheRunDay = LocalDate.of(2026, 7, 8);
        String configured = "[" + BASE + "]";
        try (SimulatedRun run = SimulatedRun.of(scenario(appStream("Base-Win2022", true, "AVAILABLE"), "", NO_FAULTS),
                "{\"scheduledTime\": \"" + notTheRunDay + "T06:00:00Z\"}", SimulatedRun.settings(configured, 900, 480, 5, 1L))) {
            assertTrue(run.result.succeeded(), run.result::toString);
            assertEquals(List.of(), run.aws().calls());
            assertTrue(run.result.events().stream().anyMatch(event -> "NotTheRunDay".equals(event.state())));
        }
    }

    @Test
    @DisplayName("a display name carrying last month's date gets today's instead of a second one")
    void displayNameDatesAreReplacedNotStacked() throws Exception {
        String dated = appStream("Finance-Win2022", true, "AVAILABLE").replace("\"name\": \"Finance-Win2022\"",
                "\"name\": \"Finance-Win2022\", \"displayName\": \"Finance desktop (2026-10-14)\"");
        try (SimulatedRun run = SimulatedRun.of(scenario(dated, "", NO_FAULTS), input(image("APPSTREAM", "Finance-Win2022")))) {
            assertEquals(List.of("Finance desktop (" + TODAY + ")"), creates(run.aws()).stream()
                    .map(call -> call.request().path("newImageDisplayName").asText()).toList());
        }
    }

    @Test
    @DisplayName("a scheduled start on the run day updates the configured images")
    void scheduledStartOnTheRunDayRuns() throws Exception {
        String configured = "[" + BASE + "]";
        try (SimulatedRun run = SimulatedRun.of(scenario(appStream("Base-Win2022", true, "AVAILABLE"), "", NO_FAULTS),
                "{\"scheduledTime\": \"2026-07-15T06:00:00Z\"}", SimulatedRun.settings(configured, 900, 480, 5, 1L))) {
            assertTrue(run.result.succeeded(), run.result::toString);
            assertEquals(List.of("Base-Win2022-2026-07-15"), creates(run.aws()).stream()
                    .map(call -> call.request().path("newImageName").asText()).toList());
        }
    }

    @Test
    @DisplayName("a WorkSpaces image shared from another account, and a Linux one, are refused at the check: no create")
    void sharedAndLinuxWorkSpacesImagesAreRefusedBeforeAnyCreate() throws Exception {
        String shared = """
                {"id": "wsi-5h4r3d000", "name": "partner-win10", "ownerAccountId": "111122223333", "updateAvailable": true}""";
        String linux = """
                {"id": "wsi-11nux0000", "name": "dev-al2", "os": "LINUX", "updateAvailable": true}""";
        try (SimulatedRun run = SimulatedRun.of(scenario("", shared + "," + linux, NO_FAULTS),
                input(image("WORKSPACES", "wsi-5h4r3d000"), image("WORKSPACES", "wsi-11nux0000")))) {
            JsonAssert.failedWith(run.resultFor("wsi-5h4r3d000"), "belongs to account 111122223333 and is shared with this account");
            JsonAssert.failedWith(run.resultFor("wsi-11nux0000"), "runs LINUX; CreateUpdatedWorkspaceImage updates only Windows images");
            assertEquals(List.of(), changes(run));
        }
    }

    @Test
    @DisplayName("a create that races a concurrent run's image it cannot see yet is retried, then adopts that image")
    void createRaceWithAnImageNotVisibleYetIsRetriedThenAdopted() throws Exception {
        String newName = "Base-Win2022-" + TODAY;
        // The concurrent run's image exists (so the create answers ResourceAlreadyExists), but the first two describes miss it.
        String accountImages = appStream("Base-Win2022", true, "AVAILABLE") + ","
                + pipelineImage(newName, "Base-Win2022", "concurrent-run", "AVAILABLE");
        String invisible = "[" + error("DescribeImages", newName, "ResourceNotFoundException", 2, false, false) + "]";
        try (SimulatedRun run = SimulatedRun.of(scenario(accountImages, "", NO_FAULTS, invisible), input(BASE))) {
            JsonNode result = run.resultFor("Base-Win2022");
            assertEquals("ADOPTED", result.path("outcome").asText(), result::toString);
            assertEquals("concurrent-run", result.path("adoptedFrom").asText());
            assertEquals(List.of("ResourceAlreadyExistsException"), createAttempts(run.aws()));
            assertTrue(run.report().path("message").asText().contains("started by run concurrent-run, not a second image"));
        }
    }

    @Test
    @DisplayName("a race lost to an image not made by the pipeline is retried, then refused: never adopted")
    void createRaceWithAForeignImageIsRefusedOnceVisible() throws Exception {
        String newName = "Base-Win2022-" + TODAY;
        String accountImages = appStream("Base-Win2022", true, "AVAILABLE") + ",{\"name\": \"" + newName + "\"}";
        String invisible = "[" + error("DescribeImages", newName, "ResourceNotFoundException", 2, false, false) + "]";
        try (SimulatedRun run = SimulatedRun.of(scenario(accountImages, "", NO_FAULTS, invisible), input(BASE))) {
            JsonAssert.failedWith(run.resultFor("Base-Win2022"), "already exists but was not made by euc-image-updater");
            assertEquals(0, creates(run.aws()).size());
        }
    }

    @Test
    @DisplayName("a create whose response is lost (5xx after it took effect) is adopted as this run's own image, made once")
    void lostCreateResponseIsAdoptedAsOurOwn() throws Exception {
        String lost = "[" + error("CreateUpdatedImage", "Base-Win2022", "InternalFailure", 1, true, true) + "]";
        try (SimulatedRun run = SimulatedRun.of(scenario(appStream("Base-Win2022", true, "AVAILABLE"), "", NO_FAULTS, lost),
                input(BASE))) {
            JsonNode result = run.resultFor("Base-Win2022");
            assertEquals("UPDATED", result.path("outcome").asText(), result::toString);
            assertEquals("Base-Win2022-" + TODAY, result.path("newImage").asText());
            assertEquals(List.of("InternalFailure", "ResourceAlreadyExistsException"), createAttempts(run.aws()),
                    "the first create took effect; the SDK's retry found the image, which the run adopted as its own");
        }
    }

    @Test
    @DisplayName("a quota error while another update of the run builds is waited out, and the mail says how long")
    void quotaIsWaitedOutWhileOtherUpdatesBuild() throws Exception {
        String accountImages = appStream("Quota-Win2022", true, "AVAILABLE") + ","
                + pipelineImage("Other-Win2022-" + TODAY, "Other-Win2022", "this-morning", "PENDING");
        String quota = "[" + error("CreateUpdatedImage", "Quota-Win2022", "LimitExceededException", 2, true, false) + "]";
        try (SimulatedRun run = SimulatedRun.of(scenario(accountImages, "", NO_FAULTS, quota), input(image("APPSTREAM", "Quota-Win2022")))) {
            JsonNode result = run.resultFor("Quota-Win2022");
            assertEquals("UPDATED", result.path("outcome").asText(), result::toString);
            assertEquals(900 + 1800, result.path("quotaWaitSeconds").asInt(), "a poll interval, then twice that");
            assertTrue(run.report().path("message").asText().contains("waited 45 min for a service quota"), run.report()::toString);
            assertEquals(List.of("LimitExceededException", "LimitExceededException", "success"), createAttempts(run.aws()));
        }
    }

    @Test
    @DisplayName("five images against an update quota of two all update: the others wait while the run's builds free it")
    void fiveImagesUnderASmallQuotaAllUpdate() throws Exception {
        String images = IntStream.range(0, 5).mapToObj(i -> appStream("Image-" + i, true, "AVAILABLE")).collect(Collectors.joining(","));
        String quotaOfTwo = scenario(images, "", NO_FAULTS).replace("\"appstream\": {", "\"appstream\": {\"maxUpdatesInFlight\": 2, ");
        String input = input(IntStream.range(0, 5).mapToObj(i -> image("APPSTREAM", "Image-" + i)).toArray(String[]::new));
        try (SimulatedRun run = SimulatedRun.of(quotaOfTwo, input)) {
            assertTrue(run.result.succeeded(), () -> run.result.error() + " " + run.report());
            assertEquals(5, run.report().path("counts").path("updated").asInt());
            assertEquals(5, creates(run.aws()).size(), "one image per source");
            assertTrue(createAttempts(run.aws()).contains("LimitExceededException"), "the quota was hit");
            assertTrue(StreamSupport.stream(run.report().path("results").spliterator(), false)
                    .anyMatch(result -> result.path("quotaWaitSeconds").asInt() > 0), "an image waited for quota");
        }
    }

    @Test
    @DisplayName("a WorkSpaces create that races a concurrent run's image the listing does not show yet adopts it after a retry")
    void workSpacesCreateRaceWithAnImageNotListedYetIsAdopted() throws Exception {
        String concurrent = """
                {"id": "wsi-c0ncurrent", "name": "finance-%s", "state": "AVAILABLE", "hiddenForDescribes": 2,
                 "tags": {"euc-image-updater:source-image": "wsi-0a1b2c3d4", "euc-image-updater:run-date": "%s",
                          "euc-image-updater:execution": "concurrent-run"}}""".formatted(TODAY, TODAY);
        try (SimulatedRun run = SimulatedRun.of(scenario("", workSpaces("wsi-0a1b2c3d4", "finance", true, "AVAILABLE") + "," + concurrent,
                NO_FAULTS), input(image("WORKSPACES", "wsi-0a1b2c3d4")))) {
            JsonNode result = run.resultFor("wsi-0a1b2c3d4");
            assertEquals("ADOPTED", result.path("outcome").asText(), result::toString);
            assertEquals("wsi-c0ncurrent", result.path("newImage").asText());
            assertEquals(List.of("ResourceAlreadyExistsException"), createAttempts(run.aws()));
        }
    }

    @Test
    @DisplayName("a quota that stays exhausted fails the image within its maximum wait, with the Service Quotas hint")
    void quotaThatStaysExhaustedFailsWithinTheMaximumWait() throws Exception {
        String accountImages = appStream("Quota-Win2022", true, "AVAILABLE") + ","
                + pipelineImage("Other-Win2022-" + TODAY, "Other-Win2022", "this-morning", "PENDING");
        String quota = "[" + error("CreateUpdatedImage", "Quota-Win2022", "LimitExceededException", null, true, false) + "]";
        try (SimulatedRun run = SimulatedRun.of(scenario(accountImages, "", NO_FAULTS, quota), input(image("APPSTREAM", "Quota-Win2022")))) {
            JsonAssert.failedWith(run.resultFor("Quota-Win2022"), "raise the quota in Service Quotas");
            JsonAssert.failedWith(run.resultFor("Quota-Win2022"), "still exhausted after waiting 465 min");
            assertEquals(0, creates(run.aws()).size());
        }
    }

    @Test
    @DisplayName("AWS refusing for longer than the retries fails the image saying how many attempts over how long, and to run again")
    void anOutageLongerThanTheRetriesSaysSo() throws Exception {
        String outage = "[" + error("DescribeImages", "Base-Win2022", "ServiceUnavailable", null, false, false) + "]";
        try (SimulatedRun run = SimulatedRun.of(scenario(appStream("Base-Win2022", true, "AVAILABLE"), "", NO_FAULTS, outage), input(BASE))) {
            JsonAssert.failedWith(run.resultFor("Base-Win2022"), "6 attempts over up to 8 minutes failed");
            JsonAssert.failedWith(run.resultFor("Base-Win2022"), "run again later");
        }
    }

    @Test
    @DisplayName("Lambda's own faults are retried by the definition's retriers: a throttled check still updates the image")
    void lambdaFaultsAreRetried() throws Exception {
        String faults = scenario(appStream("Base-Win2022", true, "AVAILABLE"), "", NO_FAULTS).replaceFirst("\\{",
                "{\"lambda\": {\"errors\": [\"Lambda.TooManyRequestsException\", \"Lambda.ServiceException\"],"
                        + " \"firstCalls\": {\"Check\": 3, \"Poll\": 1}},");
        try (SimulatedRun run = SimulatedRun.of(faults, input(BASE))) {
            assertTrue(run.result.succeeded(), run.result::toString);
            assertEquals("UPDATED", run.resultFor("Base-Win2022").path("outcome").asText());
            assertEquals(4, run.result.events().stream().filter(event -> "CheckForUpdate".equals(event.state())
                    && "StateRetried".equals(event.type())).count() + 1, "three faults, then the check that answered");
        }
    }

    @Test
    @DisplayName("a Lambda fault that outlasts its retrier fails only that image, named as Step Functions names it")
    void lambdaFaultsBeyondTheRetrierFailTheImage() throws Exception {
        String faults = scenario(appStream("Base-Win2022", true, "AVAILABLE"), workSpaces("wsi-0a1b2c3d4", "finance", false, "AVAILABLE"),
                NO_FAULTS).replaceFirst("\\{", "{\"lambda\": {\"firstCalls\": {\"Start\": 7}},");
        try (SimulatedRun run = SimulatedRun.of(faults, input(BASE, image("WORKSPACES", "wsi-0a1b2c3d4")))) {
            JsonAssert.failedWith(run.resultFor("Base-Win2022"), "ServiceException: Simulated Lambda.ServiceException invoking the Start"
                    + " function");
            assertEquals("UP_TO_DATE", run.resultFor("wsi-0a1b2c3d4").path("outcome").asText());
            assertEquals(0, creates(run.aws()).size());
        }
    }
}
