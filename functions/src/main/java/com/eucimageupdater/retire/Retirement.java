package com.eucimageupdater.retire;

import java.util.List;

/**
 * What retention did to one lineage, image by image, or would do in a report-only run.
 *
 * @param current for the approval mail's preview: the image each production fleet or bundle uses now; null otherwise
 */
public record Retirement(List<RetentionPolicy.Decision> decisions, List<TargetImage> current) {

    public Retirement {
        decisions = List.copyOf(decisions);
        current = current == null ? null : List.copyOf(current);
    }

    public Retirement(List<RetentionPolicy.Decision> decisions) {
        this(decisions, null);
    }

    /** A fleet or bundle and the image it uses (AppStream: name; WorkSpaces: id). */
    public record TargetImage(String target, String image) {}
}
