package com.eucimageupdater.approve;

/** The two Step Functions calls that answer a callback task. */
public interface TaskAnswers {
    void sendTaskSuccess(String taskToken, String output) throws TaskClosedException;

    void sendTaskFailure(String taskToken, String error, String cause) throws TaskClosedException;
}
