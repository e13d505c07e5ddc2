package com.eucimageupdater.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the WorkSpaces of an item's production bundles are rebuilt onto the new image once it is rolled out (opt-in: an item
 * without {@code rebuild} rebuilds nothing): in waves, inside a weekly maintenance window of the schedule's time zone.
 *
 * @param canary the first wave's size, whose single failure stops the rest; 0 for no canary wave
 * @param batchSize every later wave's size
 * @param maxFailures failed rebuilds tolerated after the canary wave; one more stops the rest
 * @param waveTimeoutMinutes how long a wave's rebuilds are followed; those not back AVAILABLE by then count as failed
 * @param window when waves may start
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RebuildSettings(int canary, int batchSize, int maxFailures, int waveTimeoutMinutes, Window window) {
    public static final int DEFAULT_CANARY = 1;
    public static final int DEFAULT_MAX_FAILURES = 0;
    public static final int DEFAULT_WAVE_TIMEOUT_MINUTES = 120;
    public static final int MAX_CANARY = 50;
    public static final int MAX_BATCH_SIZE = 500;
    public static final int MAX_FAILURES = 100;
    public static final int MIN_WAVE_TIMEOUT_MINUTES = 30;
    public static final int MAX_WAVE_TIMEOUT_MINUTES = 720;
    public static final int MAX_WINDOW_HOURS = 24;

    /** A production bundle's settings, as the deployment's configured images give them: what a rollback's rebuild follows. */
    public record ForBundle(String bundle, RebuildSettings settings) {

        /** Each bundle's settings (a bundle that two items name keeps the first one's); none for null. */
        public static Map<String, RebuildSettings> byBundle(List<ForBundle> configured) {
            return configured == null ? Map.of() : configured.stream()
                    .collect(Collectors.toMap(ForBundle::bundle, ForBundle::settings, (first, second) -> first));
        }
    }

    /**
     * A weekly maintenance window: on each of {@code days}, from {@code start} (local time, "HH:MM") for {@code hours}.
     *
     * @param days MON, TUE, WED, THU, FRI, SAT or SUN
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Window(List<String> days, String start, int hours) {
        public Window {
            days = days == null ? List.of() : List.copyOf(days);
        }
    }
}
