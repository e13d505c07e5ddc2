package com.eucimageupdater.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What every image of a run shares, planned once and handed to each Map iteration beside its item (the state
 * machine's ItemSelector), so that items stay small.
 *
 * @param account the deployment's account (from the execution's ARN): images elsewhere are reached through member roles
 * @param region the deployment's Region (from the execution's ARN), for images that name none
 * @param maxPolls the bound of each image's wait loop
 * @param maxWaitText the maximum wait as the mail says it, e.g. "8 h"
 * @param approval "required" or "none": whether production waits for an approve link
 * @param approvalTimeoutSeconds how long the approval may wait before nothing goes to production
 * @param dryRun a report-only run: everything is checked, nothing is changed
 * @param expectedBuildMinutes when an image's lineage records no build time: the first poll comes after about this long
 * @param maxConcurrency images built at once in one account and Region (each has its own quotas)
 * @param timeZone the schedule's time zone (an IANA id), in which the mails give dates and times
 * @param promote for a promote run, the execution whose staged images it rolls out to production; else null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSettings(
        String executionName,
        String runDate,
        String account,
        String region,
        int pollIntervalSeconds,
        int maxPolls,
        int maxWaitMinutes,
        String maxWaitText,
        String approval,
        int approvalTimeoutSeconds,
        boolean dryRun,
        int expectedBuildMinutes,
        int maxConcurrency,
        String timeZone,
        String promote) {

    /** The deployment's own account and Region. */
    public Location location() {
        return new Location(account, region);
    }
}
