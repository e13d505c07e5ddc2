package com.eucimageupdater.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.config.UpdaterConfig;
import com.eucimageupdater.plan.PlanRequest;
import com.eucimageupdater.plan.RunPlan;
import com.eucimageupdater.plan.RunPlanner;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.assertions.Template;

/**
 * The deployed schedule end to end: the cron and time zone from the template fire on their days, each start carries
 * the schedule's input with its scheduled time, and the plan step (as the state machine calls it) decides.
 */
class PatchTuesdayScheduleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WINDOW_CRON = Pattern.compile("^cron\\(0 (\\d{1,2}) (\\d{1,2})-(\\d{1,2}) \\* \\? \\*\\)$");

    @ParameterizedTest(name = "{0} day(s) after Patch Tuesday at {1}:00 {2}")
    @CsvSource({"1, 6, UTC", "0, 23, America/Los_Angeles", "3, 0, Australia/Sydney", "14, 12, Europe/Berlin"})
    @DisplayName("from 2026 through 2035 the deployed schedule starts exactly one run a month, on its day after Patch Tuesday")
    void oneRunEveryMonthOnTheConfiguredDayAfterPatchTuesday(int daysAfter, int hour, String timeZone) throws Exception {
        Map<String, Object> context = new LinkedHashMap<>(TestStack.cdkJsonContext());
        context.put(UpdaterConfig.IMAGES, TestStack.IMAGES);
        context.put(UpdaterConfig.DAYS_AFTER_PATCH_TUESDAY, daysAfter);
        context.put(UpdaterConfig.SCHEDULE_HOUR, hour);
        context.put(UpdaterConfig.SCHEDULE_TIME_ZONE, timeZone);
        Template template = TestStack.of(context).template;
        Map<String, Object> schedule = onlyProperties(template, "AWS::Scheduler::Schedule");
        Matcher cron = WINDOW_CRON.matcher((String) schedule.get("ScheduleExpression"));
        assertTrue(cron.matches(), () -> "a daily cron over a window of days: " + schedule.get("ScheduleExpression"));
        ZoneId zone = ZoneId.of((String) schedule.get("ScheduleExpressionTimezone"));
        String input = (String) ((Map<?, ?>) schedule.get("Target")).get("Input");
        String definitionDays = (String) ((Map<?, ?>) onlyProperties(template, "AWS::StepFunctions::StateMachine")
                .get("DefinitionSubstitutions")).get("DaysAfterPatchTuesday");

        int months = 0;
        for (int year = 2026; year <= 2035; year++) {
            for (int month = 1; month <= 12; month++) {
                List<LocalDate> runs = new ArrayList<>();
                for (int day = Integer.parseInt(cron.group(2)); day <= Integer.parseInt(cron.group(3)); day++) {
                    Instant fired = LocalDate.of(year, month, day).atTime(Integer.parseInt(cron.group(1)), 0).atZone(zone).toInstant();
                    RunPlan plan = planScheduledStart(input.replace("<aws.scheduler.scheduled-time>", fired.toString()), fired,
                            timeZone, definitionDays);
                    assertEquals(List.of(), plan.problems());
                    if (!plan.skipped()) {
                        runs.add(LocalDate.parse(plan.runDate()));
                    }
                }
                LocalDate patchTuesday = secondTuesday(year, month);
                assertEquals(List.of(patchTuesday.plusDays(daysAfter)), runs, "runs in " + year + "-" + month);
                assertTrue(!runs.get(0).isBefore(patchTuesday));
                months++;
            }
        }
        assertEquals(120, months);
    }

    private static RunPlan planScheduledStart(String input, Instant fired, String timeZone, String daysAfter) throws Exception {
        return new RunPlanner().plan(new PlanRequest(JSON.readValue(input, Object.class), "scheduled",
                "arn:aws:states:us-east-1:123456789012:execution:euc-image-updater:scheduled", fired.toString(),
                JSON.writeValueAsString(TestStack.IMAGES), "900", "480", "5", timeZone, daysAfter, "required", "72", "0", "[]", "50",
                "90", JSON.writeValueAsString(TestStack.WORK_REGIONS), null, null, null));
    }

    /** Counted by hand, not with the code under test: the first Tuesday, plus a week. */
    private static LocalDate secondTuesday(int year, int month) {
        LocalDate day = LocalDate.of(year, month, 1);
        while (day.getDayOfWeek() != DayOfWeek.TUESDAY) {
            day = day.plusDays(1);
        }
        return day.plusWeeks(1);
    }

    private static Map<String, Object> onlyProperties(Template template, String type) {
        Map<String, Map<String, Object>> resources = template.findResources(type);
        assertEquals(1, resources.size(), type);
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) resources.values().iterator().next().get("Properties");
        return properties;
    }
}
