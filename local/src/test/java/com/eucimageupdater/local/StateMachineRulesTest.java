package com.eucimageupdater.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.approve.NoConfirmedSubscriberException;
import com.eucimageupdater.model.RetryableAwsException;
import com.eucimageupdater.plan.RunLimits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The retry and catch rules of statemachine/image-updater.asl.json, which the error table in docs/limits-and-errors.md promises. */
class StateMachineRulesTest {
    private static final Set<String> LAMBDA_ERRORS = Set.of("Lambda.ServiceException", "Lambda.AWSLambdaException",
            "Lambda.SdkClientException", "Lambda.ClientExecutionTimeoutException", "Lambda.TooManyRequestsException");
    private static final String RETRYABLE_AWS = "com.eucimageupdater.model.RetryableAwsException";

    private static JsonNode definition;
    /** Every Task state, top level and inside the Maps, in definition order. */
    private static final List<Map.Entry<String, JsonNode>> TASKS = new ArrayList<>();
    /** The Task states inside a Map: each image's (or each roll-out's, each move back's) own steps. */
    private static final List<Map.Entry<String, JsonNode>> ITERATOR_TASKS = new ArrayList<>();
    /** Steps that call AppStream or WorkSpaces. */
    private static final Set<String> AWS_STEPS = Set.of("ResolveTargets", "FindRollout", "FindStagedRollout", "CheckForUpdate",
            "PreviewRetention", "StartUpdate", "PollImageState", "StageImage", "DistributeImage", "ValidateStagedImage",
            "PreviewRetirement", "MoveToProduction", "RetireOldImages", "MoveTargetsBack", "SurveyPlace", "RebuildNextWave");

    @BeforeAll
    static void readDefinition() throws IOException {
        definition = new ObjectMapper().readTree(Definition.DEFAULT_FILE.toFile());
        collect(definition.path("States"), false);
    }

    private static void collect(JsonNode states, boolean inMap) {
        states.fields().forEachRemaining(state -> {
            if (state.getValue().path("Type").asText().equals("Task")) {
                TASKS.add(state);
                if (inMap) {
                    ITERATOR_TASKS.add(state);
                }
            }
            JsonNode processor = state.getValue().path("ItemProcessor").path("States");
            if (!processor.isMissingNode()) {
                collect(processor, true);
            }
        });
    }

