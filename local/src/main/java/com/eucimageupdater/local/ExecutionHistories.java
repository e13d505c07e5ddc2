package com.eucimageupdater.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Step Functions would record for a local run, estimated from its events. The interpreter runs a DISTRIBUTED
 * Map inline, in one event stream; Step Functions runs each of its iterations as a child execution with a history
 * of its own (at most {@value #HISTORY_LIMIT} events) and its own state transitions. Per execution: 2 events for
 * its start and end; a Task 5 (entered, scheduled, started, succeeded or failed, exited) and 3 more per retry; a
 * Map or Parallel state 4 (entered, started or MapRunStarted, ended, exited) and an inline iteration 2; any other
 * state 2. A transition is a state entered or a retry.
 */
final class ExecutionHistories {
    /** A Standard execution's history limit. */
    static final int HISTORY_LIMIT = 25_000;
    /** The limit on an execution's input and on every state's data. */
    static final int PAYLOAD_LIMIT_BYTES = 256 * 1024;

    /**
     * One execution's estimated history.
     *
     * @param map the DISTRIBUTED Map that runs it as a child, or null for the parent execution
     * @param place which child: the iteration index and, for a nested map's children, the account, Region and image
     */
    record Execution(String map, String place, int historyEvents, int transitions) {}

    /** The largest data seen: a state's output, or a child execution's input ({@code where} names the Map then). */
    record Payload(String where, int bytes) {}

    private final Map<String, Execution> executions;
    private final Payload largestPayload;

    private ExecutionHistories(Map<String, Execution> executions, Payload largestPayload) {
        this.executions = executions;
        this.largestPayload = largestPayload;
    }

    /** The histories of a run of {@code definition} (the ASL, placeholders or not) that emitted {@code events}. */
    static ExecutionHistories of(JsonNode definition, List<ExecutionEvent> events) {
        Map<String, String> distributedParent = new HashMap<>();
        Map<String, Boolean> distributedMaps = new HashMap<>();
        scope(definition.path("States"), null, distributedParent, distributedMaps);

        Map<String, Counts> counts = new LinkedHashMap<>();
        counts.put(key(null, null), new Counts(null, null));
        Payload largestPayload = new Payload(null, 0);
        for (ExecutionEvent event : events) {
            switch (event.type()) {
                case "StateEntered" -> counter(counts, distributedParent, event.state(), event).entered(event.stateType());
                case "StateRetried" -> counter(counts, distributedParent, event.state(), event).retried(event.stateType());
                case "StateExited" -> largestPayload = larger(largestPayload, new Payload(event.state(), bytes(event.output())));
                case "MapIterationStarted" -> {
                    largestPayload = larger(largestPayload, new Payload("input of a " + event.map() + " iteration",
                            event.inputBytes() == null ? 0 : event.inputBytes()));
                    // A DISTRIBUTED iteration is a child execution, counted from its own states; an inline one is 2 events of its parent's.
                    if (!distributedMaps.getOrDefault(event.map(), false)) {
                        counter(counts, distributedParent, event.map(), event).inlineIterations++;
                    }
                }
                default -> { }
            }
        }
        Map<String, Execution> executions = new LinkedHashMap<>();
        counts.forEach((key, count) -> executions.put(key, count.execution()));
        return new ExecutionHistories(executions, largestPayload);
    }

    /** Records, for every state, the nearest DISTRIBUTED Map that holds it (none: the parent's). */
    private static void scope(JsonNode states, String distributedMap, Map<String, String> distributedParent, Map<String, Boolean> distributedMaps) {
        states.fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            JsonNode state = entry.getValue();
            distributedParent.put(name, distributedMap);
            JsonNode processor = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.path("Iterator");
            if (!processor.isMissingNode()) {
                boolean distributed = "DISTRIBUTED".equals(processor.path("ProcessorConfig").path("Mode").asText());
                distributedMaps.put(name, distributed);
                scope(processor.path("States"), distributed ? name : distributedMap, distributedParent, distributedMaps);
            }
            for (JsonNode branch : state.path("Branches")) {
                scope(branch.path("States"), distributedMap, distributedParent, distributedMaps);
            }
        });
    }

    /** The execution that records {@code state}'s event. */
    private static Counts counter(Map<String, Counts> counts, Map<String, String> distributedParent, String state, ExecutionEvent event) {
        String map = distributedParent.get(state);
        // The interpreter keeps the outermost iteration's index on a nested map's events: the place completes it.
        String place = map == null ? null : event.index() + (event.account() == null ? "" : " " + event.account() + " " + event.region())
                + (event.image() == null ? "" : " " + event.service() + " " + event.image());
        return counts.computeIfAbsent(key(map, place), ignored -> new Counts(map, place));
    }

    private static String key(String map, String place) {
        return map + "|" + place;
    }

    private static Payload larger(Payload a, Payload b) {
        return b.bytes() > a.bytes() ? b : a;
    }

    private static int bytes(JsonNode node) {
        return node == null ? 0 : node.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    List<Execution> executions() {
        return List.copyOf(executions.values());
    }

    Execution parent() {
        return executions.get(key(null, null));
    }

    /** The child executions of one DISTRIBUTED Map. */
    List<Execution> childrenOf(String map) {
        return executions.values().stream().filter(execution -> map.equals(execution.map())).toList();
    }

    /** The execution with the longest history. */
    Execution largest() {
        return executions.values().stream().max(Comparator.comparingInt(Execution::historyEvents)).orElseThrow();
    }

    /**
     * The history one execution would need with every Map INLINE: all of these histories in one (each child's start
     * and end become its iteration's start and end).
     */
    int inlineHistoryEvents() {
        return executions.values().stream().mapToInt(Execution::historyEvents).sum();
    }

    /** The largest state output or child execution input. */
    Payload largestPayload() {
        return largestPayload;
    }

    private static final class Counts {
        private final String map;
        private final String place;
        private int historyEvents = 2;
        private int transitions;
        private int inlineIterations;

        private Counts(String map, String place) {
            this.map = map;
            this.place = place;
        }

        void entered(String stateType) {
            transitions++;
            historyEvents += switch (stateType) {
                case "Task" -> 5;
                case "Map", "Parallel" -> 4;
                default -> 2;
            };
        }

        void retried(String stateType) {
            transitions++;
            historyEvents += "Task".equals(stateType) ? 3 : 2;
        }

        Execution execution() {
            return new Execution(map, place, historyEvents + 2 * inlineIterations, transitions);
        }
    }
}
