package com.eucimageupdater.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

final class JsonAssert {
    private JsonAssert() {}

    static void failedWith(JsonNode result, String reasonPart) {
        assertEquals("FAILED", result.path("outcome").asText(), result::toString);
        assertTrue(result.path("reason").asText().contains(reasonPart), () -> "reason of " + result);
    }
}
