package com.eucimageupdater.build;

import com.eucimageupdater.model.ImageJob;
import com.eucimageupdater.model.ImageUpdateException;
import com.eucimageupdater.model.StartedImage;
import java.util.function.BooleanSupplier;

/**
 * A create refused by a quota (AppStream's image builders or images, WorkSpaces' images) while other updates of the
 * same run are still building is waited out: those builds end and free the quota. The waits start at the poll
 * interval and double up to four times it, and count against the image's maximum wait (the poll loop's bound
 * counts them too, so every wait of an image is at least one poll interval and the history stays within its budget);
 * a quota with nothing in flight to free it fails the image at once, with the Service Quotas hint.
 */
public final class QuotaWait {
    private static final int LONGEST_WAIT_IN_POLL_INTERVALS = 4;

    private QuotaWait() {}

    /** One attempt at the create, its other AWS errors already translated. */
    @FunctionalInterface
    public interface Create {
        StartedImage attempt() throws QuotaReachedException;
    }

    /**
     * Runs the create; a quota refusal is waited out while other updates of the run build. When none is building
     * any more, the builds that held the quota may have just ended, so the create is tried once more at once.
     *
     * @param othersInFlight whether other updates of this run are still building, asked after a refusal
     */
    public static StartedImage create(ImageJob job, Create create, BooleanSupplier othersInFlight) {
        for (int attempt = 1; ; attempt++) {
            try {
                return create.attempt();
            } catch (QuotaReachedException refusal) {
                boolean inFlight = othersInFlight.getAsBoolean();
                if (inFlight || attempt == 2) {
                    return next(job, refusal, inFlight);
                }
            }
        }
    }

    /** Seconds this image has already waited for quota, from its previous start attempt. */
    public static int waitedSoFar(ImageJob job) {
        StartedImage previous = job.start();
        return previous == null || !previous.waitingForQuota() ? 0 : previous.quotaWaitSeconds() + previous.retryInSeconds();
    }

    /**
     * @param quota the quota's refusal, whose message carries the service's words and the hint
     * @param othersInFlight whether other updates of this run are still building
     * @return the wait before the next attempt
     * @throws ImageUpdateException when nothing will free the quota, or the image has waited as long as it may
     */
    private static StartedImage next(ImageJob job, QuotaReachedException quota, boolean othersInFlight) {
        int waited = waitedSoFar(job);
        if (!othersInFlight) {
            throw new ImageUpdateException(quota.getMessage() + (waited == 0 ? "" : "; still exhausted after waiting "
                    + minutes(waited) + " for it") + "; no other update of this run is building, so it will not free up by itself");
        }
        int previousWait = job.start() == null ? 0 : job.start().retryInSeconds();
        int wait = nextWait(previousWait, job.run().pollIntervalSeconds());
        if (waited + wait > job.run().maxWaitMinutes() * 60) {
            throw new ImageUpdateException(quota.getMessage() + "; still exhausted after waiting " + minutes(waited)
                    + " for other updates of this run to finish (the maximum wait is " + job.run().maxWaitText() + ")");
        }
        return StartedImage.waitingForQuota(waited, wait, quota.getMessage());
    }

    private static int nextWait(int previousWait, int pollIntervalSeconds) {
        return previousWait == 0 ? pollIntervalSeconds : Math.min(previousWait * 2, pollIntervalSeconds * LONGEST_WAIT_IN_POLL_INTERVALS);
    }

    public static String minutes(int seconds) {
        return seconds < 60 ? seconds + " s" : Math.round(seconds / 60.0) + " min";
    }
}
