package com.eucimageupdater.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.aws.ImageServices;
import com.eucimageupdater.workflow.WorkflowStep;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A slow AWS call must end as a retryable SDK error inside the function, and a slow function as Lambda's own
 * timeout inside the Task: SDK call timeout < function timeout < the Task's TimeoutSeconds, for every step.
 */
class TimeoutNestingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FUNCTION_PLACEHOLDER = Pattern.compile("^\\$\\{([A-Za-z]+)FunctionArn}$");
    private static final Pattern STEP_HANDLER = Pattern.compile("\\.([A-Za-z]+)Handler::handleRequest$");

    @Test
    @DisplayName("for every Lambda task: SDK call timeout < function timeout < Task TimeoutSeconds")
    void timeoutsNest() throws Exception {
        Map<String, Integer> functionTimeouts = functionTimeoutsByStep();
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, Integer> task : taskTimeoutsByStep().entrySet()) {
            String step = task.getKey();
            Integer functionTimeout = functionTimeouts.get(step);
            assertTrue(functionTimeout != null, "a function for the " + step + " task");
            assertTrue(ImageServices.API_CALL_TIMEOUT.toSeconds() < functionTimeout,
                    step + ": SDK call timeout " + ImageServices.API_CALL_TIMEOUT + " < function timeout " + functionTimeout + " s");
            assertTrue(functionTimeout < task.getValue(),
                    step + ": function timeout " + functionTimeout + " s < Task TimeoutSeconds " + task.getValue());
            checked.add(step);
        }
        assertEquals(List.of("Check", "Distribute", "FindRollout", "MoveTargets", "Plan", "PlanRollout", "Poll", "Publish", "Rebuild",
                "Report", "Resolve", "Retire", "Start", "SummarizeBuilds", "Survey", "Validate"),
                checked.stream().sorted().distinct().toList(), "every step's tasks were checked");
    }

    /** Every Task state that invokes one of our functions, anywhere in the definition, by step. */
    private static Map<String, Integer> taskTimeoutsByStep() throws Exception {
        JsonNode definition = JSON.readTree(Files.readString(TestStack.PROJECT_ROOT.resolve(
                WorkflowStep.DEFINITION)));
        Map<String, Integer> timeouts = new HashMap<>();
        collectTasks(definition.get("States"), timeouts);
        return timeouts;
    }

    private static void collectTasks(JsonNode states, Map<String, Integer> timeouts) {
        states.forEach(state -> {
            Matcher function = FUNCTION_PLACEHOLDER.matcher(state.path("Resource").asText());
            if ("Task".equals(state.path("Type").asText()) && function.matches()) {
                assertTrue(state.has("TimeoutSeconds"), "every Lambda task has TimeoutSeconds: " + state);
                // Several tasks may call one step's function: the tightest Task timeout is the one that must hold.
                timeouts.merge(function.group(1), state.get("TimeoutSeconds").asInt(), Math::min);
            }
            JsonNode nested = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.get("Iterator");
            if (nested != null) {
                collectTasks(nested.get("States"), timeouts);
            }
        });
    }

    private static Map<String, Integer> functionTimeoutsByStep() {
        Map<String, Integer> timeouts = new HashMap<>();
        TestStack.get().template.findResources("AWS::Lambda::Function").values().forEach(function -> {
            Map<?, ?> properties = (Map<?, ?>) function.get("Properties");
            Matcher handler = STEP_HANDLER.matcher(String.valueOf(properties.get("Handler")));
            if (handler.find()) {
                timeouts.put(handler.group(1), ((Number) properties.get("Timeout")).intValue());
            }
        });
        return timeouts;
    }
}
