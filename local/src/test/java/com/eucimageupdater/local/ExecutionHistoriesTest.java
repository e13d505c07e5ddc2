package com.eucimageupdater.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The history estimate on a tiny run of the definition's shape: a DISTRIBUTED Map in a DISTRIBUTED Map, then an INLINE one. */
class ExecutionHistoriesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFINITION = """
            {"StartAt": "Plan", "States": {
              "Plan": {"Type": "Task", "Resource": "plan", "Next": "Outer"},
              "Outer": {"Type": "Map", "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                "StartAt": "Inner", "States": {
                  "Inner": {"Type": "Map", "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                    "StartAt": "Check", "States": {
                      "Check": {"Type": "Task", "Resource": "check", "Next": "Done"},
                      "Done": {"Type": "Pass", "End": true}}}, "Next": "Sum"},
                  "Sum": {"Type": "Task", "Resource": "sum", "End": true}}}, "Next": "Back"},
              "Back": {"Type": "Map", "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Move", "States": {
                  "Move": {"Type": "Task", "Resource": "move", "End": true}}}, "Next": "End"},
              "End": {"Type": "Succeed"}}}""";

    private final List<ExecutionEvent> events = new ArrayList<>();

    private void state(String state, String type, Integer index, String account, String image, boolean retried) {
        events.add(event("StateEntered", state, type, index, account, image, null));
        if (retried) {
            events.add(event("StateRetried", state, type, index, account, image, null));
        }
        events.add(event("StateExited", state, type, index, account, image, null));
    }

    private static ExecutionEvent event(String type, String state, String stateType, Integer index, String account, String image, String map) {
        return new ExecutionEvent(type, 0, state, stateType, index, image, image == null ? null : "APPSTREAM", null, null, null, null,
                account, account == null ? null : "us-east-1", map, map == null ? null : 100);
    }

    /** Two accounts, each with one image (both at index 0 of their inner map), then two inline iterations. */
    private ExecutionHistories tinyRun() throws Exception {
        state("Plan", "Task", null, null, null, false);
        events.add(event("StateEntered", "Outer", "Map", null, null, null, null));
        for (int location = 0; location < 2; location++) {
            String account = "22222222222" + location;
            events.add(event("MapIterationStarted", null, null, location, account, null, "Outer"));
            events.add(event("StateEntered", "Inner", "Map", location, account, null, null));
            events.add(event("MapIterationStarted", null, null, 0, account, "Base", "Inner"));
            // The interpreter leaves the outer index on the inner map's events.
            state("Check", "Task", location, account, "Base", location == 1);
            state("Done", "Pass", location, account, "Base", false);
            events.add(event("StateExited", "Inner", "Map", location, account, null, null));
            state("Sum", "Task", location, account, null, false);
        }
        events.add(event("StateExited", "Outer", "Map", null, null, null, null));
        events.add(event("StateEntered", "Back", "Map", null, null, null, null));
        for (int move = 0; move < 2; move++) {
            events.add(event("MapIterationStarted", null, null, move, null, null, "Back"));
            state("Move", "Task", move, null, null, false);
        }
        events.add(event("StateExited", "Back", "Map", null, null, null, null));
        state("End", "Succeed", null, null, null, false);
        JsonNode definition = JSON.readTree(DEFINITION);
        return ExecutionHistories.of(definition, events);
    }

    @Test
    @DisplayName("each iteration of a DISTRIBUTED Map is a child execution with its own history, even a nested map's at the same index")
    void distributedIterationsAreChildExecutions() throws Exception {
        ExecutionHistories histories = tinyRun();
        assertEquals(2, histories.childrenOf("Outer").size());
        List<ExecutionHistories.Execution> images = histories.childrenOf("Inner");
        assertEquals(2, images.size(), images::toString);
        // start and end 2, Check 5, Done 2; the second image's Check was retried once: 3 events more, 1 transition more.
        assertEquals(List.of(9, 12), images.stream().map(ExecutionHistories.Execution::historyEvents).toList());
        assertEquals(List.of(2, 3), images.stream().map(ExecutionHistories.Execution::transitions).toList());
        // start and end 2, the inner Map 4, Sum 5
        assertEquals(List.of(11, 11), histories.childrenOf("Outer").stream().map(ExecutionHistories.Execution::historyEvents).toList());
    }

    @Test
    @DisplayName("an INLINE Map's iterations and states stay in their execution's history")
    void inlineIterationsStayInTheParent() throws Exception {
        ExecutionHistories histories = tinyRun();
        // start and end 2, Plan 5, Outer 4, Back 4 + 2 iterations of 2 + 2 Moves of 5, End 2
        assertEquals(31, histories.parent().historyEvents());
        assertEquals(6, histories.parent().transitions());
        assertEquals(31, histories.largest().historyEvents());
        assertEquals(31 + 11 + 11 + 9 + 12, histories.inlineHistoryEvents());
        assertEquals(new ExecutionHistories.Payload("input of a Outer iteration", 100), histories.largestPayload());
    }
}
