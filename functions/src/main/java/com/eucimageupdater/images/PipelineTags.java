package com.eucimageupdater.images;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Tags the pipeline puts on every image it creates, so a re-run can recognise its own work. */
public final class PipelineTags {
    public static final String PREFIX = "euc-image-updater:";
    public static final String SOURCE_IMAGE = PREFIX + "source-image";
    public static final String RUN_DATE = PREFIX + "run-date";
    public static final String EXECUTION = PREFIX + "execution";
    static final int COUNT = 3;
    /** Execution names may hold characters (such as ! or ') that tag values may not. */
    private static final Pattern NOT_TAG_TEXT = Pattern.compile("[^\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]");

    private PipelineTags() {}

    /** The admin's tags plus the pipeline's, which win on a clash (users may not set the prefix anyway). */
    public static Map<String, String> forNewImage(ImageJob job) {
        Map<String, String> tags = new LinkedHashMap<>(job.tags());
        tags.put(SOURCE_IMAGE, job.image());
        tags.put(RUN_DATE, job.runDate());
        tags.put(EXECUTION, NOT_TAG_TEXT.matcher(job.executionName()).replaceAll("-"));
        return tags;
    }

    /** True when the tags show the image was made by this pipeline from the same source on the same run date. */
    public static boolean madeFor(Map<String, String> tags, ImageJob job) {
        return job.image().equals(tags.get(SOURCE_IMAGE)) && job.runDate().equals(tags.get(RUN_DATE));
    }
}
