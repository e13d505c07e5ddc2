package com.eucimageupdater.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.eucimageupdater.build.CheckHandler;
import com.eucimageupdater.build.PollHandler;
import com.eucimageupdater.build.StartHandler;
import com.eucimageupdater.build.SummarizeBuildsHandler;
import com.eucimageupdater.approve.RequestApprovalHandler;
import com.eucimageupdater.aws.ApprovalTopic;
import com.eucimageupdater.aws.EventBridgeBus;
import com.eucimageupdater.aws.SsmLineageParameters;
import com.eucimageupdater.publish.PublishHandler;
import com.eucimageupdater.publish.Publisher;
import com.eucimageupdater.rebuild.RebuildHandler;
import com.eucimageupdater.distribute.DistributeHandler;
import com.eucimageupdater.drift.SurveyHandler;
import com.eucimageupdater.retire.RetireHandler;
import com.eucimageupdater.rollback.FindRolloutHandler;
import com.eucimageupdater.rollout.MoveTargetsHandler;
import com.eucimageupdater.rollout.PlanRolloutHandler;
import com.eucimageupdater.rollout.ResolveHandler;
import com.eucimageupdater.validate.ValidateHandler;
import com.eucimageupdater.workflow.WorkflowStep;
import com.eucimageupdater.plan.PlanHandler;
import com.eucimageupdater.report.ReportHandler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.eucimageupdater.aws.ServiceAdapter;
import com.eucimageupdater.aws.ImageServices;
import com.eucimageupdater.model.ImageUpdateException;
import com.eucimageupdater.aws.SimulatedAccount;
import com.eucimageupdater.simulator.RecordedCall;
import com.eucimageupdater.simulator.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;

/**
 * Each Lambda handler as the state machine calls it: JSON in, JSON out. The image steps run on the simulated
 * account, and each step's result is placed where the ASL's ResultPath puts it ({@code $.check}, {@code $.start},
 * {@code $.poll}) before the next step reads the item.
 */
class HandlersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The runtime's context; its logger takes the steps' log lines. */
    private static final Context LAMBDA = mock(Context.class, Mockito.RETURNS_MOCKS);
    /** The ConfiguredImages substitution: cdk.json's images as JSON text inside a JSON string. */
    private static final String CONFIGURED_IMAGES =
            "[{\"service\": \"APPSTREAM\", \"image\": \"Base-Win2022\", \"tags\": {\"team\": \"euc\"}}, "
                    + "{\"service\": \"WORKSPACES\", \"image\": \"wsi-0a1b2c3d4\", \"description\": \"Monthly patch\"}]";

    private static JsonNode invoke(RequestStreamHandler handler, String input) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), output, LAMBDA);
        return JSON.readTree(output.toByteArray());
    }

    private static JsonNode invoke(RequestStreamHandler handler, JsonNode input) throws IOException {
        return invoke(handler, JSON.writeValueAsString(input));
    }

    /** The PlanRun state's Parameters for an execution started with {@code executionInput}. */
    private static JsonNode plan(String executionInput) throws IOException {
        ObjectNode parameters = JSON.createObjectNode();
        parameters.set("input", JSON.readTree(executionInput));
        parameters.put("executionName", "monthly-2026-11")
                .put("executionId", "arn:aws:states:us-east-1:123456789012:execution:euc-image-updater:monthly-2026-11")
                .put("startTime", "2026-11-10T06:00:00.123Z")
                .put("configuredImages", CONFIGURED_IMAGES)
                .put("pollIntervalSeconds", "900")
                .put("maxWaitMinutes", "480")
                .put("maxConcurrency", "5")
                .put("timeZone", "UTC")
                .put("daysAfterPatchTuesday", "1")
                .put("approval", "required")
                .put("approvalTimeoutHours", "72")
                .put("keepImages", "0")
                .put("targets", "[]")
                .put("maxConcurrencyOverall", "50")
                .put("expectedBuildMinutes", "90");
        return invoke(new PlanHandler(), parameters);
    }

    /** One Map iteration's input as the state machine's ItemSelector makes it for the check step: the item and the run. */
    private static ObjectNode plannedItem(String service, String image) throws IOException {
        String input = "{\"images\": [{\"service\": \"%s\", \"image\": \"%s\"}]}".formatted(service, image);
        JsonNode plan = plan(input);
        ObjectNode iteration = JSON.createObjectNode();
        iteration.set("item", plan.get("images").get(0));
        iteration.set("run", plan.get("run"));
        return iteration;
    }

    /** The WaitForImage, PollImageState, IsImageReady loop: each poll's state and count, until settled or out of polls. */
    private static List<String> pollUntilSettled(PollHandler handler, ObjectNode item) throws IOException {
        List<String> polls = new ArrayList<>();
        do {
            item.set("poll", invoke(handler, item));
            polls.add(item.at("/poll/state").asText() + " " + item.at("/poll/pollsDone").asInt());
        } while ("PENDING".equals(item.at("/poll/state").asText()) && item.at("/poll/pollsDone").asInt() < item.at("/run/maxPolls").asInt());
        return polls;
    }

    @Test
    void planRunsTheConfiguredImagesForTheConsolesDefaultInput() throws IOException {
        JsonNode plan = plan("{\"Comment\": \"Insert your JSON here\"}");

        assertEquals(JSON.readTree("[]"), plan.get("problems"), "IsInputValid goes on when $.problems[0] is absent");
        assertEquals("monthly-2026-11", plan.get("executionName").asText());
        assertEquals("2026-11-10", plan.get("runDate").asText());
        assertTrue(plan.get("maxConcurrency").isInt(), "MaxConcurrencyPath needs a number");
        assertEquals(JSON.readTree("""
                [{"service": "APPSTREAM", "image": "Base-Win2022", "tags": {"team": "euc"}, "keep": 0, "account": "123456789012",
                  "region": "us-east-1"},
                 {"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "description": "Monthly patch", "keep": 0, "account": "123456789012",
                  "region": "us-east-1"}]"""), plan.get("images"),
                "small items: only what the admin gave, where each image is, and the retention the ASL reads");
        assertEquals(JSON.readTree("""
                {"executionName": "monthly-2026-11", "runDate": "2026-11-10", "account": "123456789012", "region": "us-east-1",
                 "pollIntervalSeconds": 900, "maxPolls": 32, "maxWaitMinutes": 480, "maxWaitText": "8 h", "approval": "required",
                 "approvalTimeoutSeconds": 259200, "dryRun": false, "expectedBuildMinutes": 90, "maxConcurrency": 5, "timeZone": "UTC",
                 "disableAfterFailures": 3}"""),
                plan.get("run"),
                "passed once to every item");
    }

    @Test
    void planRejectsBadInputWithProblemsTheChoiceStateSeesAndNoImages() throws IOException {
        JsonNode plan = plan("{\"images\": [{\"service\": \"EC2\", \"image\": \"Base-Win2022\"}]}");

        assertEquals("images[0].service: must be \"APPSTREAM\" or \"WORKSPACES\", got \"EC2\"", plan.at("/problems/0").asText());
        assertEquals(JSON.readTree("[]"), plan.get("images"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "APPSTREAM,  Base-Win2022,  Base-Win2022-2026-11-10,  CreateUpdatedImage",
            "WORKSPACES, wsi-0a1b2c3d4, ws-win10-base-2026-11-10, CreateUpdatedWorkspaceImage"})
    void anImageWithUpdatesGoesFromCheckThroughStartToAvailable(String service, String image, String newImageName,
            String createOperation) throws IOException {
        try (SimulatedAccount account = SimulatedAccount.start(Scenario.defaultScenario())) {
            ImageServices services = account.imageServices();
            ObjectNode item = plannedItem(service, image);

            item.set("check", invoke(new CheckHandler(services), item));
            assertTrue(item.at("/check/updateAvailable").asBoolean(), item::toString);
            assertEquals(newImageName, item.at("/check/newImageName").asText());

            item.set("start", invoke(new StartHandler(services), item));
            assertEquals(newImageName, item.at("/start/newImageName").asText());
            assertFalse(item.at("/start/adopted").asBoolean());

            assertEquals(4500, item.at("/start/firstPollSeconds").asInt(), "the first poll one interval before the expected 90 minutes");
            assertEquals(List.of("PENDING 5", "PENDING 6", "AVAILABLE 7"), pollUntilSettled(new PollHandler(services), item),
                    "the first wait counts as the polls it stands for, so the bound still covers the maximum wait");
            String tagOperation = service.equals("APPSTREAM") ? "TagResource" : "CreateTags";
            assertEquals(List.of(createOperation, tagOperation), account.simulator().mutatingCalls().stream().map(RecordedCall::operation)
                    .toList(), "the AVAILABLE image is tagged with its build minutes for next month's first poll");
            assertEquals(List.of(), account.simulator().modelViolations());
        }
    }

    @Test
    void eachStepLogsOneJsonLineWithTheExecutionServiceImageOutcomeAndDuration() throws IOException {
        try (SimulatedAccount account = SimulatedAccount.start(Scenario.defaultScenario())) {
            LambdaLogger log = mock(LambdaLogger.class);
            Context context = mock(Context.class);
            when(context.getLogger()).thenReturn(log);
            when(context.getAwsRequestId()).thenReturn("8476a536-e9f4-11e8-9739-2dfe598c3fcd");
            ObjectNode item = plannedItem("APPSTREAM", "Finance-Win2022");

            new CheckHandler(account.imageServices()).handleRequest(
                    new ByteArrayInputStream(JSON.writeValueAsBytes(item)), new ByteArrayOutputStream(), context);

            ArgumentCaptor<byte[]> line = ArgumentCaptor.forClass(byte[].class);
            verify(log).log(line.capture(), eq(LogLevel.INFO));
            String text = new String(line.getValue(), StandardCharsets.UTF_8);
            assertTrue(text.endsWith("}\n") && text.indexOf('\n') == text.length() - 1, "one line: " + text);
            JsonNode logged = JSON.readTree(text);
            assertEquals("Check", logged.get("step").asText());
            assertEquals("monthly-2026-11", logged.get("execution").asText());
            assertEquals("APPSTREAM", logged.get("service").asText());
            assertEquals("Finance-Win2022", logged.get("image").asText());
            assertEquals("UP_TO_DATE", logged.get("outcome").asText());
            assertTrue(logged.get("durationMs").canConvertToLong(), logged::toString);
            assertEquals("INFO", logged.get("level").asText());
            assertEquals("8476a536-e9f4-11e8-9739-2dfe598c3fcd", logged.get("requestId").asText());
        }
    }

    @Test
    void snapStartPrimingRunsEveryStepsJsonAndClientsWithoutAnyCallToAws() throws Exception {
        try (SimulatedAccount account = SimulatedAccount.start(Scenario.defaultScenario())) {
            ImageServices services = account.imageServices();
            Map<WorkflowStep, JsonHandler<?, ?>> handlers = new EnumMap<>(Map.ofEntries(
                    Map.entry(WorkflowStep.PLAN, new PlanHandler()),
                    Map.entry(WorkflowStep.RESOLVE, new ResolveHandler(services)),
                    Map.entry(WorkflowStep.CHECK, new CheckHandler(services)),
                    Map.entry(WorkflowStep.START, new StartHandler(services)),
                    Map.entry(WorkflowStep.POLL, new PollHandler(services)),
                    Map.entry(WorkflowStep.DISTRIBUTE, new DistributeHandler(services)),
                    Map.entry(WorkflowStep.VALIDATE, new ValidateHandler(services)),
                    Map.entry(WorkflowStep.SUMMARIZE_BUILDS, new SummarizeBuildsHandler(services)),
                    Map.entry(WorkflowStep.MOVE_TARGETS, new MoveTargetsHandler(services)),
                    Map.entry(WorkflowStep.RETIRE, new RetireHandler(services)),
                    Map.entry(WorkflowStep.REBUILD, new RebuildHandler(services, Clock.systemUTC())),
                    Map.entry(WorkflowStep.PLAN_ROLLOUT, new PlanRolloutHandler()),
                    Map.entry(WorkflowStep.REQUEST_APPROVAL, new RequestApprovalHandler(answers -> answers.get(0).executionName(),
                            new ApprovalTopic(account.sns(), "arn:aws:sns:us-east-1:123456789012:euc-image-updater"),
                            new EventBridgeBus(account.eventBridge()), Clock.systemUTC())),
                    Map.entry(WorkflowStep.FIND_ROLLOUT, new FindRolloutHandler(services)),
                    Map.entry(WorkflowStep.SURVEY, new SurveyHandler(services)),
                    Map.entry(WorkflowStep.PUBLISH, new PublishHandler(new Publisher(new EventBridgeBus(account.eventBridge()),
                            new SsmLineageParameters(account.ssm())))),
                    Map.entry(WorkflowStep.REPORT, new ReportHandler())));

            assertEquals(EnumSet.allOf(WorkflowStep.class), handlers.keySet(), "every step's function is primed at the checkpoint");
            for (Map.Entry<WorkflowStep, JsonHandler<?, ?>> step : handlers.entrySet()) {
                assertEquals(step.getKey().function().handlerClass(), step.getValue().getClass().getName());
                step.getValue().beforeCheckpoint(null);
            }

            assertEquals(List.of(), account.simulator().calls());
        }
    }

    @Test
    void checkOfAnUpToDateImageSaysSoAndChangesNothing() throws IOException {
        try (SimulatedAccount account = SimulatedAccount.start(Scenario.defaultScenario())) {
            JsonNode check = invoke(new CheckHandler(account.imageServices()), plannedItem("APPSTREAM", "Finance-Win2022"));

            assertFalse(check.get("updateAvailable").asBoolean());
            assertEquals("already has the latest updates", check.get("detail").asText());
            assertEquals(List.of(), account.simulator().mutatingCalls());
        }
    }

    @Test
    void pollOfAFailedBuildGivesTheReasonTheStateMachineRecords() throws IOException {
        String failingBuild = """
                { "workspaces": { "images": [ { "id": "wsi-5e6f7a8b9", "name": "ws-win2019-dev", "updateAvailable": true,
                  "build": { "outcome": "ERROR", "pollsUntilDone": 0, "errorCode": "InsufficientDiskSpace",
                             "reason": "The root volume has less than 20 GB of free space" } } ] } }""";
        try (SimulatedAccount account = SimulatedAccount.start(failingBuild)) {
            ImageServices services = account.imageServices();
            ObjectNode item = plannedItem("WORKSPACES", "wsi-5e6f7a8b9");
            item.set("check", invoke(new CheckHandler(services), item));
            item.set("start", invoke(new StartHandler(services), item));

            ObjectNode poll = (ObjectNode) invoke(new PollHandler(services), item);

            Instant started = Instant.parse(item.at("/start/startedAt").asText());
            assertFalse(Instant.parse(poll.remove("observedAt").asText()).isBefore(started), "build minutes run from the start to the poll");
            assertEquals(JSON.readTree("""
                    {"state": "FAILED", "serviceState": "ERROR", "pollsDone": 5,
                     "reason": "WorkSpaces image is ERROR: InsufficientDiskSpace The root volume has less than 20 GB of free space"}"""),
                    poll);
        }
    }

    @Test
    void checkRefusesInputThatIsNotAnImageJobAndNamesItselfWithoutCallingAws() throws IOException {
        ServiceAdapter appStream = mock(ServiceAdapter.class);
        ServiceAdapter workSpaces = mock(ServiceAdapter.class);
        CheckHandler handler = new CheckHandler(new ImageServices(appStream, workSpaces));

        LambdaLogger log = mock(LambdaLogger.class);
        Context context = mock(Context.class);
        when(context.getLogger()).thenReturn(log);

        ImageUpdateException error = assertThrows(ImageUpdateException.class, () -> handler.handleRequest(
                new ByteArrayInputStream("[1, 2]".getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), context));

        assertTrue(error.getMessage().startsWith("CheckHandler input: "), error.getMessage());
        assertEquals(0, error.getStackTrace().length, "a compact error document for Step Functions");
        ArgumentCaptor<byte[]> line = ArgumentCaptor.forClass(byte[].class);
        verify(log).log(line.capture(), eq(LogLevel.ERROR));
        JsonNode logged = JSON.readTree(line.getValue());
        assertEquals("FAILED", logged.get("outcome").asText());
        assertTrue(logged.get("detail").asText().contains("JSONObjectException: Can not create a"
                + " com.eucimageupdater.model.ImageJob instance out of JSON Array"), logged::toString);
        verifyNoInteractions(appStream, workSpaces);
    }

    @Test
    void reportWritesTheMailInTheShapeThePublishStepAndTheFinalChoiceRead() throws IOException {
        ServiceAdapter untouched = mock(ServiceAdapter.class);
        JsonNode built = invoke(new SummarizeBuildsHandler(new ImageServices(untouched, untouched)), """
                {"account": "123456789012", "region": "us-east-1", "results": [
                  {"service": "APPSTREAM", "image": "Base-Win2022", "outcome": "UPDATED", "detail": "AppStream has OS, driver or agent updates",
                   "start": {"newImage": "Base-Win2022-2026-11-10", "newImageName": "Base-Win2022-2026-11-10"}, "state": "AVAILABLE"},
                  {"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "outcome": "FAILED",
                   "error": {"Error": "com.eucimageupdater.model.ImageUpdateException",
                             "Cause": "{\\"errorMessage\\": \\"WorkSpaces image wsi-0a1b2c3d4 is PENDING\\"}"}}]}""");
        JsonNode report = invoke(new ReportHandler(), "{\"executionName\": \"monthly-2026-11\", \"runDate\": \"2026-11-10\", \"problems\": [],"
                + " \"builds\": [" + built + "]}");

        assertEquals("euc-image-updater: 1 image failed; nothing to approve; 1 updated, 0 up to date", report.get("subject").asText());
        assertTrue(report.get("message").asText().contains("reason: WorkSpaces image wsi-0a1b2c3d4 is PENDING"), report::toString);
        assertEquals(JSON.readTree("""
                {"status": {"DataType": "String", "StringValue": "SOME_FAILED"},
                 "updated": {"DataType": "Number", "StringValue": "1"},
                 "adopted": {"DataType": "Number", "StringValue": "0"},
                 "upToDate": {"DataType": "Number", "StringValue": "0"},
                 "failed": {"DataType": "Number", "StringValue": "1"},
                 "production": {"DataType": "String", "StringValue": "NOTHING_TO_APPROVE"}}"""), report.get("messageAttributes"));
        assertTrue(report.at("/counts/failed").isInt(), "DidEveryImageSucceed compares $.counts.failed as a number");
        assertEquals(1, report.at("/counts/failed").asInt());
    }
}
