package com.eucimageupdater.plan;

import com.eucimageupdater.lambda.JsonValues;
import java.util.Map;

/**
 * The deployment's settings as the state machine definition takes them: one {@code ${...}} substitution each,
 * filled in by CDK for the cloud and by the local runner, and read back by the plan step.
 *
 * @param configuredImagesJson the images a run takes when its input names none, as JSON text
 * @param timeZone the schedule's time zone, in which a run's date (and so new image names) is reckoned
 * @param daysAfterPatchTuesday the run day of a scheduled start (see {@link MonthlySchedule})
 * @param rollout approval and retention, unless the input says otherwise
 */
public record DeploymentSettings(
        String configuredImagesJson, int pollIntervalSeconds, int maxWaitMinutes, int maxConcurrency, String timeZone,
        int daysAfterPatchTuesday, RolloutDefaults rollout) {

    /** After the first poll (near the expected build time): short, so the mail follows the last image within minutes. */
    public static final int DEFAULT_POLL_INTERVAL_MINUTES = 4;
    /** AppStream says an update "might take several hours". */
    public static final int DEFAULT_MAX_WAIT_HOURS = 8;
    public static final int DEFAULT_MAX_CONCURRENCY = 5;
    public static final String DEFAULT_TIME_ZONE = "UTC";


    public static DeploymentSettings defaults(String configuredImagesJson) {
        return fromConfiguration(configuredImagesJson, DEFAULT_POLL_INTERVAL_MINUTES, DEFAULT_MAX_WAIT_HOURS, DEFAULT_MAX_CONCURRENCY,
                DEFAULT_TIME_ZONE, MonthlySchedule.DEFAULT_DAYS_AFTER_PATCH_TUESDAY, RolloutDefaults.DEFAULTS);
    }

    /** From cdk.json's units (minutes between polls, hours of waiting) to the workflow's (seconds, minutes). */
    public static DeploymentSettings fromConfiguration(String configuredImagesJson, int pollIntervalMinutes, int maxWaitHours,
            int maxConcurrency, String timeZone, int daysAfterPatchTuesday, RolloutDefaults rollout) {
        return new DeploymentSettings(configuredImagesJson, pollIntervalMinutes * 60, maxWaitHours * 60, maxConcurrency, timeZone,
                daysAfterPatchTuesday, rollout);
    }

    /** Values for the definition's setting placeholders; every one sits inside a JSON string literal. */
    public Map<String, String> substitutions() {
        return Map.ofEntries(
                Map.entry("ConfiguredImages", jsonStringContent(configuredImagesJson)),
                Map.entry("PollIntervalSeconds", Integer.toString(pollIntervalSeconds)),
                Map.entry("MaxWaitMinutes", Integer.toString(maxWaitMinutes)),
                Map.entry("MaxConcurrency", Integer.toString(maxConcurrency)),
                Map.entry("TimeZone", jsonStringContent(timeZone)),
                Map.entry("DaysAfterPatchTuesday", Integer.toString(daysAfterPatchTuesday)),
                Map.entry("Approval", jsonStringContent(rollout.approval().toString())),
                Map.entry("ApprovalTimeoutHours", Integer.toString(rollout.approvalTimeoutHours())),
                Map.entry("KeepImages", Integer.toString(rollout.keepImages())),
                Map.entry("PromoteAfterHours", Integer.toString(rollout.promoteAfterHours())),
                Map.entry("DisableAfterFailures", Integer.toString(rollout.disableAfterFailures())),
                Map.entry("ValidationTimeoutMinutes", Integer.toString(rollout.validationTimeoutMinutes())));
    }

    /** The JSON string encoding of the text without its quotes, so it fits inside a string literal in the ASL. */
    private static String jsonStringContent(String text) {
        String quoted = JsonValues.shown(text);
        return quoted.substring(1, quoted.length() - 1);
    }
}
