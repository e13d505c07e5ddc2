package com.eucimageupdater.report;

import com.eucimageupdater.build.BuiltLocation;
import com.eucimageupdater.drift.PlaceSurvey;
import com.eucimageupdater.lambda.JsonView;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
 * @param rebuilt for a rollback: each moved-back bundle's WorkSpaces rebuild (RebuildEachBundle's results); a roll-out's are
 *                in {@code rollout.rebuilt}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReportRequest(String executionName, String executionId, String runDate, List<String> problems, List<BuiltLocation> builds,
        Object rollout, String rollback, Object rolledBack, Object published, boolean dryRun, String timeZone, String report,
        List<PlaceSurvey> drift, Object rebuilt) {

    public ReportRequest(String executionName, String runDate, List<String> problems, List<BuiltLocation> builds) {
        this(executionName, null, runDate, problems, builds, null, null, null, null, false, null, null, List.of(), null);
    }

    /** A run's report, with no rollback's rebuild. */
    public ReportRequest(String executionName, String executionId, String runDate, List<String> problems, List<BuiltLocation> builds,
            Object rollout, String rollback, Object rolledBack, Object published, boolean dryRun, String timeZone, String report,
            List<PlaceSurvey> drift) {
        this(executionName, executionId, runDate, problems, builds, rollout, rollback, rolledBack, published, dryRun, timeZone, report,
                drift, null);
    }

    /** What the publish steps answered, in the order they ran. */
    public List<JsonView> publications() {
        if (rollback != null) {
            return published == null ? List.of() : List.of(JsonView.of(published));
        }
        return rollout == null ? List.of() : List.of(JsonView.of(rollout).path("builtEvents"), JsonView.of(rollout).path("rolloutEvents"));
    }

    /** A run's report, with no survey. */
    public ReportRequest(String executionName, String executionId, String runDate, List<String> problems, List<BuiltLocation> builds,
            Object rollout, String rollback, Object rolledBack, Object published, boolean dryRun, String timeZone) {
        this(executionName, executionId, runDate, problems, builds, rollout, rollback, rolledBack, published, dryRun, timeZone, null,
                List.of(), null);
    }

    public ReportRequest {
        problems = problems == null ? List.of() : List.copyOf(problems);
        builds = builds == null ? List.of() : List.copyOf(builds);
        drift = drift == null ? List.of() : List.copyOf(drift);
    }

    /** Each bundle's WorkSpaces rebuild in this run: a rollback's, or a roll-out's; missing when none ran. */
    public JsonView rebuilds() {
        return rollback != null ? JsonView.of(rebuilt) : JsonView.of(rollout).path("rebuilt");
    }

    /** The bundles the roll-out plan rebuilds, with each item's settings; missing in a rollback. */
    public JsonView plannedRebuilds() {
        return rollback != null ? JsonView.of(null) : JsonView.of(rollout).path("rebuilds");
    }

    public ZoneId zone() {
        return timeZone == null || timeZone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timeZone);
    }
}
