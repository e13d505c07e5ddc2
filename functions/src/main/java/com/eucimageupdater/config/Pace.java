package com.eucimageupdater.config;

import static com.eucimageupdater.config.UpdaterConfig.EXPECTED_BUILD_MINUTES;
import static com.eucimageupdater.config.UpdaterConfig.MAX_CONCURRENCY;
import static com.eucimageupdater.config.UpdaterConfig.MAX_CONCURRENCY_OVERALL;
import static com.eucimageupdater.config.UpdaterConfig.MAX_WAIT_HOURS;
import static com.eucimageupdater.config.UpdaterConfig.POLL_INTERVAL_MINUTES;

import com.eucimageupdater.plan.DeploymentSettings;
import com.eucimageupdater.plan.OrganizationSettings;
import com.eucimageupdater.plan.RunLimits;

/**
 * How a run builds: how often it polls an image, how long it waits for one, and how many it builds at once.
 *
 * @param maxConcurrency images built at once in each account and Region
 * @param maxConcurrencyOverall images built at once across all accounts and Regions of a run
 * @param expectedBuildMinutes when the first poll comes for an image whose lineage has no recorded build time
 */
public record Pace(int pollIntervalMinutes, int maxWaitHours, int maxConcurrency, int maxConcurrencyOverall, int expectedBuildMinutes) {
    /** Images built at once in one account and Region. */
    static final int MAX_MAX_CONCURRENCY = 40;
    static final int MAX_MAX_CONCURRENCY_OVERALL = 1000;

    static Pace read(ContextReader reader) {
        Pace pace = new Pace(
                reader.integer(POLL_INTERVAL_MINUTES, DeploymentSettings.DEFAULT_POLL_INTERVAL_MINUTES, 1, 60),
                reader.integer(MAX_WAIT_HOURS, DeploymentSettings.DEFAULT_MAX_WAIT_HOURS, 1, 48),
                reader.integer(MAX_CONCURRENCY, DeploymentSettings.DEFAULT_MAX_CONCURRENCY, 1, MAX_MAX_CONCURRENCY),
                reader.integer(MAX_CONCURRENCY_OVERALL, OrganizationSettings.DEFAULT_MAX_CONCURRENCY_OVERALL, 1,
                        MAX_MAX_CONCURRENCY_OVERALL),
                reader.integer(EXPECTED_BUILD_MINUTES, RunLimits.DEFAULT_EXPECTED_BUILD_MINUTES, 5, 1440));
        pace.requireOverallAtLeastPerRegion(reader);
        return pace;
    }

    /** Only judged on numbers in range, which are reported on their own otherwise. */
    private void requireOverallAtLeastPerRegion(ContextReader reader) {
        boolean inRange = maxConcurrency >= 1 && maxConcurrency <= MAX_MAX_CONCURRENCY
                && maxConcurrencyOverall >= 1 && maxConcurrencyOverall <= MAX_MAX_CONCURRENCY_OVERALL;
        if (inRange && maxConcurrencyOverall < maxConcurrency) {
            reader.add(MAX_CONCURRENCY_OVERALL + ": must be at least " + MAX_CONCURRENCY + " (" + maxConcurrency
                    + ", images built at once in each account and Region), got " + maxConcurrencyOverall);
        }
    }
}
