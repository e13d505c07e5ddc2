package com.eucimageupdater.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The count of a lineage's failed scheduled months, as its source image's tag keeps it. */
class FailureStreakTest {

    private static FailureStreak tagged(String value) {
        return FailureStreak.of(Map.of(PipelineTags.FAILED_MONTHS, value));
    }

    @Test
    void aFailureTheMonthAfterTheLastOneAddsAMonth() {
        assertEquals(new FailureStreak(3, YearMonth.of(2026, 12)), tagged("2/2026-11").failedOn("2026-12-09"));
    }

    @Test
    void aSecondScheduledFailureInTheSameMonthCountsOnce() {
        assertEquals(tagged("2/2026-11"), tagged("2/2026-11").failedOn("2026-11-30"));
    }

    @Test
    void aMonthWithoutAFailureBetweenStartsANewStreak() {
        assertEquals(new FailureStreak(1, YearMonth.of(2027, 1)), tagged("2/2026-11").failedOn("2027-01-13"));
    }

    @Test
    void aFirstFailureAcrossTheYearsEndIsCountedAfterDecember() {
        assertEquals(new FailureStreak(4, YearMonth.of(2027, 1)), tagged("3/2026-12").failedOn("2027-01-13"));
    }

    @Test
    void noTagAResetOrAValueThePipelineDidNotWriteIsNoStreak() {
        assertEquals(FailureStreak.NONE, FailureStreak.of(Map.of()));
        assertEquals(FailureStreak.NONE, tagged("0"));
        assertEquals(FailureStreak.NONE, tagged("three"));
        assertEquals(new FailureStreak(1, YearMonth.of(2026, 11)), FailureStreak.NONE.failedOn("2026-11-11"));
    }

    @Test
    void theScheduleSkipsAtTheLimitAndZeroNeverSkips() {
        assertFalse(tagged("2/2026-11").skips(3));
        assertTrue(tagged("3/2026-11").skips(3));
        assertFalse(tagged("12/2026-11").skips(0));
    }

    @Test
    void theTagValueReadsBackAsTheSameStreak() {
        FailureStreak streak = new FailureStreak(2, YearMonth.of(2026, 11));
        assertEquals("2/2026-11", streak.tagValue());
        assertEquals(streak, tagged(streak.tagValue()));
        assertEquals("0", FailureStreak.NONE.tagValue());
    }
}
