package com.eucimageupdater.validate;

import com.eucimageupdater.validate.CanaryWorkspaces.Canary;
import java.util.List;

/**
 * One canary WorkSpace's check, once its staging bundle points at the new image: rebuilt once from the bundle, never
 * while its user is connected (a rebuild would end the session and restore the user volume from a snapshot), and then
 * back AVAILABLE. ERROR or UNHEALTHY decides at once: waiting would not clear it.
 */
final class CanaryRules {
    static final String CANARY = "canary";
    private static final List<String> BROKEN = List.of("ERROR", "UNHEALTHY");

    private CanaryRules() {}

    /** Whether the canary, not yet rebuilt by this run, may be rebuilt now; otherwise the check that waits. */
    static CheckResult beforeRebuild(Canary canary) {
        if ("CONNECTED".equals(canary.connection())) {
            return CheckResult.waiting(CANARY, canary.id(), "DescribeWorkspacesConnectionStatus: its user stayed CONNECTED, so the canary"
                    + " was not rebuilt");
        }
        return null;
    }

    /** The check of a canary this run rebuilt, from its State now. */
    static CheckResult afterRebuild(Canary canary) {
        String answer = "rebuilt from the staged bundle " + canary.bundle() + "; DescribeWorkspaces: " + canary.state();
        if (BROKEN.contains(canary.state())) {
            return CheckResult.failed(CANARY, canary.id(), answer);
        }
        return "AVAILABLE".equals(canary.state()) ? CheckResult.passed(CANARY, canary.id(), answer + " again")
                : CheckResult.waiting(CANARY, canary.id(), answer + ", not yet AVAILABLE");
    }

    /** A rebuild AWS refused (e.g. the WorkSpace is STOPPED or being changed): the image fails, naming AWS's answer. */
    static CheckResult refused(Canary canary, String refusal) {
        return CheckResult.failed(CANARY, canary.id(), "RebuildWorkspaces refused while " + canary.state() + ": " + refusal);
    }
}
