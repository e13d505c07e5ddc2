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

    /** Whether this very execution made the image: a create whose answer was lost, not another run's image. */
    public static boolean startedByThisRun(Map<String, String> tags, ImageJob job) {
        return forNewImage(job).get(EXECUTION).equals(tags.get(EXECUTION));
    }

    /**
     * Whether an image found under today's name may be adopted instead of creating another: only when this
     * pipeline made it from the same source on the same run date, and it has not failed.
     *
     * @param image how the image is named in messages, e.g. {@code AppStream image "Base-2026-11-10"}
     * @throws ImageUpdateException saying why not and what to do
     */
    public static void requireAdoptable(String image, Map<String, String> tags, ImageStatus status, ImageJob job) {
        String source = tags.get(SOURCE_IMAGE);
        if (source == null || !job.runDate().equals(tags.get(RUN_DATE))) {
            throw new ImageUpdateException(image + " already exists but was not made by euc-image-updater from " + job.image()
                    + " on " + job.runDate() + " (rename or delete it, then run again)");
        }
        if (!source.equals(job.image())) {
            throw new ImageUpdateException(image + " was made today by euc-image-updater from " + source + ", not from "
                    + job.image() + ": both sources lead to the same new name (rename one of them)");
        }
        if (status.state() == ImageState.FAILED) {
            throw new ImageUpdateException(image + " from an earlier run today failed (" + status.reason()
                    + "); delete it and run again");
        }
    }
}
