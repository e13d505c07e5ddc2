package com.eucimageupdater.model;

import com.eucimageupdater.build.BuildTimes;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The updated image being built, or a create that waits for a service quota to free up.
 *
 * @param newImage what the service identifies it by: the name for AppStream, the wsi- id for WorkSpaces
 * @param adopted true when an earlier run (or a concurrent one) had already started it
 * @param adoptedFrom the execution that started an adopted image, as its tag says
 * @param waitingForQuota true while the create is refused by a quota that other builds of the run will free
 * @param quotaWaitSeconds how long the image has waited for quota before this attempt
 * @param retryInSeconds when waiting: how long the state machine waits before trying the create again
 * @param startedAt when the start step ran (ISO-8601), from which the report counts build minutes
 * @param firstPollSeconds how long the workflow waits before its first poll: near the build time the lineage took last
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StartedImage(String newImage, String newImageName, boolean adopted, String adoptedFrom, boolean waitingForQuota,
        int quotaWaitSeconds, int retryInSeconds, String quotaReason, String startedAt, int firstPollSeconds) {

    public static StartedImage created(String newImage, String newImageName, int quotaWaitSeconds) {
        return new StartedImage(newImage, newImageName, false, null, false, quotaWaitSeconds, 0, null, null, 0);
    }

    public static StartedImage adopted(String newImage, String newImageName, String fromExecution, int quotaWaitSeconds) {
        return new StartedImage(newImage, newImageName, true, fromExecution, false, quotaWaitSeconds, 0, null, null, 0);
    }

    public static StartedImage waitingForQuota(int quotaWaitSeconds, int retryInSeconds, String quotaReason) {
        return new StartedImage(null, null, false, null, true, quotaWaitSeconds, retryInSeconds, quotaReason, null, 0);
    }

    /** Started now; the first poll comes after the build time this image's lineage is expected to take. */
    public StartedImage startedAt(Instant time, ImageJob job) {
        return new StartedImage(newImage, newImageName, adopted, adoptedFrom, waitingForQuota, quotaWaitSeconds, retryInSeconds,
                quotaReason, time.toString(), BuildTimes.firstPollSeconds(job, quotaWaitSeconds));
    }
}
