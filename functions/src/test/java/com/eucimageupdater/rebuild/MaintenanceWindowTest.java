package com.eucimageupdater.rebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.model.RebuildSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The maintenance window's arithmetic in the schedule's time zone. */
class MaintenanceWindowTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final MaintenanceWindow saturdayNight = new MaintenanceWindow(new RebuildSettings.Window(List.of("SAT"), "22:00", 6), PARIS);

    @Test
    void aWindowPastMidnightEndsTheNextDay() {
        assertEquals(Optional.of(Instant.parse("2026-12-13T03:00:00Z")), saturdayNight.endOfOpeningAt(Instant.parse("2026-12-13T01:00:00Z")));
        assertEquals(Optional.empty(), saturdayNight.endOfOpeningAt(Instant.parse("2026-12-13T03:00:00Z")));
    }

    @Test
    void theNextOpeningIsThisWeeksOrNextWeeks() {
        assertEquals(Instant.parse("2026-12-12T21:00:00Z"), saturdayNight.nextOpeningAfter(Instant.parse("2026-12-07T08:00:00Z")));
        assertEquals(Instant.parse("2026-12-19T21:00:00Z"), saturdayNight.nextOpeningAfter(Instant.parse("2026-12-12T21:00:00Z")));
    }

    @Test
    void aWaveFitsOnlyWithItsWholeLengthLeft() {
        assertTrue(saturdayNight.fits(Instant.parse("2026-12-13T01:00:00Z"), Duration.ofHours(2)));
        assertFalse(saturdayNight.fits(Instant.parse("2026-12-13T01:01:00Z"), Duration.ofHours(2)));
        assertFalse(saturdayNight.fits(Instant.parse("2026-12-12T20:59:00Z"), Duration.ofMinutes(30)));
    }

    @Test
    void summerTimeMovesTheOpeningInUtc() {
        assertEquals(Instant.parse("2027-07-03T20:00:00Z"), saturdayNight.nextOpeningAfter(Instant.parse("2027-07-01T00:00:00Z")));
    }

    @Test
    void anOpeningInTheSpringGapOpensWhenTheClockJumps() {
        MaintenanceWindow gap = new MaintenanceWindow(new RebuildSettings.Window(List.of("SUN"), "02:30", 2), PARIS);
        assertEquals(Instant.parse("2027-03-28T01:30:00Z"), gap.nextOpeningAfter(Instant.parse("2027-03-27T00:00:00Z")));
    }
}
