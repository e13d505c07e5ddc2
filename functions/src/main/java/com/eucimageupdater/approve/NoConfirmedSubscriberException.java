package com.eucimageupdater.approve;

import com.eucimageupdater.model.ImageUpdateException;

/**
 * The run needs an approval, but its topic has no confirmed subscriber: the mail would reach nobody, and the run would
 * wait out the whole approval timeout for nothing. The state machine catches it by this class's name. An
 * {@link ImageUpdateException} so that the step's handler passes it on as it is, with its message and no stack trace.
 */
public final class NoConfirmedSubscriberException extends ImageUpdateException {
    public NoConfirmedSubscriberException(String topicArn, int pending) {
        super("no confirmed subscriber on " + topicArn + (pending > 0 ? " (" + pending + " pending confirmation)" : "")
                + ", so nobody would get the approval mail: confirm the subscription mail (its link), or set notificationEmails"
                + " in cdk.json and deploy");
    }
}
