package com.eucimageupdater.config;

import com.eucimageupdater.lambda.JsonValues;
import com.eucimageupdater.model.Approval;
import com.eucimageupdater.model.MemberAccess;
import com.eucimageupdater.plan.DeploymentSettings;
import com.eucimageupdater.plan.ImageRequests;
import com.eucimageupdater.plan.KnownKeys;
import com.eucimageupdater.plan.OrganizationSettings;
import com.eucimageupdater.plan.ParsedImages;
import com.eucimageupdater.plan.RolloutDefaults;
import com.eucimageupdater.plan.RunLimits;
import com.eucimageupdater.plan.WorkRegions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The deploy-time settings, read from CDK context (cdk.json or {@code cdk synth -c key=value}) and validated
 * before any resource is defined; the local runner reads cdk.json with the same rules. Every problem names its
 * context key and rule, and all are reported at once.
 *
 * @param images the images a run takes when its input names none: JSON objects as maps
 * @param notificationEmails the addresses subscribed to the run's mails
 * @param logLevel the functions' application log level
 * @param approvalEndpointConcurrency the approval endpoint's reserved concurrency; empty: none
 */
public record UpdaterConfig(
        List<Object> images,
        Schedule schedule,
        Pace pace,
        RolloutDefaults rollout,
        Organization organization,
        List<String> notificationEmails,
        String logLevel,
        OptionalInt approvalEndpointConcurrency) {

    public static final String IMAGES = "images";
    public static final String APPROVAL = "approval";
    public static final String APPROVAL_TIMEOUT_HOURS = "approvalTimeoutHours";
    public static final String KEEP_IMAGES = "keepImages";
    public static final String PROMOTE_AFTER_HOURS = "promoteAfterHours";
    public static final String DISABLE_AFTER_FAILURES = "disableAfterFailures";
    public static final String VALIDATION_TIMEOUT_MINUTES = "validationTimeoutMinutes";
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
    public static final String DEFAULT_MEMBER_ROLE_NAME = MemberAccess.DEFAULT_ROLE_NAME;
    /** Lambda's application log levels, least to most severe; the functions log each step at INFO. */
    static final List<String> LOG_LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");

    /** Every key of ours this reads (scheduleExpression, refused with its own reason, aside). */
    public static final KnownKeys KEYS = KnownKeys.contextKeys(List.of(IMAGES, DAYS_AFTER_PATCH_TUESDAY, SCHEDULE_HOUR,
            SCHEDULE_TIME_ZONE, SCHEDULE_ENABLED, NOTIFICATION_EMAILS, POLL_INTERVAL_MINUTES, MAX_WAIT_HOURS, MAX_CONCURRENCY,
            MAX_CONCURRENCY_OVERALL, EXPECTED_BUILD_MINUTES, APPROVAL, APPROVAL_TIMEOUT_HOURS, KEEP_IMAGES, PROMOTE_AFTER_HOURS,
            DISABLE_AFTER_FAILURES, VALIDATION_TIMEOUT_MINUTES, LOG_LEVEL, TARGETS,
            MEMBER_ROLE_NAME, MEMBER_EXTERNAL_ID, ORGANIZATION_ID, UPDATER_ACCOUNT, APPROVAL_ENDPOINT_CONCURRENCY, ADDITIONAL_REGIONS));
    /** A key of letters, digits and underscores only: the shape of ours, never of CDK's (see refuseUnknownKeys). */
    private static final Pattern PLAIN_WORD = Pattern.compile("^\\w+$");

    /** The keys whose values decide whether the configured images fit in one execution. */
    static final String RUN_LIMIT_KEYS = String.join(", ", IMAGES, MAX_CONCURRENCY, POLL_INTERVAL_MINUTES, MAX_WAIT_HOURS,
            APPROVAL_TIMEOUT_HOURS, PROMOTE_AFTER_HOURS);

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public UpdaterConfig {
        notificationEmails = List.copyOf(notificationEmails);
    }

    /**
     * @param context every context key the app sees, with its value: JSON types (from cdk.json) or strings (from
     *                {@code -c key=value} on the command line)
     * @throws InvalidConfigurationException listing every problem found
     */
    public static UpdaterConfig fromContext(Map<String, ?> context) {
        ContextReader reader = new ContextReader(context);
        refuseUnknownKeys(context.keySet(), reader);
        List<Object> images = images(reader);
        Schedule schedule = Schedule.read(reader);
        List<String> notificationEmails = emails(reader);
        Pace pace = Pace.read(reader);
        RolloutDefaults rollout = rollout(reader);
        String logLevel = logLevel(reader);
        Organization organization = Organization.read(reader);
        OptionalInt approvalEndpointConcurrency = reader.reservedConcurrency(APPROVAL_ENDPOINT_CONCURRENCY, NO_RESERVATION,
                DEFAULT_APPROVAL_ENDPOINT_CONCURRENCY, MAX_APPROVAL_ENDPOINT_CONCURRENCY);
        UpdaterConfig config = new UpdaterConfig(images, schedule, pace, rollout, organization, notificationEmails, logLevel,
                approvalEndpointConcurrency);
        config.requireMemberTrust(reader);
        Schedule.refuseScheduleExpression(reader);
        config.requireFitsOneExecution(reader);
        if (!reader.valid()) {
            throw new InvalidConfigurationException(reader.problems());
        }
        return config;
    }

    /** The settings of a cdk.json file's "context" object, as the CDK app reads them there. */
    public static UpdaterConfig fromCdkJson(Path cdkJson) throws IOException {
        return fromContext(cdkJsonContext(cdkJson));
    }

    /** The "context" object of a cdk.json file: configuration and CDK's feature flags; empty when it has none. */
    public static Map<String, Object> cdkJsonContext(Path cdkJson) throws IOException {
        Map<String, Object> context = JsonValues.object(JsonValues.field(JsonValues.parse(Files.readString(cdkJson)), "context"));
        return context == null ? Map.of() : context;
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
    private static void refuseUnknownKeys(Set<String> given, ContextReader reader) {
        List<String> ours = given.stream().filter(key -> !key.equals(SCHEDULE_EXPRESSION))
                .filter(key -> PLAIN_WORD.matcher(key).matches() || KEYS.spellsOneOf(key)).sorted().toList();
        reader.addAll(KEYS.problems(ours, ""));
    }

    private static List<Object> images(ContextReader reader) {
        Object images = reader.json(IMAGES);
        if (images == null) {
            return List.of();
        }
        ParsedImages parsed = ImageRequests.parse(images, IMAGES);
        reader.addAll(parsed.problems());
        return JsonValues.list(images);
    }

    private static List<String> emails(ContextReader reader) {
        Object given = reader.json(NOTIFICATION_EMAILS);
        if (given == null) {
            return List.of();
        }
        if (!(given instanceof List<?> node)) {
            reader.add(NOTIFICATION_EMAILS + ": must be a list of e-mail addresses, e.g. [\"euc-admins@example.com\"]");
            return List.of();
        }
        Set<String> emails = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String at = NOTIFICATION_EMAILS + "[" + i + "]";
            Object email = node.get(i);
            if (!(email instanceof String address) || !EMAIL.matcher(address).matches()) {
                reader.add(at + ": must be an e-mail address like name@example.com, got " + JsonValues.shown(email));
            } else if (!emails.add(address)) {
                reader.add(at + ": " + JsonValues.shown(email) + " is listed twice; each address is subscribed once");
            }
        }
        return List.copyOf(emails);
    }

    private static RolloutDefaults rollout(ContextReader reader) {
        String approval = reader.string(APPROVAL, RolloutDefaults.DEFAULTS.approval().toString());
        if (Approval.of(approval).isEmpty()) {
            reader.add(APPROVAL + ": must be " + Approval.choices() + ", got \"" + approval + "\"");
        }
        return new RolloutDefaults(Approval.of(approval).orElse(RolloutDefaults.DEFAULTS.approval()),
                reader.integer(APPROVAL_TIMEOUT_HOURS, RolloutDefaults.DEFAULTS.approvalTimeoutHours(), 1,
                        RolloutDefaults.MAX_APPROVAL_TIMEOUT_HOURS),
                reader.integer(KEEP_IMAGES, RolloutDefaults.DEFAULTS.keepImages(), 0, ImageRequests.MAX_KEEP),
                reader.integer(PROMOTE_AFTER_HOURS, RolloutDefaults.DEFAULTS.promoteAfterHours(), 1,
                        RolloutDefaults.MAX_APPROVAL_TIMEOUT_HOURS),
                reader.integer(DISABLE_AFTER_FAILURES, RolloutDefaults.DEFAULTS.disableAfterFailures(), 0,
                        RolloutDefaults.MAX_DISABLE_AFTER_FAILURES),
                reader.integer(VALIDATION_TIMEOUT_MINUTES, RolloutDefaults.DEFAULT_VALIDATION_TIMEOUT_MINUTES, 1,
                        RolloutDefaults.MAX_VALIDATION_TIMEOUT_MINUTES));
    }

    private static String logLevel(ContextReader reader) {
        String level = reader.string(LOG_LEVEL, "INFO");
        if (!LOG_LEVELS.contains(level)) {
            reader.add(LOG_LEVEL + ": must be one of " + String.join(", ", LOG_LEVELS) + " (the functions' application"
                    + " log level), got \"" + level + "\"");
            return "INFO";
        }
        return level;
    }

    private void requireMemberTrust(ContextReader reader) {
        try {
            memberTrust();
        } catch (InvalidConfigurationException e) {
            reader.addAll(e.problems());
        }
    }

    /**
     * The configured images must fit in one execution: its history-event limit and its timeout, as the Plan
     * step judges a run. Only checked on otherwise valid settings, whose numbers are in range.
     */
    private void requireFitsOneExecution(ContextReader reader) {
        if (reader.valid()) {
            DeploymentSettings settings = deploymentSettings();
            reader.addAll(RunLimits.problems(RUN_LIMIT_KEYS, configuredImageCount(), settings.maxConcurrency(),
                    settings.pollIntervalSeconds(), settings.maxWaitMinutes(),
                    settings.rollout().waitHours(settings.rollout().approval())));
            reader.addAll(RunLimits.gateProblems(String.join(", ", POLL_INTERVAL_MINUTES, MAX_WAIT_HOURS, VALIDATION_TIMEOUT_MINUTES),
                    settings.pollIntervalSeconds(), settings.maxWaitMinutes(), settings.rollout().validationTimeoutMinutes()));
        }
    }

    public int configuredImageCount() {
        return images.size();
    }

    /** Why no approval mail would reach anyone, when approvals are asked and nobody is configured to get it. */
    public Optional<String> approvalWithoutRecipients() {
        if (!rollout.approval().asksFirst() || !notificationEmails.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("\"" + APPROVAL + "\" is \"" + rollout.approval() + "\" but \"" + NOTIFICATION_EMAILS + "\" lists no"
                + " address, so no approval mail reaches anyone unless the topic is subscribed to another way, and production waits for"
                + " an answer that does not come. List the approvers under \"" + NOTIFICATION_EMAILS + "\" in cdk.json (each confirms"
                + " the subscription mail), or set \"" + APPROVAL + "\": \"" + Approval.NONE + "\" to roll out right after staging.");
    }

    /** The configured images as compact JSON text, the shape the Plan function expects. */
    public String imagesJson() {
        return JsonValues.shown(images);
    }

    /** The settings as the state machine definition takes them, in the workflow's units (seconds, minutes). */
    public DeploymentSettings deploymentSettings() {
        return DeploymentSettings.fromConfiguration(imagesJson(), pace.pollIntervalMinutes(), pace.maxWaitHours(), pace.maxConcurrency(),
                schedule.timeZone(), schedule.daysAfterPatchTuesday(), rollout);
    }

    /** The organization's settings as the state machine definition takes them, in the shared form the local runner uses too. */
    public OrganizationSettings organizationSettings() {
        return new OrganizationSettings(organization.targetsJson(), pace.maxConcurrencyOverall(), pace.expectedBuildMinutes(),
                workRegions());
    }

    /** The definition's substitutions for the settings, sorted for stable synths. */
    public Map<String, String> substitutions() {
        Map<String, String> substitutions = new TreeMap<>(deploymentSettings().substitutions());
        substitutions.putAll(organizationSettings().substitutions());
        return substitutions;
    }

    /** What the member stack is built from; empty (no member stack) unless updaterAccount is set. */
    public Optional<MemberTrust> memberTrust() {
        return organization.updaterAccount().map(account -> new MemberTrust(account, organization.memberRole(), workRegions()));
    }

    /**
     * The Regions, besides the deployment's own, where runs act on images, fleets and bundles, and so those that
     * IAM names in their ARNs: the targets' Regions, the configured images' region and copyToRegions, and
     * additionalRegions (for runs started by hand that name others). Sorted, for stable synths.
     */
    public List<String> workRegions() {
        return WorkRegions.of(organization.targetRegions(), images, organization.additionalRegions());
    }
}
