package com.eucimageupdater.approve;

import java.util.Arrays;
import java.util.Optional;

/** The two answers an approval link can give to the state machine's callback task. */
public enum Decision {
    /** SendTaskSuccess with the answer as output: the execution goes on to the production roll-out. */
    APPROVE("approve", "approved", "aws stepfunctions send-task-success", "Approve: "),
    /** SendTaskFailure with {@link #REJECTED_ERROR} and the answer as cause: the execution rolls nothing out to production. */
    REJECT("reject", "rejected", "aws stepfunctions send-task-failure", "Reject:  ");

    /** The error a rejection fails the callback task with, for the state machine to catch. */
    public static final String REJECTED_ERROR = "ApprovalRejected";

    private final String parameter;
    private final String answered;
    private final String cliCommand;
    private final String label;

    Decision(String parameter, String answered, String cliCommand, String label) {
        this.parameter = parameter;
        this.answered = answered;
        this.cliCommand = cliCommand;
        this.label = label;
    }

    /** What the mail writes before this answer's link, padded so that the links line up. */
    String label() {
        return label;
    }

    /** The value of the link's {@code decision} parameter. */
    public String parameter() {
        return parameter;
    }

    /** The answer's {@code decision}: "approved" or "rejected". */
    public String answered() {
        return answered;
    }

    /** The AWS CLI command of the mail that gives this answer. */
    String cliCommand() {
        return cliCommand;
    }

    /**
     * What the mail's AWS CLI command sends, as JSON: it knows no caller (CloudTrail's record of the call does), only
     * that the mail's command answered. Written by hand: its parts are fixed, and the mail's jar may not carry databind.
     */
    String cliAnswer() {
        return "{\"decision\":\"" + answered + "\",\"answeredBy\":{\"command\":\"" + cliCommand + " (the command in the approval mail)\"}}";
    }

    static Optional<Decision> fromParameter(String value) {
        return Arrays.stream(values()).filter(decision -> decision.parameter.equals(value)).findFirst();
    }

    /**
     * Answers the callback task: the one place where a decision becomes a Step Functions call.
     *
     * @param answer the {@link ApprovalAnswer} as JSON: the approval's output, or the rejection's cause
     */
    public void send(TaskAnswers answers, String taskToken, String answer) throws TaskClosedException {
        switch (this) {
            case APPROVE -> answers.sendTaskSuccess(taskToken, answer);
            case REJECT -> answers.sendTaskFailure(taskToken, REJECTED_ERROR, answer);
        }
    }
}