    private static boolean invokesOurFunction(JsonNode task) {
        return task.path("Resource").asText().endsWith("FunctionArn}")
                || task.at("/Parameters/FunctionName").asText().endsWith("FunctionArn}");
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    @Test
    @DisplayName("every Lambda task retries Lambda's own errors with backoff, a cap and full jitter, as AWS advises")
    void lambdaTasksRetryLambdaErrors() {
        List<Map.Entry<String, JsonNode>> lambdaTasks = TASKS.stream().filter(task -> invokesOurFunction(task.getValue())).toList();
        assertEquals(List.of("PlanRun", "ResolveTargets", "CheckForUpdate", "PreviewRetention", "StartUpdate",
                "PollImageState", "StageImage", "DistributeImage", "ValidateStagedImage", "SummarizeBuilds", "ReportRejectedInput",
                "PlanRollout", "PublishBuildEvents", "PreviewRetirement", "AwaitApproval", "MoveToProduction", "RetireOldImages",
                "PublishRollout", "RebuildNextWave", "SurveyPlace", "ReportDrift", "Summarize", "FindRollout", "MoveTargetsBack", "PublishRollback",
                "SummarizeRollback", "FindStagedRollout"),
                lambdaTasks.stream().map(Map.Entry::getKey).toList());
        JsonNode first = lambdaTasks.get(0).getValue().path("Retry").path(0);
        lambdaTasks.forEach(task -> {
            JsonNode retrier = task.getValue().path("Retry").path(0);
            assertEquals(LAMBDA_ERRORS, Set.copyOf(texts(retrier.path("ErrorEquals"))), task.getKey());
            assertTrue(retrier.path("BackoffRate").asDouble() > 1 && retrier.has("MaxDelaySeconds"), task.getKey());
            assertEquals("FULL", retrier.path("JitterStrategy").asText(), task.getKey());
            assertEquals(first, retrier, task.getKey() + " retries Lambda's errors exactly as every other task does");
        });
    }

    @Test
    @DisplayName("the retrier for AWS refusals is the one the mail describes when it runs out (attempts and longest span)")
    void retryableAwsRetrierMatchesWhatTheMailSays() {
        List<Map.Entry<String, JsonNode>> awsTasks = TASKS.stream().filter(task -> AWS_STEPS.contains(task.getKey())).toList();
        assertEquals(AWS_STEPS.size(), awsTasks.size());
        awsTasks.forEach(task -> {
            JsonNode retrier = retrierFor(task.getValue(), RETRYABLE_AWS);
            assertEquals(RetryableAwsException.STATE_MACHINE_ATTEMPTS - 1, retrier.path("MaxAttempts").asInt(), task.getKey());
            assertEquals(RetryableAwsException.FIRST_INTERVAL_SECONDS, retrier.path("IntervalSeconds").asInt(), task.getKey());
            assertEquals(RetryableAwsException.BACKOFF_RATE, retrier.path("BackoffRate").asInt(), task.getKey());
            assertEquals(RetryableAwsException.MAX_DELAY_SECONDS, retrier.path("MaxDelaySeconds").asInt(), task.getKey());
        });
    }

    @Test
    @DisplayName("every AWS-calling task retries AWS's refusals exactly as every other AWS-calling task does")
    void awsTasksRetryAwsRefusalsAlike() {
        List<Map.Entry<String, JsonNode>> awsTasks = TASKS.stream().filter(task -> AWS_STEPS.contains(task.getKey())).toList();
        JsonNode first = retrierFor(awsTasks.get(0).getValue(), RETRYABLE_AWS);
        awsTasks.forEach(task -> assertEquals(first, retrierFor(task.getValue(), RETRYABLE_AWS), task.getKey()));
    }

    @Test
    @DisplayName("every task's Comment names its retry policy as its Retry block has it, e.g. 'Retry: Lambda service errors 6x from 2 s'")
    void commentsNameTheRetryPolicy() {
        TASKS.forEach(task -> {
            String policy = StreamSupport.stream(task.getValue().path("Retry").spliterator(), false)
                    .map(retrier -> errorsNamed(texts(retrier.path("ErrorEquals"))) + " " + retrier.path("MaxAttempts").asInt() + "x from "
                            + retrier.path("IntervalSeconds").asInt() + " s")
                    .collect(Collectors.joining("; ", "Retry: ", "."));
            assertTrue(task.getValue().path("Comment").asText().endsWith(" " + policy), task.getKey() + " says: " + policy);
        });
    }

    /** Lambda's own errors as one group, our exceptions by their simple names, Step Functions' errors as they are. */
    private static String errorsNamed(List<String> errors) {
        if (Set.copyOf(errors).equals(LAMBDA_ERRORS)) {
            return "Lambda service errors";
        }
        return errors.stream().map(error -> error.startsWith("com.") ? error.substring(error.lastIndexOf('.') + 1) : error)
                .collect(Collectors.joining(", "));
    }

    private static JsonNode retrierFor(JsonNode task, String error) {
        return StreamSupport.stream(task.path("Retry").spliterator(), false)
                .filter(retrier -> texts(retrier.path("ErrorEquals")).equals(List.of(error))).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("every AWS-calling step retries throttling and 5xx by name, and no retrier anywhere is States.ALL")
    void awsErrorsRetriedByNameNeverStatesAll() {
        assertEquals(28, TASKS.size(), "twenty-seven Lambda tasks and the SNS publish");
        TASKS.stream().filter(task -> AWS_STEPS.contains(task.getKey())).forEach(task -> assertTrue(
                StreamSupport.stream(task.getValue().path("Retry").spliterator(), false)
                        .anyMatch(retrier -> texts(retrier.path("ErrorEquals")).equals(List.of(RETRYABLE_AWS))), task.getKey()));
        TASKS.forEach(task -> task.getValue().path("Retry")
                .forEach(retrier -> assertFalse(texts(retrier.path("ErrorEquals")).contains("States.ALL"), task.getKey())));
    }

    @Test
    @DisplayName("every step inside a Map catches everything into a Record state, so one image failing never stops the others")
    void iteratorTasksCatchEverything() {
        assertEquals(List.of("CheckForUpdate", "PreviewRetention", "StartUpdate", "PollImageState", "StageImage", "DistributeImage",
                "ValidateStagedImage", "SummarizeBuilds", "PreviewRetirement", "MoveToProduction", "RetireOldImages", "RebuildNextWave",
                "SurveyPlace", "MoveTargetsBack"),
                ITERATOR_TASKS.stream().map(Map.Entry::getKey).toList());
        ITERATOR_TASKS.forEach(task -> {
            JsonNode catcher = task.getValue().path("Catch").path(0);
            assertEquals(List.of("States.ALL"), texts(catcher.path("ErrorEquals")), task.getKey());
            assertTrue(catcher.path("Next").asText().startsWith("Record"), task.getKey());
        });
    }

    @Test
    @DisplayName("the approval waits on a task token, bounded by the run's approval timeout, and its four endings are caught")
    void approvalIsACallbackWithABound() {
        JsonNode approval = definition.at("/States/AwaitApproval");
        assertEquals("arn:${Partition}:states:::lambda:invoke.waitForTaskToken", approval.path("Resource").asText());
        assertEquals("$$.Task.Token", approval.at("/Parameters/Payload/token.$").asText());
        assertEquals("$.run.approvalTimeoutSeconds", approval.path("TimeoutSecondsPath").asText());
        assertEquals(List.of("States.Timeout", "ApprovalRejected", NoConfirmedSubscriberException.class.getName(), "States.ALL"),
                StreamSupport.stream(approval.path("Catch").spliterator(), false)
                        .map(catcher -> catcher.path("ErrorEquals").path(0).asText()).toList());
    }

    @Test
    @DisplayName("every task is one of our functions or a service integration in the deployment's partition, never a named one")
    void serviceIntegrationsTakeTheDeploymentsPartition() {
        List<String> integrations = TASKS.stream().map(task -> task.getValue().path("Resource").asText())
                .filter(resource -> !resource.matches("\\$\\{[A-Za-z]+FunctionArn}")).toList();
        assertEquals(List.of("arn:${Partition}:states:::lambda:invoke.waitForTaskToken", "arn:${Partition}:states:::sns:publish"),
                integrations.stream().sorted().toList());
    }

    @Test
    @DisplayName("the wait loop is bounded by a poll count and the execution by an overall timeout")
    void bounded() {
        JsonNode choices = definition.at("/States/BuildInEachAccountAndRegion/ItemProcessor/States/BuildImages/ItemProcessor/States"
                + "/IsImageReady/Choices");
        assertTrue(StreamSupport.stream(choices.spliterator(), false)
                .anyMatch(choice -> choice.path("NumericGreaterThanEqualsPath").asText().equals("$.run.maxPolls")));
        assertEquals(RunLimits.EXECUTION_TIMEOUT_HOURS * 3600, definition.path("TimeoutSeconds").asInt());
    }
}
