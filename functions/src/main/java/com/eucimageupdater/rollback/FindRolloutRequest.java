package com.eucimageupdater.rollback;

import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.RebuildSettings;
import com.eucimageupdater.model.RunSettings;
import java.util.List;

/**
 * A run that resumes another execution's roll-out, as the plan step left it: {@code rollback} names the execution whose
 * roll-out to reverse, or {@code promote} the one whose staged images go to production.
 *
 * @param maxConcurrency production roll-outs at once
 * @param locations every account and Region the deployment works in, where that execution's images are looked for
 * @param rebuildSettings for a promote, or a rollback that rebuilds, each configured production bundle's rebuild settings; else
 *                        null
 */
public record FindRolloutRequest(String executionName, String runDate, int maxConcurrency, RunSettings run, String rollback,
        String promote, List<Location> locations, List<RebuildSettings.ForBundle> rebuildSettings) {

    public FindRolloutRequest {
        locations = locations == null ? List.of() : List.copyOf(locations);
    }
}
