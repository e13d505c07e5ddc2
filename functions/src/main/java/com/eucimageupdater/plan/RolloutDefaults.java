package com.eucimageupdater.plan;

import com.eucimageupdater.model.Approval;

/**
 * The roll-out settings a run takes when its input does not say: cdk.json's {@code approval},
 * {@code approvalTimeoutHours}, {@code keepImages}, {@code promoteAfterHours}, {@code disableAfterFailures} and
 * {@code validationTimeoutMinutes}.
 *
 * @param approval whether production waits for an approve link, goes right after staging, or after a soak unless rejected
 * @param keepImages how many of a lineage's newest images retention keeps; 0 keeps them all
 * @param promoteAfterHours with {@code approval: "auto"}, how long production waits for a reject: one clock per run
 * @param disableAfterFailures after how many months in a row of failed scheduled builds the schedule skips a lineage; 0 never
 * @param validationTimeoutMinutes how long the staged targets of an image have to pass the gate before approval
 */
public record RolloutDefaults(Approval approval, int approvalTimeoutHours, int keepImages, int promoteAfterHours,
        int disableAfterFailures, int validationTimeoutMinutes) {
    public static final int DEFAULT_VALIDATION_TIMEOUT_MINUTES = 60;
    /** Half a day: a fleet that has not taken its image by then will not; the loop's polls stay well within one execution's history. */
    public static final int MAX_VALIDATION_TIMEOUT_MINUTES = 720;
    public static final RolloutDefaults DEFAULTS = new RolloutDefaults(Approval.REQUIRED, 72, 0, 24, 3, DEFAULT_VALIDATION_TIMEOUT_MINUTES);
    /** A year of monthly runs: beyond it a lineage that never builds is better removed from the images. */
    public static final int MAX_DISABLE_AFTER_FAILURES = 12;
    /** Step Functions keeps a task token for at most a year; a week is plenty for a monthly roll-out. */
    public static final int MAX_APPROVAL_TIMEOUT_HOURS = 168;

    /** How long production waits on the mail's answer with this approval: the soak for auto, else the approval's timeout. */
    public int waitHours(Approval runApproval) {
        return runApproval == Approval.AUTO ? promoteAfterHours : approvalTimeoutHours;
    }
}
