package com.eucimageupdater.plan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;

/**
 * When the monthly run happens: a set number of days after Patch Tuesday (the second Tuesday of the month), at a
 * set hour. A cron cannot say "second Tuesday plus N days" (day-of-month and day-of-week cannot be combined, and
 * {@code WED#2} is six days early in a month that starts on a Wednesday), so the schedule fires every day of the
 * seven-day window in which that day always falls, and the plan step lets only the run day through.
 *
 * @param daysAfterPatchTuesday 0 (Patch Tuesday itself) to {@value #MAX_DAYS_AFTER}
 */
public record MonthlySchedule(int daysAfterPatchTuesday) {
    public static final int DEFAULT_DAYS_AFTER_PATCH_TUESDAY = 1;
    public static final int DEFAULT_HOUR = 6;
    /** The window's last day is then the 28th, so it never runs past the end of any month. */
    public static final int MAX_DAYS_AFTER = 14;
    /** The second Tuesday is the 8th at the earliest and the 14th at the latest. */
    private static final int EARLIEST_PATCH_TUESDAY = 8;
    private static final int LATEST_PATCH_TUESDAY = 14;

    public MonthlySchedule {
        if (daysAfterPatchTuesday < 0 || daysAfterPatchTuesday > MAX_DAYS_AFTER) {
            throw new IllegalArgumentException("daysAfterPatchTuesday: must be a whole number from 0 to " + MAX_DAYS_AFTER
                    + ", got " + daysAfterPatchTuesday);
        }
    }

    public static LocalDate patchTuesday(YearMonth month) {
        return month.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.TUESDAY));
    }

    public LocalDate runDay(YearMonth month) {
        return patchTuesday(month).plusDays(daysAfterPatchTuesday);
    }

    public boolean isRunDay(LocalDate date) {
        return date.equals(runDay(YearMonth.from(date)));
    }

    /** EventBridge Scheduler's cron: every day of the window at {@code hour} (0-23), in the schedule's time zone. */
    public String cronExpression(int hour) {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("scheduleHour: must be a whole number from 0 to 23, got " + hour);
        }
        return "cron(0 " + hour + " " + (EARLIEST_PATCH_TUESDAY + daysAfterPatchTuesday) + "-"
                + (LATEST_PATCH_TUESDAY + daysAfterPatchTuesday) + " * ? *)";
    }

    /** Why a scheduled start on {@code date} does nothing, for the execution's output. */
    public String notTheRunDay(LocalDate date) {
        YearMonth month = YearMonth.from(date);
        return "scheduled start on " + date + " skipped: this month's run is on " + runDay(month) + ", " + daysAfterPatchTuesday
                + " day(s) after Patch Tuesday (" + patchTuesday(month) + ")";
    }
}
