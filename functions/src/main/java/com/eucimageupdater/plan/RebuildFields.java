package com.eucimageupdater.plan;

import static com.eucimageupdater.model.RebuildSettings.DEFAULT_CANARY;
import static com.eucimageupdater.model.RebuildSettings.DEFAULT_MAX_FAILURES;
import static com.eucimageupdater.model.RebuildSettings.DEFAULT_WAVE_TIMEOUT_MINUTES;
import static com.eucimageupdater.model.RebuildSettings.MAX_BATCH_SIZE;
import static com.eucimageupdater.model.RebuildSettings.MAX_CANARY;
import static com.eucimageupdater.model.RebuildSettings.MAX_FAILURES;
import static com.eucimageupdater.model.RebuildSettings.MAX_WAVE_TIMEOUT_MINUTES;
import static com.eucimageupdater.model.RebuildSettings.MAX_WINDOW_HOURS;
import static com.eucimageupdater.model.RebuildSettings.MIN_WAVE_TIMEOUT_MINUTES;

import com.eucimageupdater.lambda.JsonValues;
import com.eucimageupdater.model.RebuildSettings;
import com.eucimageupdater.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * An item's {@code rebuild}: how the WorkSpaces of its production bundles are rebuilt onto the new image after the roll-out,
 * in waves inside a weekly maintenance window. WORKSPACES items with production bundles only.
 */
final class RebuildFields {
    static final String REBUILD = "rebuild";
    static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
    private static final KnownKeys KEYS = KnownKeys.fields(List.of("canary", "batchSize", "maxFailures", "waveTimeoutMinutes", "window"));
    private static final KnownKeys WINDOW_KEYS = KnownKeys.fields(List.of("days", "start", "hours"));
    private static final Pattern START = Pattern.compile("^([01][0-9]|2[0-3]):[0-5][0-9]$");

    private RebuildFields() {}

    /** The item's rebuild settings, or null when it asks for none (or they break a rule, each then a problem). */
    static RebuildSettings parse(Map<String, Object> item, Service service, List<String> productionBundles, Problems problems) {
        Object given = item.get(REBUILD);
        if (given == null) {
            return null;
        }
        Map<String, Object> node = JsonValues.object(given);
        Problems rebuild = problems.at(REBUILD);
        if (service != Service.WORKSPACES) {
            rebuild.add("rebuild is for WorkSpaces bundles; AppStream fleets replace instances as sessions end");
            return null;
        }
        if (node == null) {
            rebuild.add("must be an object such as {\"batchSize\": 25, \"window\": {\"days\": [\"SAT\"], \"start\": \"22:00\","
                    + " \"hours\": 6}}");
            return null;
        }
        if (productionBundles.isEmpty()) {
            rebuild.add("needs bundles (or \"bundle\"): the WorkSpaces rebuilt are those of the production bundles, after"
                    + " the roll-out");
        }
        KEYS.refuseUnknown(node.keySet(), rebuild);
        int canary = number(node.get("canary"), DEFAULT_CANARY, 0, MAX_CANARY,
                "WorkSpaces in the first wave, whose single failure stops the rest; 0 for none", rebuild.at("canary"));
        int batchSize = node.get("batchSize") != null ? number(node.get("batchSize"), 0, 1, MAX_BATCH_SIZE,
                "WorkSpaces rebuilt in each wave after the canary", rebuild.at("batchSize")) : required(rebuild.at("batchSize"),
                "a whole number from 1 to " + MAX_BATCH_SIZE + " (WorkSpaces rebuilt in each wave after the canary)");
        int maxFailures = number(node.get("maxFailures"), DEFAULT_MAX_FAILURES, 0, MAX_FAILURES,
                "failed rebuilds tolerated; one more stops the rest", rebuild.at("maxFailures"));
        int waveTimeout = number(node.get("waveTimeoutMinutes"), DEFAULT_WAVE_TIMEOUT_MINUTES, MIN_WAVE_TIMEOUT_MINUTES,
                MAX_WAVE_TIMEOUT_MINUTES, "how long a wave's rebuilds are followed before those not AVAILABLE count as failed",
                rebuild.at("waveTimeoutMinutes"));
        RebuildSettings.Window window = window(node.get("window"), waveTimeout, rebuild.at("window"));
        return rebuild.isEmpty() ? new RebuildSettings(canary, batchSize, maxFailures, waveTimeout, window) : null;
    }

    private static RebuildSettings.Window window(Object given, int waveTimeoutMinutes, Problems window) {
        Map<String, Object> node = JsonValues.object(given);
        if (given == null) {
            window.add("is required: when waves may start, e.g. {\"days\": [\"SAT\", \"SUN\"], \"start\": \"22:00\", \"hours\": 6}"
                    + " (in the schedule's time zone)");
            return null;
        }
        if (node == null) {
            window.add("must be an object such as {\"days\": [\"SAT\", \"SUN\"], \"start\": \"22:00\", \"hours\": 6}");
            return null;
        }
        WINDOW_KEYS.refuseUnknown(node.keySet(), window);
        List<String> days = days(node.get("days"), window.at("days"));
        String start = null;
        Object startGiven = node.get("start");
        if (!(startGiven instanceof String text) || !START.matcher(text).matches()) {
            window.at("start").add("must be a local time \"HH:MM\" (24 h, e.g. \"22:00\"), got "
                    + (startGiven == null ? "nothing" : JsonValues.shown(startGiven)));
        } else {
            start = text;
        }
        int hours = node.get("hours") != null ? number(node.get("hours"), 0, 1, MAX_WINDOW_HOURS, "the window's length",
                window.at("hours")) : required(window.at("hours"), "a whole number of hours from 1 to " + MAX_WINDOW_HOURS);
        if (hours > 0 && hours * 60 < waveTimeoutMinutes) {
            window.at("hours").add(hours + " h is shorter than waveTimeoutMinutes (" + waveTimeoutMinutes + "): a wave must fit in the"
                    + " window");
        }
        return window.isEmpty() ? new RebuildSettings.Window(days, start, hours) : null;
    }

    private static List<String> days(Object node, Problems days) {
        List<String> given = new ArrayList<>();
        List<Object> listed = JsonValues.list(node);
        if (listed.isEmpty()) {
            days.add("must be a non-empty list of days, e.g. [\"SAT\", \"SUN\"], each one of " + String.join(" ", DAYS));
            return given;
        }
        for (int i = 0; i < listed.size(); i++) {
            Object day = listed.get(i);
            if (!(day instanceof String name) || !DAYS.contains(name)) {
                days.index(i).add("must be one of " + String.join(" ", DAYS) + ", got " + JsonValues.shown(day));
            } else if (given.contains(name)) {
                days.index(i).add("\"" + name + "\" is listed twice");
            } else {
                given.add(name);
            }
        }
        return given;
    }

    private static int number(Object node, int fallback, int min, int max, String meaning, Problems field) {
        if (node == null) {
            return fallback;
        }
        OptionalInt number = JsonValues.wholeNumber(node);
        if (number.isEmpty() || number.getAsInt() < min || number.getAsInt() > max) {
            field.add("must be a whole number from " + min + " to " + max + " (" + meaning + "), got " + JsonValues.shown(node));
            return fallback;
        }
        return number.getAsInt();
    }

    private static int required(Problems field, String rule) {
        field.add("is required: " + rule);
        return 0;
    }
}
