package com.eucimageupdater.images;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What every image of a run shares, planned once and handed to each Map iteration beside its item (the state
 * machine's ItemSelector), so that items stay small.
 *
 * @param account the account whose images the run updates (from the execution's ARN)
 * @param maxPolls the bound of each image's wait loop
 * @param maxWaitText the maximum wait as the mail says it, e.g. "8 h"
 * @param approval "required" or "none": whether production waits for an approve link
 * @param approvalTimeoutSeconds how long the approval may wait before nothing goes to production
 * @param dryRun a report-only run: everything is checked, nothing is changed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunSettings(
        String executionName,
        String runDate,
        String account,
        int pollIntervalSeconds,
        int maxPolls,
        int maxWaitMinutes,
        String maxWaitText,
        String approval,
        int approvalTimeoutSeconds,
        boolean dryRun) {}
