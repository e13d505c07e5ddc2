package com.eucimageupdater.local;

/**
 * An error the local task host answers by name, as Step Functions reports errors that are not a function's own
 * exception: Lambda's faults ({@code Lambda.ServiceException}), a callback's failure ({@code ApprovalRejected}),
 * a task's timeout ({@code States.Timeout}).
 */
class TaskError extends RuntimeException {
    final String errorName;

    TaskError(String errorName, String message) {
        super(message, null, false, false);
        this.errorName = errorName;
    }
}
