package com.eucimageupdater.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the state machine hands the plan step: the execution input as given, the execution's identity, and the
 * deployment's settings (substituted into the ASL as strings by CDK or the local runner).
 *
 * @param input the execution's input as given: JSON objects as maps, lists as lists
 * @param configuredImages the images configured at deploy time, as JSON text
 * @param executionId the execution's ARN, which names the account the run works in
 * @param timeZone the schedule's time zone, in which the run date is reckoned
 * @param daysAfterPatchTuesday the run day for a scheduled start (the input's {@code scheduledTime})
 * @param approval, approvalTimeoutHours, keepImages the roll-out defaults (see {@link RolloutDefaults})
 * @param targets the accounts and Regions (JSON text) where an item naming a fleet or bundle is resolved
 * @param maxConcurrency images built at once in each account and Region; {@code maxConcurrencyOverall} in the whole run
 * @param expectedBuildMinutes the first poll's delay for an image whose lineage records no build time yet
 * @param workRegions the Regions besides its own (JSON text, a list) where the deployment may act (see {@link WorkRegions})
 * @param promoteAfterHours, disableAfterFailures the soak of an auto approval and when the schedule skips a failing lineage
 *                          (see {@link RolloutDefaults}); null takes the default
 * @param validationTimeoutMinutes how long the gate after staging may take for an image that sets none; null: the default
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanRequest(
        Object input,
        String executionName,
        String executionId,
        String startTime,
        String configuredImages,
        String pollIntervalSeconds,
        String maxWaitMinutes,
        String maxConcurrency,
        String timeZone,
        String daysAfterPatchTuesday,
        String approval,
        String approvalTimeoutHours,
        String keepImages,
        String targets,
        String maxConcurrencyOverall,
        String expectedBuildMinutes,
        String workRegions,
        String promoteAfterHours,
        String disableAfterFailures,
        String validationTimeoutMinutes) {}
