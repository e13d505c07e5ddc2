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
 * @param approval whether production waits for an approve link, goes right after staging, or after a soak unless rejected
 * @param approvalTimeoutSeconds how long the approval mail's answer is waited for: then nothing goes to production, or, with
 *                               approval auto (promoteAfterHours), production rolls out
 * @param dryRun a report-only run: everything is checked, nothing is changed
 * @param expectedBuildMinutes when an image's lineage records no build time: the first poll comes after about this long
 * @param maxConcurrency images built at once in one account and Region (each has its own quotas)
 * @param timeZone the schedule's time zone (an IANA id), in which the mails give dates and times
 * @param promote for a promote run, the execution whose staged images it rolls out to production; else null
 * @param surveyRows for a drift report, how many fleets and bundles (and unused images) each place's survey lists; else null,
 *                   and the survey for the mail's section only counts
 * @param promoteAfterHours with approval auto, the soak after which production rolls out unless rejected; else null
 * @param scheduled true when the schedule started the run (its input's scheduledTime), else null: only such runs count and skip
 *                  failing lineages
 * @param disableAfterFailures after how many months in a row of failed scheduled builds the schedule skips a lineage; 0 never
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
        Approval approval,
        int approvalTimeoutSeconds,
        boolean dryRun,
        int expectedBuildMinutes,
        int maxConcurrency,
        String timeZone,
        String promote,
        Integer surveyRows,
        Integer promoteAfterHours,
        Boolean scheduled,
        Integer disableAfterFailures) {

    /** Whether the schedule started the run. */
    public boolean bySchedule() {
        return Boolean.TRUE.equals(scheduled);
    }

    /** The deployment's own account and Region. */
    public Location location() {
        return new Location(account, region);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Settings by name; what is not set is null, zero or false, as in a run's JSON that leaves it out. */
    public static final class Builder {
        private String executionName;
        private String runDate;
        private String account;
        private String region;
        private int pollIntervalSeconds;
        private int maxPolls;
        private int maxWaitMinutes;
        private String maxWaitText;
        private Approval approval;
        private int approvalTimeoutSeconds;
        private boolean dryRun;
        private int expectedBuildMinutes;
        private int maxConcurrency;
        private String timeZone;
        private String promote;
        private Integer surveyRows;
        private Integer promoteAfterHours;
        private Boolean scheduled;
        private Integer disableAfterFailures;

        private Builder() {}

        public Builder executionName(String executionName) {
            this.executionName = executionName;
            return this;
        }

        public Builder runDate(String runDate) {
            this.runDate = runDate;
            return this;
        }

        /** The deployment's own account and Region. */
        public Builder location(Location location) {
            this.account = location.account();
            this.region = location.region();
            return this;
        }

        public Builder pollIntervalSeconds(int pollIntervalSeconds) {
            this.pollIntervalSeconds = pollIntervalSeconds;
            return this;
        }

        public Builder maxPolls(int maxPolls) {
            this.maxPolls = maxPolls;
            return this;
        }

        public Builder maxWaitText(String maxWaitText) {
            this.maxWaitText = maxWaitText;
            return this;
        }

        public Builder maxWaitMinutes(int maxWaitMinutes) {
            this.maxWaitMinutes = maxWaitMinutes;
            return this;
        }

        public Builder approval(Approval approval) {
            this.approval = approval;
            return this;
        }

        public Builder approvalTimeoutSeconds(int approvalTimeoutSeconds) {
            this.approvalTimeoutSeconds = approvalTimeoutSeconds;
            return this;
        }

        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        public Builder expectedBuildMinutes(int expectedBuildMinutes) {
            this.expectedBuildMinutes = expectedBuildMinutes;
            return this;
        }

        public Builder maxConcurrency(int maxConcurrency) {
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        public Builder timeZone(String timeZone) {
            this.timeZone = timeZone;
            return this;
        }

        public Builder promote(String promote) {
            this.promote = promote;
            return this;
        }

        public Builder surveyRows(int surveyRows) {
            this.surveyRows = surveyRows;
            return this;
        }

        public Builder promoteAfterHours(Integer promoteAfterHours) {
            this.promoteAfterHours = promoteAfterHours;
            return this;
        }

        public Builder scheduled(boolean scheduled) {
            this.scheduled = scheduled ? Boolean.TRUE : null;
            return this;
        }

        public Builder disableAfterFailures(int disableAfterFailures) {
            this.disableAfterFailures = disableAfterFailures;
            return this;
        }

        public RunSettings build() {
            return new RunSettings(executionName, runDate, account, region, pollIntervalSeconds, maxPolls, maxWaitMinutes, maxWaitText,
                    approval, approvalTimeoutSeconds, dryRun, expectedBuildMinutes, maxConcurrency, timeZone, promote, surveyRows,
                    promoteAfterHours, scheduled, disableAfterFailures);
        }
    }
}
