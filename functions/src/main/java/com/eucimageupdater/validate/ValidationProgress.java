package com.eucimageupdater.validate;

import java.util.List;

/**
 * Where the gate stands after a check: what the state machine's loop decides on and carries to the next check.
 *
 * @param done whether the gate has decided: every check passed, one failed, or the bound was reached
 * @param passed whether it passed (only when done)
 * @param polls how many checks ran, which the bound counts
 * @param checks the last answer of each check, in the order the targets are listed
 * @param failure when it failed: the check, the target and what AWS answered
 * @param rebuiltCanaries the canary WorkSpaces this run rebuilt, so that no later check rebuilds them again
 */
public record ValidationProgress(boolean done, boolean passed, int polls, List<CheckResult> checks, String failure,
                                 List<String> rebuiltCanaries) {

    public ValidationProgress {
        checks = checks == null ? List.of() : List.copyOf(checks);
        rebuiltCanaries = rebuiltCanaries == null ? List.of() : List.copyOf(rebuiltCanaries);
    }
}
