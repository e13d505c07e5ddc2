package com.eucimageupdater.build;

/**
 * A create refused by a quota (AppStream's images or image builders, WorkSpaces' images), which {@link QuotaWait} waits
 * out or turns into the image's failure. Checked, so that each create says whether a quota can refuse it; stackless, like
 * the errors it becomes.
 */
public final class QuotaReachedException extends Exception {

    /** @param reason the refusal as the admin reads it: the call, the service's words and the Service Quotas hint */
    public QuotaReachedException(String reason) {
        super(reason, null, false, false);
    }
}
