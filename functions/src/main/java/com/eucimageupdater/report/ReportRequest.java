package com.eucimageupdater.report;

import com.eucimageupdater.build.BuiltLocation;
import com.eucimageupdater.drift.PlaceSurvey;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Each account and Region's built images, summarised, or the input's problems.
 *
 * @param executionId this execution's ARN, from which the mail's commands name the state machine and its Region
 * @param rollout the roll-out plan, its approval decision and production results; null when the run stopped earlier
 * @param rollback the execution a rollback run reversed, with {@code rolledBack} its moves back; null otherwise
 * @param published for a rollback: what its publish step told other systems (a roll-out's are in {@code rollout})
 * @param dryRun a report-only run: the mail says what would happen
 * @param timeZone the schedule's time zone, in which the mail gives times (UTC when null)
 * @param report "drift" for a drift report, which the mail is instead of a run's results; else null
 * @param drift each place's survey: the drift report's, or the monthly mail's short section; empty when not surveyed
 * @param rebuilds each bundle's WorkSpaces rebuild (the state machine's RebuildEachBundle), after a roll-out or a rollback's
 *                 moves back; empty when none ran
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReportRequest(String executionName, String executionId, String runDate, List<String> problems, List<BuiltLocation> builds,
        JsonNode rollout, String rollback, JsonNode rolledBack, JsonNode published, boolean dryRun, String timeZone, String report,
        List<PlaceSurvey> drift, List<BundleRebuild> rebuilds) {

    public ReportRequest(String executionName, String runDate, List<String> problems, List<BuiltLocation> builds) {
        this(executionName, null, runDate, problems, builds, null, null, null, null, false, null, null, List.of(), List.of());
    }

    /** A run's report, with no rebuild. */
    public ReportRequest(String executionName, String executionId, String runDate, List<String> problems, List<BuiltLocation> builds,
            JsonNode rollout, String rollback, JsonNode rolledBack, JsonNode published, boolean dryRun, String timeZone, String report,
            List<PlaceSurvey> drift) {
        this(executionName, executionId, runDate, problems, builds, rollout, rollback, rolledBack, published, dryRun, timeZone, report,
                drift, List.of());
    }

    /** What the publish steps answered, in the order they ran. */
    public List<JsonNode> publications() {
        if (rollback != null) {
            return published == null ? List.of() : List.of(published);
        }
        return rollout == null ? List.of() : List.of(rollout.path("builtEvents"), rollout.path("rolloutEvents"));
    }

    /** A run's report, with no survey. */
    public ReportRequest(String executionName, String executionId, String runDate, List<String> problems, List<BuiltLocation> builds,
            JsonNode rollout, String rollback, JsonNode rolledBack, JsonNode published, boolean dryRun, String timeZone) {
        this(executionName, executionId, runDate, problems, builds, rollout, rollback, rolledBack, published, dryRun, timeZone, null,
                List.of(), List.of());
    }

    public ReportRequest {
        problems = problems == null ? List.of() : List.copyOf(problems);
        builds = builds == null ? List.of() : List.copyOf(builds);
        drift = drift == null ? List.of() : List.copyOf(drift);
        rebuilds = rebuilds == null ? List.of() : List.copyOf(rebuilds);
    }

    public ZoneId zone() {
        return timeZone == null || timeZone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timeZone);
    }
}
