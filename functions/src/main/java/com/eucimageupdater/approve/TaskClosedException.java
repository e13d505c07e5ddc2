package com.eucimageupdater.approve;

/**
 * The task no longer waits: already answered, timed out, or its execution ended (Step Functions' TaskTimedOut,
 * InvalidToken, TaskDoesNotExist). Only the error code is kept: the service's message may quote the token.
 */
public final class TaskClosedException extends Exception {
    private final String errorCode;

    public TaskClosedException(String errorCode) {
        super("the task no longer waits for an answer (" + errorCode + ")");
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
