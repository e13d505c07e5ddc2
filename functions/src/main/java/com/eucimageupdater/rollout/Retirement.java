package com.eucimageupdater.rollout;

import com.eucimageupdater.images.RetentionPolicy;
import java.util.List;

/** What retention did to one lineage, image by image, or would do in a report-only run. */
public record Retirement(List<RetentionPolicy.Decision> decisions) {

    public Retirement {
        decisions = List.copyOf(decisions);
    }
}
