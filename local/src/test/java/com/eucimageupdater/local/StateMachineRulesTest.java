package com.eucimageupdater.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.images.RetryableAwsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The retry and catch rules of statemachine/image-updater.asl.json, which the README's error table promises. */
class StateMachineRulesTest {
    private static final Set<String> LAMBDA_ERRORS = Set.of("Lambda.ServiceException", "Lambda.AWSLambdaException",
            "Lambda.SdkClientException", "Lambda.ClientExecutionTimeoutException", "Lambda.TooManyRequestsException");
    private static final String RETRYABLE_AWS = "com.eucimageupdater.images.RetryableAwsException";

    private static JsonNode definition;
    private static final List<Map.Entry<String, JsonNode>> TASKS = new ArrayList<>();
    private static final List<Map.Entry<String, JsonNode>> ITERATOR_TASKS = new ArrayList<>();

    @BeforeAll
    static void readDefinition() throws IOException {
        definition = new ObjectMapper().readTree(Definition.DEFAULT_FILE.toFile());
        definition.path("States").fields().forEachRemaining(TASKS::add);
        definition.at("/States/UpdateEachImage/ItemProcessor/States").fields().forEachRemaining(ITERATOR_TASKS::add);
        TASKS.addAll(ITERATOR_TASKS);
        TASKS.removeIf(state -> !state.getValue().path("Type").asText().equals("Task"));
        ITERATOR_TASKS.removeIf(state -> !state.getValue().path("Type").asText().equals("Task"));
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    @Test
    @DisplayName("every Lambda task retries Lambda's own errors with backoff, a cap and full jitter, as AWS advises")
    void lambdaTasksRetryLambdaErrors() {
        List<Map.Entry<String, JsonNode>> lambdaTasks = TASKS.stream()
                .filter(task -> task.getValue().path("Resource").asText().endsWith("FunctionArn}")).toList();
        assertEquals(List.of("PlanRun", "ReportRejectedInput", "Summarize", "CheckForUpdate", "StartUpdate", "PollImageState"),
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
        assertEquals(3, ITERATOR_TASKS.size());
        ITERATOR_TASKS.forEach(task -> {
            JsonNode retrier = StreamSupport.stream(task.getValue().path("Retry").spliterator(), false)
                    .filter(candidate -> texts(candidate.path("ErrorEquals")).equals(List.of(RETRYABLE_AWS))).findFirst().orElseThrow();
            assertEquals(RetryableAwsException.STATE_MACHINE_ATTEMPTS - 1, retrier.path("MaxAttempts").asInt(), task.getKey());
            assertEquals(RetryableAwsException.FIRST_INTERVAL_SECONDS, retrier.path("IntervalSeconds").asInt(), task.getKey());
            assertEquals(RetryableAwsException.BACKOFF_RATE, retrier.path("BackoffRate").asInt(), task.getKey());
            assertEquals(RetryableAwsException.MAX_DELAY_SECONDS, retrier.path("MaxDelaySeconds").asInt(), task.getKey());
        });
    }

    @Test
    @DisplayName("every AWS-calling step retries throttling and 5xx by name, and no retrier anywhere is States.ALL")
    void awsErrorsRetriedByNameNeverStatesAll() {
        assertEquals(3, ITERATOR_TASKS.size());
        assertEquals(7, TASKS.size(), "six Lambda tasks and the SNS publish");
        ITERATOR_TASKS.forEach(task -> assertTrue(StreamSupport.stream(task.getValue().path("Retry").spliterator(), false)
                .anyMatch(retrier -> texts(retrier.path("ErrorEquals")).equals(List.of(RETRYABLE_AWS))), task.getKey()));
        TASKS.forEach(task -> task.getValue().path("Retry")
                .forEach(retrier -> assertFalse(texts(retrier.path("ErrorEquals")).contains("States.ALL"), task.getKey())));
    }

    @Test
    @DisplayName("every step inside the Map catches everything, so one image failing never stops the others")
    void iteratorTasksCatchEverything() {
        assertEquals(3, ITERATOR_TASKS.size());
        ITERATOR_TASKS.forEach(task -> {
            JsonNode catcher = task.getValue().path("Catch").path(0);
            assertEquals(List.of("States.ALL"), texts(catcher.path("ErrorEquals")), task.getKey());
            assertEquals("RecordFailure", catcher.path("Next").asText(), task.getKey());
        });
    }

    @Test
    @DisplayName("the wait loop is bounded by a poll count and the execution by an overall timeout")
    void bounded() {
        JsonNode choices = definition.at("/States/UpdateEachImage/ItemProcessor/States/IsImageReady/Choices");
        assertTrue(StreamSupport.stream(choices.spliterator(), false)
                .anyMatch(choice -> choice.path("NumericGreaterThanEqualsPath").asText().equals("$.run.maxPolls")));
        assertEquals(604_800, definition.path("TimeoutSeconds").asInt());
    }
}
