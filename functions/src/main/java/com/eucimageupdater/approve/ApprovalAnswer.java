package com.eucimageupdater.approve;

/**
 * What answers the waiting task: SendTaskSuccess's output for an approval, SendTaskFailure's cause for a rejection, as
 * JSON in both, so that the execution's output and the summary mail can say who answered.
 *
 * @param decision "approved" or "rejected" ({@link Decision#answered()})
 */
public record ApprovalAnswer(String decision, AnsweredBy answeredBy) {

    public static ApprovalAnswer of(Decision decision, AnsweredBy answeredBy) {
        return new ApprovalAnswer(decision.answered(), answeredBy);
    }
}
