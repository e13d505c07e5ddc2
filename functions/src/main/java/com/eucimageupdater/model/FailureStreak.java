package com.eucimageupdater.model;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many calendar months in a row the scheduled builds of a lineage failed, as its source image's
 * {@value PipelineTags#FAILED_MONTHS} tag records it: {@code <months>/<last failed month>}, e.g. {@code 2/2026-11}, or
 * {@code 0} once a build succeeded.
 *
 * @param last the month of the last failure; null when none is recorded
 */
public record FailureStreak(int months, YearMonth last) {
    public static final FailureStreak NONE = new FailureStreak(0, null);
    private static final Pattern VALUE = Pattern.compile("(\\d{1,3})/(\\d{4}-\\d{2})");

    /** The streak the tags record; none when they record none, or something this pipeline did not write. */
    public static FailureStreak of(Map<String, String> tags) {
        Matcher value = VALUE.matcher(tags.getOrDefault(PipelineTags.FAILED_MONTHS, ""));
        return value.matches() ? new FailureStreak(Integer.parseInt(value.group(1)), YearMonth.parse(value.group(2))) : NONE;
    }

    /**
     * After a scheduled build in the month of {@code runDate} failed: one month more when the last failure was the month
     * before, the same when it was this month (a second scheduled run of the month counts once), else a new streak of one.
     */
    public FailureStreak failedOn(String runDate) {
        YearMonth month = YearMonth.from(LocalDate.parse(runDate));
        if (month.equals(last)) {
            return this;
        }
        return new FailureStreak(month.minusMonths(1).equals(last) ? months + 1 : 1, month);
    }

    /** Whether the schedule skips the lineage: {@code disableAfterFailures} months failed in a row (0 never skips). */
    public boolean skips(int disableAfterFailures) {
        return disableAfterFailures > 0 && months >= disableAfterFailures;
    }

    /** The tag's value. */
    public String tagValue() {
        return last == null ? "0" : months + "/" + last;
    }
}
