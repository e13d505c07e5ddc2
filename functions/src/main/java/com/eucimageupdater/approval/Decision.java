package com.eucimageupdater.approval;

import java.util.Arrays;
import java.util.Optional;

/** The two answers an approval link can give to the state machine's callback task. */
public enum Decision {
    /** SendTaskSuccess with {@link #APPROVED_OUTPUT}: the execution goes on to the production roll-out. */
    APPROVE("approve"),
    /** SendTaskFailure with {@link #REJECTED_ERROR}: the execution rolls nothing out to production. */
    REJECT("reject");

    /** The callback task's output on approval, for the state machine to read. */
    public static final String APPROVED_OUTPUT = "{\"decision\":\"approved\"}";
    /** The error a rejection fails the callback task with, for the state machine to catch. */
    public static final String REJECTED_ERROR = "ApprovalRejected";
    public static final String REJECTED_CAUSE = "rejected through the approval link";

    private final String parameter;

    Decision(String parameter) {
        this.parameter = parameter;
    }

    /** The value of the link's {@code decision} parameter. */
    public String parameter() {
        return parameter;
    }

    static Optional<Decision> fromParameter(String value) {
        return Arrays.stream(values()).filter(decision -> decision.parameter.equals(value)).findFirst();
    }

    /** Answers the callback task: the one place where a decision becomes a Step Functions call. */
    public void send(TaskAnswers answers, String taskToken) throws TaskClosedException {
        switch (this) {
            case APPROVE -> answers.sendTaskSuccess(taskToken, APPROVED_OUTPUT);
            case REJECT -> answers.sendTaskFailure(taskToken, REJECTED_ERROR, REJECTED_CAUSE);
        }
    }
}
