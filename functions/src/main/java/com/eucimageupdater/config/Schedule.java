package com.eucimageupdater.config;

import static com.eucimageupdater.config.UpdaterConfig.DAYS_AFTER_PATCH_TUESDAY;
import static com.eucimageupdater.config.UpdaterConfig.SCHEDULE_ENABLED;
import static com.eucimageupdater.config.UpdaterConfig.SCHEDULE_EXPRESSION;
import static com.eucimageupdater.config.UpdaterConfig.SCHEDULE_HOUR;
import static com.eucimageupdater.config.UpdaterConfig.SCHEDULE_TIME_ZONE;

import com.eucimageupdater.plan.DeploymentSettings;
import com.eucimageupdater.plan.MonthlySchedule;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * When the monthly run starts: cdk.json's {@code daysAfterPatchTuesday}, {@code scheduleHour}, {@code scheduleTimeZone}
 * and {@code scheduleEnabled}.
 *
 * @param daysAfterPatchTuesday the run day (see {@link MonthlySchedule})
 * @param hour the hour of the run day the run starts at, in {@code timeZone}
 * @param timeZone an IANA time zone name, in which the run date is reckoned
 */
public record Schedule(int daysAfterPatchTuesday, int hour, String timeZone, boolean enabled) {
    /**
     * IANA Area/Location names (Europe/Berlin, America/Argentina/Buenos_Aires, Etc/GMT+5). Java also knows ids
     * EventBridge Scheduler has no use for, such as SystemV/EST5 or bare abbreviations, which this leaves out.
     */
    private static final Pattern IANA_AREA_LOCATION = Pattern.compile(
            "^(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)/[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)?$");

    static Schedule read(ContextReader reader) {
        return new Schedule(
                reader.integer(DAYS_AFTER_PATCH_TUESDAY, MonthlySchedule.DEFAULT_DAYS_AFTER_PATCH_TUESDAY, 0,
                        MonthlySchedule.MAX_DAYS_AFTER),
                reader.integer(SCHEDULE_HOUR, MonthlySchedule.DEFAULT_HOUR, 0, 23),
                timeZone(reader),
                reader.bool(SCHEDULE_ENABLED, true));
    }

    private static String timeZone(ContextReader reader) {
        String zone = reader.string(SCHEDULE_TIME_ZONE, DeploymentSettings.DEFAULT_TIME_ZONE);
        // ZoneId.of also takes offsets such as "+02:00", and the available ids include Java-only ones such as
        // SystemV/EST5: EventBridge Scheduler takes neither. The Plan step reckons the run date in this zone.
        boolean ianaName = zone.equals("UTC") || IANA_AREA_LOCATION.matcher(zone).matches();
        if (!ianaName || !ZoneId.getAvailableZoneIds().contains(zone)) {
            reader.add(SCHEDULE_TIME_ZONE + ": must be an IANA time zone name, \"UTC\" or Area/Location such as"
                    + " \"Europe/Berlin\", got \"" + zone + "\"");
        }
        return zone;
    }

    /** The key this replaces is refused, so that an old cdk.json does not silently change days. */
    static void refuseScheduleExpression(ContextReader reader) {
        if (reader.value(SCHEDULE_EXPRESSION) != null) {
            reader.add(SCHEDULE_EXPRESSION + ": is no longer read (a cron cannot say \"the day after Patch Tuesday\"): remove"
                    + " it and set " + DAYS_AFTER_PATCH_TUESDAY + " (0-" + MonthlySchedule.MAX_DAYS_AFTER + ", default "
                    + MonthlySchedule.DEFAULT_DAYS_AFTER_PATCH_TUESDAY + ") and " + SCHEDULE_HOUR + " (0-23, default "
                    + MonthlySchedule.DEFAULT_HOUR + ") instead");
        }
    }

    /** The EventBridge Scheduler expression: every day of the week in which the run day falls (see MonthlySchedule). */
    public String expression() {
        return new MonthlySchedule(daysAfterPatchTuesday).cronExpression(hour);
    }
}
