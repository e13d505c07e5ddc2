package com.eucimageupdater.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

/**
 * How a local execution ended.
 *
 * @param executionName the execution's name, by which a later run promotes or rolls back what this one did
 * @param report the run's report (subject, message, counts, per-image results), or null if none was written
 */
record ExecutionResult(String executionName, String status, String error, String cause, JsonNode report, List<ExecutionEvent> events,
        Duration elapsed) {

    boolean succeeded() {
        return "ExecutionSucceeded".equals(status);
    }

    ExecutionResult withReport(JsonNode fullReport) {
        return new ExecutionResult(executionName, status, error, cause, fullReport, events, elapsed);
    }
}
