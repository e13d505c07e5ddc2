package com.eucimageupdater.rebuild;

import com.eucimageupdater.model.RebuildSettings;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A weekly maintenance window in the schedule's time zone: it opens on each of its days at its local start time and lasts its
 * hours (past midnight too: SAT 22:00 for 6 h ends SUN 04:00). A start that falls in a daylight-saving gap opens when the clock
 * jumps; the length is real time.
 */
final class MaintenanceWindow {
    /** A window opens at most once a day, so a week and a day before and after cover every opening that matters. */
    private static final int DAYS_AROUND = 8;

    private final Set<DayOfWeek> days;
    private final LocalTime start;
    private final Duration length;
    private final ZoneId zone;

    MaintenanceWindow(RebuildSettings.Window window, ZoneId zone) {
        this.days = window.days().stream().map(MaintenanceWindow::day).collect(Collectors.toUnmodifiableSet());
        this.start = LocalTime.parse(window.start());
        this.length = Duration.ofHours(window.hours());
        this.zone = zone;
    }

    /** The end of the opening {@code now} is in; empty outside the window. */
    Optional<Instant> endOfOpeningAt(Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        for (int back = 0; back <= 1; back++) {
            Optional<Instant> opened = openingOn(today.minusDays(back));
            if (opened.isPresent() && !opened.get().isAfter(now) && opened.get().plus(length).isAfter(now)) {
                return Optional.of(opened.get().plus(length));
            }
        }
        return Optional.empty();
    }

    /** Whether a wave may start now: inside the window, with at least {@code wave} of it left. */
    boolean fits(Instant now, Duration wave) {
        return endOfOpeningAt(now).filter(end -> !now.plus(wave).isAfter(end)).isPresent();
    }

    /** The first opening after {@code now}. */
    Instant nextOpeningAfter(Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        for (int ahead = 0; ahead <= DAYS_AROUND; ahead++) {
            Optional<Instant> opening = openingOn(today.plusDays(ahead)).filter(opened -> opened.isAfter(now));
            if (opening.isPresent()) {
                return opening.get();
            }
        }
        throw new IllegalStateException("a weekly window with days " + days + " opens within " + DAYS_AROUND + " days");
    }

    private Optional<Instant> openingOn(LocalDate date) {
        return days.contains(date.getDayOfWeek()) ? Optional.of(date.atTime(start).atZone(zone).toInstant()) : Optional.empty();
    }

    private static DayOfWeek day(String abbreviation) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(abbreviation)) {
                return day;
            }
        }
        throw new IllegalArgumentException("window.days: " + abbreviation + " is not one of MON TUE WED THU FRI SAT SUN");
    }
}
