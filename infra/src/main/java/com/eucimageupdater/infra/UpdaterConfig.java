package com.eucimageupdater.infra;

import com.eucimageupdater.images.Approval;
import com.eucimageupdater.images.ImageRequests;
import com.eucimageupdater.images.KnownKeys;
import com.eucimageupdater.images.ParsedImages;
import com.eucimageupdater.plan.DeploymentSettings;
import com.eucimageupdater.plan.MonthlySchedule;
import com.eucimageupdater.plan.OrganizationSettings;
import com.eucimageupdater.plan.RolloutDefaults;
import com.eucimageupdater.plan.RunLimits;
import com.eucimageupdater.plan.WorkRegions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The deploy-time settings, read from CDK context (cdk.json or {@code cdk synth -c key=value}) and validated
 * before any resource is defined. Every problem names its context key and rule, and all are reported at once.
 *
 * @param maxConcurrency images built at once in each account and Region
 * @param maxConcurrencyOverall images built at once across all accounts and Regions of a run
 * @param expectedBuildMinutes when the first poll comes for an image whose lineage has no recorded build time
 * @param targets the accounts and Regions a run updates; empty: the deployment's own account and Region
 * @param updaterAccount the main stack's account: when set, the app also synthesizes the member stack
 * @param approvalEndpointConcurrency the approval endpoint's reserved concurrency; empty: none
 * @param additionalRegions Regions a run started by hand may name beyond those of {@link #workRegions()} otherwise
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
        String logLevel,
        List<Target> targets,
        MemberRole memberRole,
        Optional<String> updaterAccount,
        int maxConcurrencyOverall,
        int expectedBuildMinutes,
        OptionalInt approvalEndpointConcurrency,
        List<String> additionalRegions) {

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
    public static final String TARGETS = "targets";
    public static final String MEMBER_ROLE_NAME = "memberRoleName";
    public static final String MEMBER_EXTERNAL_ID = "memberExternalId";
    public static final String ORGANIZATION_ID = "organizationId";
    /** Read by the member stack only: the account whose function roles the member role trusts. */
    public static final String UPDATER_ACCOUNT = "updaterAccount";
    public static final String MAX_CONCURRENCY_OVERALL = "maxConcurrencyOverall";
    public static final String EXPECTED_BUILD_MINUTES = "expectedBuildMinutes";
    public static final String APPROVAL_ENDPOINT_CONCURRENCY = "approvalEndpointConcurrency";
    public static final String ADDITIONAL_REGIONS = "additionalRegions";
    /** Enough for a few approvers and the mail scanners that fetch their links, and small enough for most accounts. */
    public static final int DEFAULT_APPROVAL_ENDPOINT_CONCURRENCY = 5;
    static final int MAX_APPROVAL_ENDPOINT_CONCURRENCY = 100;
    /** approvalEndpointConcurrency's value for no reservation. */
    public static final String NO_RESERVATION = "none";
    public static final String DEFAULT_MEMBER_ROLE_NAME = "EucImageUpdaterMember";
    /** Images built at once in one account and Region. */
    static final int MAX_MAX_CONCURRENCY = 40;
    public static final int MAX_MAX_CONCURRENCY_OVERALL = 1000;
    /** Lambda's application log levels, least to most severe; the functions log each step at INFO. */
    static final List<String> LOG_LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");

    /** Every key of ours this reads (scheduleExpression, refused with its own reason, aside). */
    static final KnownKeys KEYS = KnownKeys.contextKeys(List.of(IMAGES, DAYS_AFTER_PATCH_TUESDAY, SCHEDULE_HOUR, SCHEDULE_TIME_ZONE,
            SCHEDULE_ENABLED, NOTIFICATION_EMAILS, POLL_INTERVAL_MINUTES, MAX_WAIT_HOURS, MAX_CONCURRENCY, MAX_CONCURRENCY_OVERALL,
            EXPECTED_BUILD_MINUTES, APPROVAL, APPROVAL_TIMEOUT_HOURS, KEEP_IMAGES, LOG_LEVEL, TARGETS, MEMBER_ROLE_NAME,
            MEMBER_EXTERNAL_ID, ORGANIZATION_ID, UPDATER_ACCOUNT, APPROVAL_ENDPOINT_CONCURRENCY, ADDITIONAL_REGIONS));
    /** A key of letters, digits and underscores only: the shape of ours, never of CDK's (see Reader.refuseUnknownKeys). */
    private static final Pattern PLAIN_WORD = Pattern.compile("^\\w+$");

    /** The keys whose values decide whether the configured images fit in one execution. */
    static final String RUN_LIMIT_KEYS = String.join(", ", IMAGES, MAX_CONCURRENCY, POLL_INTERVAL_MINUTES, MAX_WAIT_HOURS,
            APPROVAL_TIMEOUT_HOURS);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACCOUNT = Pattern.compile("^\\d{12}$");
    private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-[a-z]+)+-\\d$");
    /** IAM's role name rule. */
    private static final Pattern ROLE_NAME = Pattern.compile("^[\\w+=,.@-]{1,64}$");
    /** STS's ExternalId rule (2-1224 characters). */
    private static final Pattern EXTERNAL_ID = Pattern.compile("^[\\w+=,.@:/-]{2,1224}$");
    private static final Pattern ORGANIZATION = Pattern.compile("^o-[a-z0-9]{10,32}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    /**
     * IANA Area/Location names (Europe/Berlin, America/Argentina/Buenos_Aires, Etc/GMT+5). Java also knows ids
     * EventBridge Scheduler has no use for, such as SystemV/EST5 or bare abbreviations, which this leaves out.
     */
    private static final Pattern IANA_AREA_LOCATION = Pattern.compile(
            "^(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)/[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)?$");

    public UpdaterConfig {
        notificationEmails = List.copyOf(notificationEmails);
        targets = List.copyOf(targets);
        additionalRegions = List.copyOf(additionalRegions);
    }

    /** An account the run updates images in, and the Regions it looks in there. */
    public record Target(String account, List<String> regions) {
        public Target {
            regions = List.copyOf(regions);
        }
    }

    /**
     * How the image steps reach a member account: the role they assume there, with the external id they present;
     * with an organization, the role must belong to it.
     */
    public record MemberRole(String roleName, Optional<String> externalId, Optional<String> organizationId) {}

    /**
     * What the member stack needs: the updater's account, and an external id or an organization, so that the member
     * role is never open to the updater account's roles on their path alone; and the Regions its role may act in
     * ({@link UpdaterConfig#workRegions()}: the updater's own Region is not known where a member stack is synthesized).
     */
    public record MemberTrust(String updaterAccount, MemberRole access, List<String> regions) {
        public MemberTrust {
            Objects.requireNonNull(updaterAccount, UPDATER_ACCOUNT);
            regions = List.copyOf(regions);
            List<String> problems = new ArrayList<>();
            if (access.externalId().isEmpty() && access.organizationId().isEmpty()) {
                problems.add(MEMBER_EXTERNAL_ID + " or " + ORGANIZATION_ID + ": the member stack"
                        + " (synthesized because " + UPDATER_ACCOUNT + " is set) needs at least one: the member role trusts the"
                        + " updater's roles only with the external id they present or within the organization");
            }
            if (regions.isEmpty()) {
                problems.add(TARGETS + " or " + ADDITIONAL_REGIONS + ": the member stack (synthesized because " + UPDATER_ACCOUNT
                        + " is set) allows its role the Regions of " + TARGETS + ", of the configured " + IMAGES + " (region,"
                        + " copyToRegions) and of " + ADDITIONAL_REGIONS + ", and none lists one: list the Regions the updater"
                        + " works in in member accounts");
            }
            if (!problems.isEmpty()) {
                throw new InvalidConfigurationException(problems);
            }
        }
    }

    /**
     * @param context every context key the app sees, with its value: JSON types (from cdk.json) or strings (from
     *                {@code -c key=value} on the command line)
     * @throws InvalidConfigurationException listing every problem found
     */
    public static UpdaterConfig fromContext(Map<String, ?> context) {
        Reader reader = new Reader(context::get);
        reader.refuseUnknownKeys(context.keySet());
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
                reader.integer(MAX_CONCURRENCY, DeploymentSettings.DEFAULT_MAX_CONCURRENCY, 1, MAX_MAX_CONCURRENCY),
                new RolloutDefaults(reader.approval(),
                        reader.integer(APPROVAL_TIMEOUT_HOURS, RolloutDefaults.DEFAULTS.approvalTimeoutHours(), 1,
                                RolloutDefaults.MAX_APPROVAL_TIMEOUT_HOURS),
                        reader.integer(KEEP_IMAGES, RolloutDefaults.DEFAULTS.keepImages(), 0, ImageRequests.MAX_KEEP)),
                reader.logLevel(),
                reader.targets(),
                new MemberRole(reader.matching(MEMBER_ROLE_NAME, ROLE_NAME, "an IAM role name: 1-64 letters, digits and _+=,.@-")
                                .orElse(DEFAULT_MEMBER_ROLE_NAME),
                        reader.matching(MEMBER_EXTERNAL_ID, EXTERNAL_ID, "2-1224 letters, digits and _+=,.@:/-"),
                        reader.matching(ORGANIZATION_ID, ORGANIZATION, "an organization id: o- and 10-32 lower-case letters or digits")),
                reader.matching(UPDATER_ACCOUNT, ACCOUNT, "a 12-digit AWS account id, as a string"),
                reader.integer(MAX_CONCURRENCY_OVERALL, OrganizationSettings.DEFAULT_MAX_CONCURRENCY_OVERALL, 1, MAX_MAX_CONCURRENCY_OVERALL),
                reader.integer(EXPECTED_BUILD_MINUTES, RunLimits.DEFAULT_EXPECTED_BUILD_MINUTES, 5, 1440),
                reader.reservedConcurrency(APPROVAL_ENDPOINT_CONCURRENCY, DEFAULT_APPROVAL_ENDPOINT_CONCURRENCY,
                        MAX_APPROVAL_ENDPOINT_CONCURRENCY),
                reader.additionalRegions());
        reader.requireOverallAtLeastPerRegion(config);
        reader.requireMemberTrust(config);
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

    /** The organization's settings as the state machine definition takes them, in the shared form the local runner uses too. */
    public OrganizationSettings organizationSettings() {
        return new OrganizationSettings(targetsJson(), maxConcurrencyOverall, expectedBuildMinutes, workRegions());
    }

    /** The definition's substitutions for the settings, sorted for stable synths. */
    public Map<String, String> substitutions() {
        Map<String, String> substitutions = new TreeMap<>(deploymentSettings().substitutions());
        substitutions.putAll(organizationSettings().substitutions());
        return substitutions;
    }

    /** The targets as compact JSON text: {@code [{"account": "...", "regions": ["..."]}]}. */
    public String targetsJson() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        targets.forEach(target -> {
            ObjectNode entry = list.addObject().put("account", target.account());
            target.regions().forEach(entry.putArray("regions")::add);
        });
        return list.toString();
    }

    /** What the member stack is built from; empty (no member stack) unless updaterAccount is set. */
    public Optional<MemberTrust> memberTrust() {
        return updaterAccount.map(account -> new MemberTrust(account, memberRole, workRegions()));
    }

    /**
     * The Regions, besides the deployment's own, where runs act on images, fleets and bundles, and so those that
     * IAM names in their ARNs: the targets' Regions, the configured images' region and copyToRegions, and
     * additionalRegions (for runs started by hand that name others). Sorted, for stable synths.
     */
    public List<String> workRegions() {
        return WorkRegions.of(targets.stream().flatMap(target -> target.regions().stream()).toList(), images, additionalRegions);
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

        /**
         * A key of ours that this does not read is a typo or a setting that does nothing: refused, with the nearest key.
         * The app's context also holds CDK's keys (cdk.json's feature flags, cdk.context.json's cached lookups, and
         * what the CLI adds), and they are all namespaced or hyphenated: "@aws-cdk/aws-s3:...",
         * "@aws-cdk-containers/...", "aws:cdk:enable-path-metadata", "aws:cdk:bundling-stacks",
         * "availability-zones:account=...:region=...", "acknowledged-issue-numbers", "cli-telemetry". Ours are single
         * camelCase words. So a key of letters, digits and underscores only is ours, and so is one that spells one of
         * ours with other case or punctuation ("max-concurrency"); any other key is CDK's and passes.
         */
        void refuseUnknownKeys(Set<String> given) {
            List<String> ours = given.stream().filter(key -> !key.equals(SCHEDULE_EXPRESSION))
                    .filter(key -> PLAIN_WORD.matcher(key).matches() || KEYS.spellsOneOf(key)).sorted().toList();
            problems.addAll(KEYS.problems(ours, ""));
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

        /** Only judged on numbers in range, which are reported on their own otherwise. */
        void requireOverallAtLeastPerRegion(UpdaterConfig config) {
            boolean inRange = config.maxConcurrency() >= 1 && config.maxConcurrency() <= MAX_MAX_CONCURRENCY
                    && config.maxConcurrencyOverall() >= 1 && config.maxConcurrencyOverall() <= MAX_MAX_CONCURRENCY_OVERALL;
            if (inRange && config.maxConcurrencyOverall() < config.maxConcurrency()) {
                problems.add(MAX_CONCURRENCY_OVERALL + ": must be at least " + MAX_CONCURRENCY + " (" + config.maxConcurrency()
                        + ", images built at once in each account and Region), got " + config.maxConcurrencyOverall());
            }
        }

        void requireMemberTrust(UpdaterConfig config) {
            try {
                config.memberTrust();
            } catch (InvalidConfigurationException e) {
                problems.addAll(e.problems());
            }
        }

        /** cdk.json's targets; empty means the deployment's own account and Region only. */
        List<Target> targets() {
            JsonNode node = json(TARGETS);
            if (node == null) {
                return List.of();
            }
            String shape = TARGETS + ": must be a list of {\"account\": \"123456789012\", \"regions\": [\"us-east-1\"]}";
            if (!node.isArray()) {
                problems.add(shape + ", got " + node);
                return List.of();
            }
            List<Target> targets = new ArrayList<>();
            Set<String> accounts = new LinkedHashSet<>();
            for (int i = 0; i < node.size(); i++) {
                String at = TARGETS + "[" + i + "]";
                JsonNode entry = node.get(i);
                if (!entry.isObject()) {
                    problems.add(at + ": must be an object {\"account\": \"123456789012\", \"regions\": [\"us-east-1\"]}, got " + entry);
                    continue;
                }
                JsonNode account = entry.path("account");
                if (!account.isTextual() || !ACCOUNT.matcher(account.asText()).matches()) {
                    problems.add(at + ".account: must be a 12-digit AWS account id, as a string, got " + shown(account));
                } else if (!accounts.add(account.asText())) {
                    problems.add(at + ".account: " + account + " is listed twice; list all of an account's Regions in one entry");
                }
                targets.add(new Target(account.asText(), regions(at + ".regions", entry.path("regions"))));
            }
            return targets;
        }

        private List<String> regions(String at, JsonNode node) {
            if (!node.isArray() || node.isEmpty()) {
                problems.add(at + ": must be a non-empty list of Region names such as \"us-east-1\", got " + shown(node));
                return List.of();
            }
            Set<String> regions = new LinkedHashSet<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode region = node.get(i);
                if (!region.isTextual() || !REGION.matcher(region.asText()).matches()) {
                    problems.add(at + "[" + i + "]: must be a Region name such as \"eu-west-1\", got " + region);
                } else if (!regions.add(region.asText())) {
                    problems.add(at + "[" + i + "]: " + region + " is listed twice");
                }
            }
            return List.copyOf(regions);
        }

        private static String shown(JsonNode node) {
            return node.isMissingNode() ? "nothing" : node.toString();
        }

        /**
         * A Lambda reserved concurrency from 1 to max, or {@value #NO_RESERVATION}. Lambda's 0 would stop the function,
         * so it is refused rather than read as "none".
         */
        OptionalInt reservedConcurrency(String key, int defaultValue, int max) {
            Object value = context.apply(key);
            if (value == null) {
                return OptionalInt.of(defaultValue);
            }
            if (value instanceof String text && text.strip().equals(NO_RESERVATION)) {
                return OptionalInt.empty();
            }
            OptionalInt size = wholeNumber(value);
            if (size.isEmpty() || size.getAsInt() < 1 || size.getAsInt() > max) {
                problems.add(key + ": must be a whole number from 1 to " + max + ", or \"" + NO_RESERVATION + "\" for no"
                        + " reservation, got " + value + (size.equals(OptionalInt.of(0))
                                ? " (a reserved concurrency of 0 stops the function: every request would be throttled)" : ""));
                return OptionalInt.empty();
            }
            return size;
        }

        /** Regions listed so that runs started by hand may name them; none by default. */
        List<String> additionalRegions() {
            JsonNode node = json(ADDITIONAL_REGIONS);
            return node == null || node.isArray() && node.isEmpty() ? List.of() : regions(ADDITIONAL_REGIONS, node);
        }

        /** An optional text setting; blank (cdk.json's "") means unset. */
        Optional<String> matching(String key, Pattern pattern, String rule) {
            Object value = context.apply(key);
            if (value == null || value instanceof String text && text.isBlank()) {
                return Optional.empty();
            }
            if (!(value instanceof String text) || !pattern.matcher(text.strip()).matches()) {
                problems.add(key + ": must be " + rule + ", got " + (value instanceof String ? "\"" + value + "\"" : value));
                return Optional.empty();
            }
            return Optional.of(text.strip());
        }

        Approval approval() {
            String approval = string(APPROVAL, RolloutDefaults.DEFAULTS.approval().toString());
            if (Approval.of(approval).isEmpty()) {
                problems.add(APPROVAL + ": must be \"" + Approval.REQUIRED + "\" (production waits for an approve link) or \""
                        + Approval.NONE + "\" (production right after staging), got \"" + approval + "\"");
            }
            return Approval.of(approval).orElse(RolloutDefaults.DEFAULTS.approval());
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
            OptionalInt number = wholeNumber(value);
            if (number.isEmpty() || number.getAsInt() < min || number.getAsInt() > max) {
                problems.add(key + ": must be a whole number from " + min + " to " + max + ", got " + value);
            }
            return number.orElse(defaultValue);
        }

        /** cdk.json numbers may arrive as doubles (5.0); -c values arrive as text. Empty when not a whole number. */
        private static OptionalInt wholeNumber(Object value) {
            String text = value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                    ? Long.toString(number.longValue())
                    : value.toString().strip();
            try {
                return OptionalInt.of(Integer.parseInt(text));
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
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
