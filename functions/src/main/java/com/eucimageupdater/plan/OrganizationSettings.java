package com.eucimageupdater.plan;

import java.util.Map;

/**
 * The deployment's reach and pace across an organization, as the definition's substitutions take them.
 *
 * @param targetsJson cdk.json's {@code targets}: where an item naming a fleet or bundle is resolved (JSON text)
 * @param maxConcurrencyOverall images built at once in the whole run (each account and Region has its own bound too)
 * @param expectedBuildMinutes the first poll's delay for an image whose lineage records no build time yet
 */
public record OrganizationSettings(String targetsJson, int maxConcurrencyOverall, int expectedBuildMinutes) {
    public static final int DEFAULT_MAX_CONCURRENCY_OVERALL = 50;
    public static final OrganizationSettings DEFAULTS = new OrganizationSettings("[]", DEFAULT_MAX_CONCURRENCY_OVERALL,
            RunLimits.DEFAULT_EXPECTED_BUILD_MINUTES);

    /** Values for the definition's placeholders; every one sits inside a JSON string literal. */
    public Map<String, String> substitutions() {
        return Map.of(
                "Targets", targetsJson.replace("\\", "\\\\").replace("\"", "\\\""),
                "MaxConcurrencyOverall", Integer.toString(maxConcurrencyOverall),
                "ExpectedBuildMinutes", Integer.toString(expectedBuildMinutes));
    }
}
