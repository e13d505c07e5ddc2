package com.eucimageupdater.infra;

import com.eucimageupdater.images.ImageRequests;
import com.eucimageupdater.images.ParsedImages;
import com.eucimageupdater.plan.DeploymentSettings;
import com.eucimageupdater.plan.MonthlySchedule;
import com.eucimageupdater.plan.RolloutDefaults;
import com.eucimageupdater.plan.RunLimits;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The deploy-time settings, read from CDK context (cdk.json or {@code cdk synth -c key=value}) and validated
 * before any resource is defined. Every problem names its context key and rule, and all are reported at once.
 */
public record UpdaterConfig(
        JsonNode images,
        int daysAfterPatchTuesday,
        int scheduleHour,
        String scheduleTimeZone,
        boolean scheduleEnabled,
        List<String> notificationEmails,
        int pollIntervalMinutes,
        int maxWaitHours,
        int maxConcurrency,
        RolloutDefaults rollout,
        String logLevel) {

    public static final String IMAGES = "images";
    public static final String APPROVAL = "approval";
    public static final String APPROVAL_TIMEOUT_HOURS = "approvalTimeoutHours";
    public static final String KEEP_IMAGES = "keepImages";
    public static final String DAYS_AFTER_PATCH_TUESDAY = "daysAfterPatchTuesday";
    public static final String SCHEDULE_HOUR = "scheduleHour";
    /** Replaced by daysAfterPatchTuesday and scheduleHour: refused, so an old cdk.json does not silently change days. */
    static final String SCHEDULE_EXPRESSION = "scheduleExpression";
    public static final String SCHEDULE_TIME_ZONE = "scheduleTimeZone";
    public static final String SCHEDULE_ENABLED = "scheduleEnabled";
    public static final String NOTIFICATION_EMAILS = "notificationEmails";
    public static final String POLL_INTERVAL_MINUTES = "pollIntervalMinutes";
    public static final String MAX_WAIT_HOURS = "maxWaitHours";
    public static final String MAX_CONCURRENCY = "maxConcurrency";
    public static final String LOG_LEVEL = "logLevel";
    /** Lambda's application log levels, least to most severe; the functions log each step at INFO. */
    static final List<String> LOG_LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");

    /** The keys whose values decide whether the configured images fit in one execution. */
    static final String RUN_LIMIT_KEYS = String.join(", ", IMAGES, MAX_CONCURRENCY, POLL_INTERVAL_MINUTES, MAX_WAIT_HOURS,
            APPROVAL_TIMEOUT_HOURS);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    /**
     * IANA Area/Location names (Europe/Berlin, America/Argentina/Buenos_Aires, Etc/GMT+5). Java also knows ids
     * EventBridge Scheduler has no use for, such as SystemV/EST5 or bare abbreviations, which this leaves out.
     */
    private static final Pattern IANA_AREA_LOCATION = Pattern.compile(
            "^(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)/[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)?$");

    public UpdaterConfig {
        notificationEmails = List.copyOf(notificationEmails);
    }

    /**
     * @param context looks up a context key; returns null when the key is unset. Values may be JSON types
     *                (from cdk.json) or strings (from {@code -c key=value} on the command line).
     * @throws InvalidConfigurationException listing every problem found
     */
    public static UpdaterConfig fromContext(Function<String, Object> context) {
        Reader reader = new Reader(context);
        UpdaterConfig config = new UpdaterConfig(
                reader.images(),
                reader.integer(DAYS_AFTER_PATCH_TUESDAY, MonthlySchedule.DEFAULT_DAYS_AFTER_PATCH_TUESDAY, 0,
                        MonthlySchedule.MAX_DAYS_AFTER),
                reader.integer(SCHEDULE_HOUR, MonthlySchedule.DEFAULT_HOUR, 0, 23),
                reader.timeZone(),
                reader.bool(SCHEDULE_ENABLED, true),
                reader.emails(),
                reader.integer(POLL_INTERVAL_MINUTES, DeploymentSettings.DEFAULT_POLL_INTERVAL_MINUTES, 1, 60),
                reader.integer(MAX_WAIT_HOURS, DeploymentSettings.DEFAULT_MAX_WAIT_HOURS, 1, 48),
                reader.integer(MAX_CONCURRENCY, DeploymentSettings.DEFAULT_MAX_CONCURRENCY, 1, 40),
                new RolloutDefaults(reader.approval(),
                        reader.integer(APPROVAL_TIMEOUT_HOURS, RolloutDefaults.DEFAULTS.approvalTimeoutHours(), 1,
                                RolloutDefaults.MAX_APPROVAL_TIMEOUT_HOURS),
                        reader.integer(KEEP_IMAGES, RolloutDefaults.DEFAULTS.keepImages(), 0, ImageRequests.MAX_KEEP)),
                reader.logLevel());
        reader.refuseScheduleExpression();
        reader.requireFitsOneExecution(config);
        if (!reader.problems.isEmpty()) {
            throw new InvalidConfigurationException(reader.problems);
        }
        return config;
    }

    public int configuredImageCount() {
        return images.size();
    }

    /** The settings as the state machine definition takes them, in the workflow's units (seconds, minutes). */
    public DeploymentSettings deploymentSettings() {
        return DeploymentSettings.fromConfiguration(imagesJson(), pollIntervalMinutes, maxWaitHours, maxConcurrency, scheduleTimeZone,
                daysAfterPatchTuesday, rollout);
    }

    /** The EventBridge Scheduler expression: every day of the week in which the run day falls (see MonthlySchedule). */
    public String scheduleExpression() {
        return new MonthlySchedule(daysAfterPatchTuesday).cronExpression(scheduleHour);
    }

    /** The configured images as compact JSON text, the shape the Plan function expects. */
    public String imagesJson() {
        return images.toString();
    }

    /** Thrown at synth when the context holds invalid settings. */
    public static final class InvalidConfigurationException extends IllegalArgumentException {
        private final List<String> problems;

        InvalidConfigurationException(List<String> problems) {
            super("Invalid CDK context (cdk.json \"context\" or -c key=value):\n  - " + String.join("\n  - ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** Reads one key at a time, recording problems instead of stopping at the first. */
    private static final class Reader {
        private final Function<String, Object> context;
        private final List<String> problems = new ArrayList<>();

        Reader(Function<String, Object> context) {
            this.context = context;
        }

        JsonNode images() {
            JsonNode images = json(IMAGES);
            if (images == null) {
                return JsonNodeFactory.instance.arrayNode();
            }
            ParsedImages parsed = ImageRequests.parse(images, IMAGES);
            problems.addAll(parsed.problems());
            return images;
        }

        /**
         * The configured images must fit in one execution: its history-event limit and its timeout, as the Plan
         * step judges a run. Only checked on otherwise valid settings, whose numbers are in range.
         */
        void requireFitsOneExecution(UpdaterConfig config) {
            if (problems.isEmpty()) {
                DeploymentSettings settings = config.deploymentSettings();
                problems.addAll(RunLimits.problems(RUN_LIMIT_KEYS, config.configuredImageCount(), settings.maxConcurrency(),
                        settings.pollIntervalSeconds(), settings.maxWaitMinutes(), settings.rollout().approvalTimeoutHours()));
            }
        }

        String approval() {
            String approval = string(APPROVAL, RolloutDefaults.DEFAULTS.approval());
            if (!approval.equals(RolloutDefaults.REQUIRED) && !approval.equals(RolloutDefaults.NONE)) {
                problems.add(APPROVAL + ": must be \"" + RolloutDefaults.REQUIRED + "\" (production waits for an approve link) or \""
                        + RolloutDefaults.NONE + "\" (production right after staging), got \"" + approval + "\"");
            }
            return approval;
        }

        void refuseScheduleExpression() {
            if (context.apply(SCHEDULE_EXPRESSION) != null) {
                problems.add(SCHEDULE_EXPRESSION + ": is no longer read (a cron cannot say \"the day after Patch Tuesday\"): remove"
                        + " it and set " + DAYS_AFTER_PATCH_TUESDAY + " (0-" + MonthlySchedule.MAX_DAYS_AFTER + ", default "
                        + MonthlySchedule.DEFAULT_DAYS_AFTER_PATCH_TUESDAY + ") and " + SCHEDULE_HOUR + " (0-23, default "
                        + MonthlySchedule.DEFAULT_HOUR + ") instead");
            }
        }

        String timeZone() {
            String zone = string(SCHEDULE_TIME_ZONE, DeploymentSettings.DEFAULT_TIME_ZONE);
            // ZoneId.of also takes offsets such as "+02:00", and the available ids include Java-only ones such as
            // SystemV/EST5: EventBridge Scheduler takes neither. The Plan step reckons the run date in this zone.
            boolean ianaName = zone.equals("UTC") || IANA_AREA_LOCATION.matcher(zone).matches();
            if (!ianaName || !ZoneId.getAvailableZoneIds().contains(zone)) {
                problems.add(SCHEDULE_TIME_ZONE + ": must be an IANA time zone name, \"UTC\" or Area/Location such as"
                        + " \"Europe/Berlin\", got \"" + zone + "\"");
            }
            return zone;
        }

        String logLevel() {
            String level = string(LOG_LEVEL, "INFO");
            if (!LOG_LEVELS.contains(level)) {
                problems.add(LOG_LEVEL + ": must be one of " + String.join(", ", LOG_LEVELS) + " (the functions' application"
                        + " log level), got \"" + level + "\"");
                return "INFO";
            }
            return level;
        }

        List<String> emails() {
            JsonNode node = json(NOTIFICATION_EMAILS);
            if (node == null) {
                return List.of();
            }
            if (!node.isArray()) {
                problems.add(NOTIFICATION_EMAILS + ": must be a list of e-mail addresses, e.g. [\"euc-admins@example.com\"]");
                return List.of();
            }
            Set<String> emails = new LinkedHashSet<>();
            for (int i = 0; i < node.size(); i++) {
                String at = NOTIFICATION_EMAILS + "[" + i + "]";
                JsonNode email = node.get(i);
                if (!email.isTextual() || !EMAIL.matcher(email.asText()).matches()) {
                    problems.add(at + ": must be an e-mail address like name@example.com, got " + email);
                } else if (!emails.add(email.asText())) {
                    problems.add(at + ": " + email + " is listed twice; each address is subscribed once");
                }
            }
            return List.copyOf(emails);
        }

        int integer(String key, int defaultValue, int min, int max) {
            Object value = context.apply(key);
            if (value == null) {
                return defaultValue;
            }
            // cdk.json numbers may arrive as doubles (5.0); -c values arrive as text.
            String text = value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                    ? Long.toString(number.longValue())
                    : value.toString().strip();
            String rule = key + ": must be a whole number from " + min + " to " + max + ", got " + value;
            try {
                int number = Integer.parseInt(text);
                if (number < min || number > max) {
                    problems.add(rule);
                }
                return number;
            } catch (NumberFormatException e) {
                problems.add(rule);
                return defaultValue;
            }
        }

        boolean bool(String key, boolean defaultValue) {
            Object value = context.apply(key);
            if (value == null) {
                return defaultValue;
            }
            String text = value.toString().strip();
            if (!text.equals("true") && !text.equals("false")) {
                problems.add(key + ": must be true or false, got " + text);
                return defaultValue;
            }
            return Boolean.parseBoolean(text);
        }

        private String string(String key, String defaultValue) {
            Object value = context.apply(key);
            if (value == null) {
                return defaultValue;
            }
            if (!(value instanceof String text)) {
                problems.add(key + ": must be a string, got " + value);
                return defaultValue;
            }
            return text.strip();
        }

        /** cdk.json gives JSON values; {@code -c key='[...]'} gives the same value as a JSON string. */
        private JsonNode json(String key) {
            Object value = context.apply(key);
            if (value == null) {
                return null;
            }
            if (value instanceof String text) {
                try {
                    return JSON.readTree(text);
                } catch (JsonProcessingException e) {
                    problems.add(key + ": must be a JSON list, got unparseable text " + text);
                    return null;
                }
            }
            return JSON.valueToTree(value);
        }
    }
}
