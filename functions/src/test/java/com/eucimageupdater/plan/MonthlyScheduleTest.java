package com.eucimageupdater.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MonthlyScheduleTest {

    @ParameterizedTest
    @CsvSource({"2026-04, 2026-04-14", "2026-07, 2026-07-14", "2026-11, 2026-11-10", "2027-02, 2027-02-09", "2030-10, 2030-10-08"})
    void patchTuesdayIsTheSecondTuesday(String month, String expected) {
        assertEquals(LocalDate.parse(expected), MonthlySchedule.patchTuesday(YearMonth.parse(month)));
    }

    @Test
    void theCronCoversEveryDayOnWhichTheRunDayCanFall() {
        assertEquals("cron(0 6 9-15 * ? *)", new MonthlySchedule(1).cronExpression(6));
        assertEquals("cron(0 23 8-14 * ? *)", new MonthlySchedule(0).cronExpression(23));
        assertEquals("cron(0 0 22-28 * ? *)", new MonthlySchedule(14).cronExpression(0));
    }

    @Test
    void outOfRangeSettingsNameTheirKeyAndRule() {
        assertEquals("daysAfterPatchTuesday: must be a whole number from 0 to 14, got 15",
                assertThrows(IllegalArgumentException.class, () -> new MonthlySchedule(15)).getMessage());
        assertEquals("scheduleHour: must be a whole number from 0 to 23, got 24",
                assertThrows(IllegalArgumentException.class, () -> new MonthlySchedule(1).cronExpression(24)).getMessage());
    }
}
