package com.eucimageupdater.plan;

import com.eucimageupdater.model.Approval;

/**
 * The roll-out settings a run takes when its input does not say: cdk.json's {@code approval},
 * {@code approvalTimeoutHours}, {@code keepImages} and {@code validationTimeoutMinutes}.
 *
 * @param approval whether production waits for an approve link, or goes right after staging
 * @param keepImages how many of a lineage's newest images retention keeps; 0 keeps them all
 * @param validationTimeoutMinutes how long the staged targets of an image have to pass the gate before approval
 */
public record RolloutDefaults(Approval approval, int approvalTimeoutHours, int keepImages, int validationTimeoutMinutes) {
    public static final int DEFAULT_VALIDATION_TIMEOUT_MINUTES = 60;
    /** Half a day: a fleet that has not taken its image by then will not; the loop's polls stay well within one execution's history. */
    public static final int MAX_VALIDATION_TIMEOUT_MINUTES = 720;
    public static final RolloutDefaults DEFAULTS = new RolloutDefaults(Approval.REQUIRED, 72, 0, DEFAULT_VALIDATION_TIMEOUT_MINUTES);
    /** Step Functions keeps a task token for at most a year; a week is plenty for a monthly roll-out. */
    public static final int MAX_APPROVAL_TIMEOUT_HOURS = 168;
}
