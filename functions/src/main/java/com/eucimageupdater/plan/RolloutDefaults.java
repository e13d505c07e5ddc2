package com.eucimageupdater.plan;

import com.eucimageupdater.model.Approval;

/**
 * The roll-out settings a run takes when its input does not say: cdk.json's {@code approval},
 * {@code approvalTimeoutHours} and {@code keepImages}.
 *
 * @param approval whether production waits for an approve link, or goes right after staging
 * @param keepImages how many of a lineage's newest images retention keeps; 0 keeps them all
 */
public record RolloutDefaults(Approval approval, int approvalTimeoutHours, int keepImages) {
    public static final RolloutDefaults DEFAULTS = new RolloutDefaults(Approval.REQUIRED, 72, 0);
    /** Step Functions keeps a task token for at most a year; a week is plenty for a monthly roll-out. */
    public static final int MAX_APPROVAL_TIMEOUT_HOURS = 168;
}
