package com.eucimageupdater.images;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One image's way through the workflow: what the plan decided, then what each step added
 * ({@code check}, {@code start}, {@code poll} are filled in by the state machine's ResultPaths).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageJob(
        Service service,
        String image,
        String displayName,
        String description,
        Map<String, String> tags,
        String runDate,
        String executionName,
        int pollIntervalSeconds,
        int maxPolls,
        String maxWaitText,
        UpdateCheck check,
        StartedImage start,
        ImageStatus poll) {

    public ImageJob {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** The service's own identifier of the updated image, once started. */
    public String newImage() {
        if (start == null) {
            throw new IllegalArgumentException("start.newImage: the updated image has not been started for " + image);
        }
        return start.newImage();
    }

    public UpdateCheck requireCheck() {
        if (check == null) {
            throw new IllegalArgumentException("check: no update check recorded for " + image);
        }
        return check;
    }
}
