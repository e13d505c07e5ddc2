package com.eucimageupdater.plan;

import com.eucimageupdater.lambda.JsonValues;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The deployment's reach and pace across an organization, as the definition's substitutions take them.
 *
 * @param targetsJson cdk.json's {@code targets}: where an item naming a fleet or bundle is resolved (JSON text)
 * @param maxConcurrencyOverall images built at once in the whole run (each account and Region has its own bound too)
 * @param expectedBuildMinutes the first poll's delay for an image whose lineage records no build time yet
 * @param workRegions the Regions besides its own where the deployment may act (see {@link WorkRegions})
 */
public record OrganizationSettings(String targetsJson, int maxConcurrencyOverall, int expectedBuildMinutes, List<String> workRegions) {
    public static final int DEFAULT_MAX_CONCURRENCY_OVERALL = 50;
    public static final OrganizationSettings DEFAULTS = new OrganizationSettings("[]", DEFAULT_MAX_CONCURRENCY_OVERALL,
            RunLimits.DEFAULT_EXPECTED_BUILD_MINUTES, List.of());


    public OrganizationSettings {
        workRegions = List.copyOf(workRegions);
    }

    /** These settings, working in {@code regions} too. */
    public OrganizationSettings withWorkRegions(Collection<String> regions) {
        return new OrganizationSettings(targetsJson, maxConcurrencyOverall, expectedBuildMinutes,
                List.copyOf(new TreeSet<>(Stream.concat(workRegions.stream(), regions.stream()).toList())));
    }

    /** Values for the definition's placeholders; every one sits inside a JSON string literal. */
    public Map<String, String> substitutions() {
        return Map.of(
                "Targets", insideString(targetsJson),
                "MaxConcurrencyOverall", Integer.toString(maxConcurrencyOverall),
                "ExpectedBuildMinutes", Integer.toString(expectedBuildMinutes),
                "WorkRegions", insideString(json(workRegions)));
    }

    private static String insideString(String json) {
        return json.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String json(List<String> values) {
        return JsonValues.shown(values);
    }
}
