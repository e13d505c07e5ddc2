package com.eucimageupdater.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names and descriptions of updated images: deterministic per source and run date, and always within the
 * API's pattern and length, whatever the source is called.
 */
public final class ImageNames {
    /** A date suffix left by an earlier run, replaced rather than stacked ("base-2026-10-14" -> "base"). */
    private static final Pattern DATE_SUFFIXES = Pattern.compile("(?:[-_.]?\\d{4}-\\d{2}-\\d{2})+$");
    /** Dates at the end of free text, with the brackets and separators around them: " (2026-10-14)", "-2026-10-14". */
    private static final Pattern TRAILING_DATES = Pattern.compile("(?:[\\s_.-]*[(\\[]?\\d{4}-\\d{2}-\\d{2}[)\\]]?)+\\s*$");
    private static final String DATE_SEPARATOR = "-";
    private static final String TOOL = "euc-image-updater";

    private ImageNames() {}

    public static String newImageName(Service service, String sourceName, String runDate) {
        return service.rules().newImageName(sourceName, runDate);
    }

    /** An updated image of this run date that is still being built: the pipeline names them {@code <base>-<run date>}. */
    public static boolean isBuildingForRun(String imageName, String runDate, ImageState state) {
        return state == ImageState.PENDING && imageName != null && imageName.endsWith(DATE_SEPARATOR + runDate);
    }

    public static String defaultDescription(String source, String runDate) {
        return "Updated from " + source + " on " + runDate + " by " + TOOL;
    }

    public static String defaultDisplayName(String sourceDisplayName, String runDate) {
        return dated(TRAILING_DATES.matcher(sourceDisplayName.strip()).replaceAll(""), runDate, AppStreamRules.DISPLAY_NAME_MAX);
    }

    /**
     * A display name or description the admin gave: a date an earlier run left at its end ("Finance (2026-10-14)") is
     * replaced by the run date, not stacked; text without a date is kept as it is.
     */
    public static String withRunDate(String text, String runDate, int maxLength) {
        Matcher trailingDates = TRAILING_DATES.matcher(text);
        return trailingDates.find() ? dated(text.substring(0, trailingDates.start()), runDate, maxLength) : text;
    }

    private static String dated(String base, String runDate, int maxLength) {
        String suffix = " (" + runDate + ")";
        return truncate(base.strip(), maxLength - suffix.length()) + suffix;
    }

    static String baseOf(String sourceName) {
        return DATE_SUFFIXES.matcher(sourceName.strip()).replaceAll("");
    }

    static String join(String base, String runDate, int maxLength) {
        String suffix = DATE_SEPARATOR + runDate;
        return truncate(base, maxLength - suffix.length()) + suffix;
    }

    private static String truncate(String text, int maxLength) {
        return text.length() <= maxLength ? text : text.substring(0, maxLength);
    }
}
