package com.eucimageupdater.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One image's way through the workflow: the admin's request ({@code item}), the run's shared settings
 * ({@code run}), then what each step added ({@code check}, {@code start}, {@code poll}, filled in by the state
 * machine's ResultPaths).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageJob(ImageRequest item, RunSettings run, UpdateCheck check, StartedImage start, ImageStatus poll) {

    public ImageJob {
        if (item == null || run == null) {
            throw new IllegalArgumentException("item and run: every image job carries its request and the run's settings");
        }
    }

    public static ImageJob planned(ImageRequest item, RunSettings run) {
        return new ImageJob(item, run, null, null, null);
    }

    public Service service() {
        return item.service();
    }

    public String image() {
        return item.image();
    }

    public String displayName() {
        return item.displayName();
    }

    public String description() {
        return item.description();
    }

    public Map<String, String> tags() {
        return item.tags();
    }

    /** The account and Region of the image, its new image and its fleets or bundles. */
    public Location location() {
        return item.location(run.location());
    }

    public String runDate() {
        return run.runDate();
    }

    public String executionName() {
        return run.executionName();
    }

    /** The service's own identifier of the updated image, once started. */
    public String newImage() {
        if (start == null) {
            throw new IllegalArgumentException("start.newImage: the updated image has not been started for " + image());
        }
        return start.newImage();
    }

    public UpdateCheck requireCheck() {
        if (check == null) {
            throw new IllegalArgumentException("check: no update check recorded for " + image());
        }
        return check;
    }
}
