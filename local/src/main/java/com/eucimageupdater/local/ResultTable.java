package com.eucimageupdater.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;

/** The per-image table printed at the end of a local run, with each image's account and Region when the run spans several. */
final class ResultTable {
    private static final String ROW = "%-10s  %-28s  %-10s  %-44s  %-9s  %s%n";
    private static final String PLACE = "%-12s  %-14s  ";

    private ResultTable() {}

    static void print(JsonNode results, PrintStream out) {
        boolean places = spansSeveralPlaces(results);
        out.println();
        out.print((places ? PLACE.formatted("ACCOUNT", "REGION") : "")
                + ROW.formatted("SERVICE", "IMAGE", "OUTCOME", "NEW IMAGE", "STATE", "REASON"));
        for (JsonNode result : results) {
            String newImage = result.path("newImageName").asText(result.path("newImage").asText(""));
            if (result.hasNonNull("newImage") && !result.path("newImage").asText().equals(newImage)) {
                newImage += " (" + result.path("newImage").asText() + ")";
            }
            String place = places ? PLACE.formatted(result.path("account").asText(""), result.path("region").asText("")) : "";
            out.print(place + ROW.formatted(result.path("service").asText(), result.path("image").asText(), result.path("outcome").asText(),
                    newImage, result.path("state").asText(""),
                    // FAILED and VALIDATION_FAILED each carry their reason.
                    result.path("outcome").asText().endsWith("FAILED") ? result.path("reason").asText("") : ""));
        }
    }

    private static boolean spansSeveralPlaces(JsonNode results) {
        Set<String> accounts = new HashSet<>();
        Set<String> regions = new HashSet<>();
        results.forEach(result -> {
            accounts.add(result.path("account").asText(""));
            regions.add(result.path("region").asText(""));
        });
        return accounts.size() > 1 || regions.size() > 1;
    }
}
