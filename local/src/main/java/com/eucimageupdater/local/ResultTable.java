package com.eucimageupdater.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/** The per-image table printed at the end of a local run. */
final class ResultTable {
    private static final String ROW = "%-10s  %-28s  %-10s  %-44s  %-9s  %s%n";

    private ResultTable() {}

    static void print(JsonNode results, PrintStream out) {
        out.println();
        out.printf(ROW, "SERVICE", "IMAGE", "OUTCOME", "NEW IMAGE", "STATE", "REASON");
        for (JsonNode result : results) {
            String newImage = result.path("newImageName").asText(result.path("newImage").asText(""));
            if (result.hasNonNull("newImage") && !result.path("newImage").asText().equals(newImage)) {
                newImage += " (" + result.path("newImage").asText() + ")";
            }
            out.printf(ROW, result.path("service").asText(), result.path("image").asText(), result.path("outcome").asText(),
                    newImage, result.path("state").asText(""),
                    "FAILED".equals(result.path("outcome").asText()) ? result.path("reason").asText("") : "");
        }
    }
}
