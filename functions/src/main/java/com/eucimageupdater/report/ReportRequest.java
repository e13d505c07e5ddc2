package com.eucimageupdater.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The per-image results of the Map state as they come (including caught errors), or the input's problems. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReportRequest(String executionName, String runDate, List<String> problems, List<JsonNode> results) {

    public ReportRequest {
        problems = problems == null ? List.of() : List.copyOf(problems);
        results = results == null ? List.of() : List.copyOf(results);
    }
}
