package com.eucimageupdater.report;

import com.eucimageupdater.lambda.JsonView;
import java.util.ArrayList;
import java.util.List;

/**
 * The mail's lines about the gate after staging: each passed check with what AWS answered in this run (the approval
 * mail shows them too), or, for a report-only run, which checks would run and within how long.
 */
final class ValidationSection {
    private static final String INDENT = "           ";

    private ValidationSection() {}

    /** Each check the image passed, with what AWS answered. */
    static void validated(JsonView raw, StringBuilder body) {
        for (JsonView check : raw.at("/validated/checks")) {
            body.append(INDENT).append("validated: ").append(check.path("check").asText()).append(' ')
                    .append(check.path("target").asText()).append(": ").append(check.path("answer").asText()).append('\n');
        }
    }

    /** The checks a real run would make once the image is staged, from the item as planned. */
    static void wouldValidate(JsonView item, StringBuilder body) {
        List<String> fleets = new ArrayList<>();
        List<String> bundles = new ArrayList<>();
        boolean appStream = "APPSTREAM".equals(item.path("service").asText());
        item.path("stagingTargets").forEach(target -> (appStream ? fleets : bundles).add(target.asText()));
        int minutes = item.at("/gate/timeoutMinutes").asInt(0);
        String within = minutes > 0 ? " within " + minutes + " min" : "";
        if (!fleets.isEmpty()) {
            body.append(INDENT).append("would validate fleets ").append(String.join(", ", fleets)).append(within)
                    .append(": the new image, RUNNING, no FleetErrors, an instance available (a STOPPED fleet: the image alone)\n");
        }
        if (!bundles.isEmpty()) {
            body.append(INDENT).append("would validate bundles ").append(String.join(", ", bundles)).append(within)
                    .append(": each points at the new image\n");
        }
        item.at("/gate/canaryWorkspaces").forEach(canary -> body.append(INDENT).append("would rebuild canary ").append(canary.asText())
                .append(" (unless its user is connected) from the staged bundle, and wait for it to be AVAILABLE\n"));
    }
}
