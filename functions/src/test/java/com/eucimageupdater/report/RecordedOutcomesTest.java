package com.eucimageupdater.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The outcomes the state machine writes into results are the ones the report reads, by the names of its enums. */
class RecordedOutcomesTest {

    @Test
    void everyOutcomeTheStateMachineRecordsIsAConstantOfOutcomeOrMoveOutcome() throws Exception {
        JsonNode definition = new ObjectMapper().readTree(Path.of("..", "statemachine", "image-updater.asl.json").toFile());
        Set<String> recorded = new TreeSet<>();
        collectOutcomes(definition, recorded);
        Set<String> known = new TreeSet<>();
        Stream.of(Outcome.values()).map(Enum::name).forEach(known::add);
        Stream.of(MoveOutcome.values()).map(Enum::name).forEach(known::add);

        assertTrue(known.containsAll(recorded), () -> "recorded " + recorded + ", known " + known);
        assertTrue(recorded.containsAll(Set.of(MoveOutcome.ROLLED_OUT.name(), MoveOutcome.ROLLED_BACK.name(), MoveOutcome.FAILED.name())),
                () -> "recorded " + recorded);
    }

    private static void collectOutcomes(JsonNode node, Set<String> outcomes) {
        if (node.path("outcome").isTextual()) {
            outcomes.add(node.get("outcome").asText());
        }
        node.forEach(child -> collectOutcomes(child, outcomes));
    }
}
