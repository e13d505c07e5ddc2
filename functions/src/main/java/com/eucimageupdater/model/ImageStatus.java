package com.eucimageupdater.model;

import com.eucimageupdater.build.BuildTimes;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The state of the updated image.
 *
 * @param reason the service's own reason when it failed (StateChangeReason, ImageErrors; ErrorCode, ErrorMessage)
 * @param pollsDone how many polls the workflow has made, which bounds its wait loop
 * @param observedAt when the poll saw this state (ISO-8601); the last poll's time ends the image's build minutes
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageStatus(ImageState state, String serviceState, String reason, int pollsDone, String observedAt) {

    public ImageStatus(ImageState state, String serviceState, String reason, int pollsDone) {
        this(state, serviceState, reason, pollsDone, null);
    }

    public static ImageStatus of(ImageState state, String serviceState, String reason) {
        return new ImageStatus(state, serviceState, reason, 0);
    }

    /**
     * Counts this poll for the wait loop's bound. The first poll counts the first wait and the time the image waited
     * for quota in poll intervals, so that quota wait and build together stay within the image's maximum wait.
     */
    public ImageStatus afterPoll(ImageJob job) {
        ImageStatus previous = job.poll();
        int interval = job.run().pollIntervalSeconds();
        int pollsDone = previous != null ? previous.pollsDone() + 1
                : job.start() == null ? 1 : BuildTimes.pollsInFirstWait(job.start(), interval) + job.start().quotaWaitSeconds() / interval;
        return new ImageStatus(state, serviceState, reason, pollsDone, observedAt);
    }

    public ImageStatus observedAt(Instant time) {
        return new ImageStatus(state, serviceState, reason, pollsDone, time.toString());
    }
}
