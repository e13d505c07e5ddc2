package com.eucimageupdater.plan;

import com.eucimageupdater.lambda.JsonValues;
import com.eucimageupdater.lambda.StepJson;
import com.eucimageupdater.model.Approval;
import com.eucimageupdater.model.ImageNames;
import com.eucimageupdater.model.ImageRequest;
import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.RebuildSettings;
import com.eucimageupdater.model.RunSettings;
import com.eucimageupdater.model.StagingGate;
import com.eucimageupdater.workflow.WorkflowInput;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Decides what a run does: the images from the input, or the configured ones when the input names none (the
 * schedule's {@code {}}, the console's default {@code {"Comment": ...}}), each validated and planned.
 */
public final class RunPlanner {
    private static final int MAX_PROBLEMS_REPORTED = 100;
    /** Characters of a refused input quoted in its problem. */
    private static final int MAX_SHOWN = 100;
    /** Step Functions execution names: 1-80 characters, no whitespace, brackets, wildcards or punctuation it reserves. */
    private static final Pattern EXECUTION_NAME = Pattern.compile("^[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/]{1,80}$");
    /** The fields that set what the whole run does, besides its images. */
    private static final List<String> RUN_WIDE_FIELDS = List.of("dryRun", "approval", "rollback", "promote", "report",
            "rebuild");
    /** The one report a run can write instead of updating images: where every fleet and bundle stands. */
    private static final String DRIFT = "drift";
    /** The console's default input carries a Comment, the schedule's its scheduledTime. */
    private static final List<String> ACCEPTED_EXTRAS = List.of("Comment", WorkflowInput.SCHEDULED_TIME);
    private static final KnownKeys INPUT_KEYS = KnownKeys.fields(Stream.of(List.of("images"), RUN_WIDE_FIELDS, ACCEPTED_EXTRAS)
                    .flatMap(List::stream).toList())
            .withElsewhere(ImageRequests.ITEM_FIELDS, "belongs to one image; put it in that image's item of \"images\"")
            .withElsewhere(ImageRequests.DEPLOYMENT_WIDE_FIELDS, ImageRequests.DEPLOYMENT_WIDE);
    private static final KnownKeys ITEM_KEYS = ImageRequests.ITEM_KEYS
            .withElsewhere(RUN_WIDE_FIELDS, "applies to the whole run; put it at the top level");

    public RunPlan plan(PlanRequest request) {
        Problems problems = new Problems();
        Problems input = problems.at("input");
        Problems settings = problems.at("settings");
        refuseUnknownInput(request.input(), input);
        ZoneId zone = zone(request.timeZone(), settings.at("timeZone"));
        Instant scheduledTime = scheduledTime(request.input(), input);
        // A scheduled start keeps the day it was scheduled for, even when the scheduler's retries start it late.
        LocalDate runDay = (scheduledTime != null ? scheduledTime : startTime(request.startTime())).atZone(zone).toLocalDate();
        String runDate = runDay.toString();
        if (scheduledTime != null && problems.isEmpty()) {
            MonthlySchedule schedule = new MonthlySchedule(setting(settings.at("daysAfterPatchTuesday"), request.daysAfterPatchTuesday(), 0,
                    MonthlySchedule.MAX_DAYS_AFTER));
            if (problems.isEmpty() && !schedule.isRunDay(runDay)) {
                return RunPlan.skip(request.executionName(), runDate, schedule.notTheRunDay(runDay));
            }
        }
        int pollIntervalSeconds = setting(settings.at("pollIntervalSeconds"), request.pollIntervalSeconds(), 1, 86_400);
        int maxWaitMinutes = setting(settings.at("maxWaitMinutes"), request.maxWaitMinutes(), 1, 525_600);
        int maxConcurrency = setting(settings.at("maxConcurrency"), request.maxConcurrency(), 1, 1_000);
        int maxConcurrencyOverall = request.maxConcurrencyOverall() == null ? maxConcurrency
                : setting(settings.at("maxConcurrencyOverall"), request.maxConcurrencyOverall(), 1, RunLimits.MAX_IMAGES);
        int expectedBuildMinutes = request.expectedBuildMinutes() == null ? RunLimits.DEFAULT_EXPECTED_BUILD_MINUTES
                : setting(settings.at("expectedBuildMinutes"), request.expectedBuildMinutes(), 1, 1_440);
        int approvalTimeoutHours = setting(settings.at("approvalTimeoutHours"), request.approvalTimeoutHours(), 1,
                RolloutDefaults.MAX_APPROVAL_TIMEOUT_HOURS);
        int keepImages = setting(settings.at("keepImages"), request.keepImages(), 0, ImageRequests.MAX_KEEP);
        int promoteAfterHours = request.promoteAfterHours() == null ? RolloutDefaults.DEFAULTS.promoteAfterHours()
                : setting(settings.at("promoteAfterHours"), request.promoteAfterHours(), 1, RolloutDefaults.MAX_APPROVAL_TIMEOUT_HOURS);
        int disableAfterFailures = request.disableAfterFailures() == null ? RolloutDefaults.DEFAULTS.disableAfterFailures()
                : setting(settings.at("disableAfterFailures"), request.disableAfterFailures(), 0,
                        RolloutDefaults.MAX_DISABLE_AFTER_FAILURES);
        int validationTimeoutMinutes = request.validationTimeoutMinutes() == null ? RolloutDefaults.DEFAULT_VALIDATION_TIMEOUT_MINUTES
                : setting(settings.at("validationTimeoutMinutes"), request.validationTimeoutMinutes(), 1,
                        RolloutDefaults.MAX_VALIDATION_TIMEOUT_MINUTES);
        Approval approval = approval(request.input(), request.approval(), problems);
        // One clock for the whole run: an auto approval's soak is the wait on the mail's answer, after which production goes.
        int approvalWaitHours = approval == Approval.AUTO ? promoteAfterHours : approvalTimeoutHours;
        boolean dryRun = flag(request.input(), "dryRun", input);
        String rollback = otherRun(request.input(), "rollback", "whose roll-out to reverse", "as in the roll-out mail", "", input);
        String promote = otherRun(request.input(), "promote", "whose staged images to roll out to production",
                "as in its rejected or timed-out mail", " (and \"approval\" or \"dryRun\" if wanted)", input);
        String report = report(request.input(), input);
        boolean rebuild = flag(request.input(), "rebuild", input);
        if (rebuild && rollback == null) {
            input.at("rebuild").add("rebuilds the WorkSpaces of the bundles a rollback moves back: give it with \"rollback\""
                    + " ({\"rollback\": \"<execution>\", \"rebuild\": true}); a monthly run's rebuild is set per image (images[].rebuild)");
        }
        // A promote rebuilds as the monthly run would have; a rollback only when asked.
        List<RebuildSettings.ForBundle> rebuildSettings = rebuild && rollback != null || promote != null
                ? configuredRebuilds(request, problems) : null;
        if (rollback != null && promote != null) {
            input.at("promote").add("a run either promotes an execution or rolls one back; give \"promote\" or \"rollback\", not"
                    + " both");
        }
        Location own = own(request.executionId());
        List<Location> targets = Targets.parse(request.targets(), own, settings.at("targets"));
        List<String> workRegions = WorkRegions.parse(request.workRegions(), settings.at("workRegions"));
        RunSettings.Builder run = RunSettings.builder().executionName(request.executionName()).runDate(runDate).location(own)
                .pollIntervalSeconds(pollIntervalSeconds).maxWaitMinutes(maxWaitMinutes).approval(approval)
                .approvalTimeoutSeconds(approvalWaitHours * 3600).dryRun(dryRun).expectedBuildMinutes(expectedBuildMinutes)
                .maxConcurrency(maxConcurrency).timeZone(zone.getId())
                .promoteAfterHours(approval == Approval.AUTO ? promoteAfterHours : null)
                .scheduled(scheduledTime != null).disableAfterFailures(disableAfterFailures);
        // Every account and Region the deployment works in: another execution may have worked in any of them, and a drift
        // survey reads them all.
        List<Location> everywhere = new ArrayList<>(List.of(own));
        targets.stream().filter(target -> !everywhere.contains(target)).forEach(everywhere::add);
        if (report != null && problems.isEmpty()) {
            return RunPlan.drift(run.maxPolls(1).maxWaitText(""), maxConcurrencyOverall, everywhere);
        }
        if ((rollback != null || promote != null) && problems.isEmpty()) {
            RunSettings otherRun = run.maxPolls(1).maxWaitText("").promote(promote).build();
            return rollback != null ? RunPlan.rollback(otherRun, maxConcurrencyOverall, rollback, everywhere, rebuildSettings)
                    : RunPlan.promote(otherRun, maxConcurrencyOverall, promote, everywhere, rebuildSettings);
        }
        ParsedImages images = images(request, problems);
        problems.addAll(images.problems());
        List<ImageRequest> placed = problems.isEmpty() ? Targets.place(images.requests(), targets, own) : List.of();
        if (problems.isEmpty()) {
            WorkRegions.check(images, own, workRegions, problems);
            refuseTodaysOwnImages(images, runDate, problems);
            RunLimits.check(problems.at("images"), placed, maxConcurrency, maxConcurrencyOverall, pollIntervalSeconds, maxWaitMinutes,
                    approvalWaitHours);
            int longestGate = placed.stream().filter(item -> item.gate() != null && item.gate().timeoutMinutes() > 0)
                    .mapToInt(item -> item.gate().timeoutMinutes()).max().orElse(validationTimeoutMinutes);
            problems.addAll(RunLimits.gateProblems("images", pollIntervalSeconds, maxWaitMinutes, Math.max(longestGate,
                    validationTimeoutMinutes)));
            if (placed.size() <= RunLimits.MAX_IMAGES) {
                RunLimits.checkData(problems.at("images"), placed, jsonBytes(placed));
            }
        }
        if (!problems.isEmpty()) {
            return RunPlan.rejected(request.executionName(), runDate, Math.max(1, maxConcurrencyOverall), firstProblems(problems.all()));
        }
        String maxWaitText = maxWaitMinutes % 60 == 0 ? maxWaitMinutes / 60 + " h" : maxWaitMinutes + " min";
        run.maxPolls(RunLimits.maxPolls(pollIntervalSeconds, maxWaitMinutes)).maxWaitText(maxWaitText);
        List<ImageRequest> items = placed.stream()
                .map(item -> keepImages == 0 || item.keep() != 0 ? item : item.withKeep(keepImages))
                // Only an item that stages something passes the gate; the others stay as small as they were.
                .map(item -> item.stagingTargets().isEmpty() ? item
                        : item.withGate(gate(item, validationTimeoutMinutes, pollIntervalSeconds)))
                .toList();
        return RunPlan.update(run.build(), maxConcurrencyOverall, items, everywhere);
    }

    /** The item's own validation timeout, else the deployment's, and the poll count that bounds its wait loop. */
    private static StagingGate gate(ImageRequest item, int deploymentTimeoutMinutes, int pollIntervalSeconds) {
        StagingGate requested = item.gate() != null ? item.gate() : StagingGate.requested(0, null, List.of());
        int minutes = requested.timeoutMinutes() > 0 ? requested.timeoutMinutes() : deploymentTimeoutMinutes;
        return requested.planned(minutes, RunLimits.maxPolls(pollIntervalSeconds, minutes));
    }

    /** A run does only what its input says: an input that is not an object, or holds a field it does not know, is refused. */
    private static void refuseUnknownInput(Object input, Problems given) {
        Map<String, Object> fields = JsonValues.object(input);
        if (fields == null) {
            given.add("must be a JSON object such as {\"images\": [...]}, or {} for the configured images; got " + shown(input));
        } else {
            INPUT_KEYS.refuseUnknown(fields.keySet(), given);
        }
    }

    private static String shown(Object input) {
        if (input == null) {
            return "nothing (an empty input, or null)";
        }
        if (input instanceof List) {
            return "a list (the images go in {\"images\": [...]})";
        }
        String text = JsonValues.shown(input);
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
    }

    /**
     * The input's {@code approval}, else the deployment's: production waits for an approve link, goes right after staging, or
     * after a soak unless rejected.
     */
    private static Approval approval(Object input, String configured, Problems problems) {
        Object given = JsonValues.field(input, "approval");
        Optional<Approval> approval = Approval.of(given == null ? configured : JsonValues.text(given));
        if (approval.isEmpty()) {
            problems.at(given == null ? "settings" : "input").at("approval").add("must be " + Approval.choices()
                    + ", got " + (given == null ? "\"" + configured + "\"" : JsonValues.shown(given)));
            return Approval.REQUIRED;
        }
        return approval.get();
    }

    private static boolean flag(Object input, String field, Problems problems) {
        Object given = JsonValues.field(input, field);
        if (given == null) {
            return false;
        }
        if (!(given instanceof Boolean truth)) {
            problems.at(field).add("must be true or false, got " + JsonValues.shown(given));
            return false;
        }
        return truth;
    }

    /**
     * {@code {"rollback": "<execution name>"}} moves that run's fleets and bundles back; {@code {"promote": "<execution name>"}}
     * rolls the images that run staged out to its production fleets and bundles. Either names another execution, and no
     * images.
     *
     * @param whose what that execution is to this run, e.g. "whose roll-out to reverse"
     * @param where where the admin finds its name
     * @param alsoAllowed the other fields such a run takes, as the refusal of images names them
     */
    private static String otherRun(Object input, String field, String whose, String where, String alsoAllowed, Problems problems) {
        Object given = JsonValues.field(input, field);
        if (given == null) {
            return null;
        }
        if (!(given instanceof String execution) || !EXECUTION_NAME.matcher(execution).matches()) {
            problems.at(field).add("must be the name of the execution " + whose + " (1-80 characters, no spaces, " + where
                    + "), got " + JsonValues.shown(given));
            return null;
        }
        if (!JsonValues.list(JsonValues.field(input, "images")).isEmpty()) {
            problems.at(field).add("a " + field + " run names no images; start it with only {\"" + field + "\": \""
                    + execution + "\"}" + alsoAllowed);
            return null;
        }
        return execution;
    }

    /**
     * {@code {"report": "drift"}} mails where every fleet and bundle of the deployment stands and changes nothing; it takes
     * no other field but the console's Comment.
     */
    private static String report(Object input, Problems problems) {
        Object given = JsonValues.field(input, "report");
        if (given == null) {
            return null;
        }
        if (!DRIFT.equals(given)) {
            problems.at("report").add("must be \"" + DRIFT + "\" (the only report: where every fleet and bundle stands), got "
                    + JsonValues.shown(given));
            return null;
        }
        JsonValues.object(input).keySet().forEach(field -> {
            if (!field.equals("report") && !field.equals("Comment") && INPUT_KEYS.knows(field)) {
                problems.at(field).add("a drift report takes no other field; start it with only {\"report\": \"" + DRIFT + "\"}");
            }
        });
        return DRIFT;
    }

    /** Enough to act on, and small enough for the execution's data and the mail (256 KB each). */
    private static List<String> firstProblems(List<String> problems) {
        if (problems.size() <= MAX_PROBLEMS_REPORTED) {
            return problems;
        }
        List<String> first = new ArrayList<>(problems.subList(0, MAX_PROBLEMS_REPORTED));
        first.add("... and " + (problems.size() - MAX_PROBLEMS_REPORTED) + " more problems of the same kinds");
        return first;
    }

    /** A source that is itself today's updated image would be "updated" onto its own name. */
    private static void refuseTodaysOwnImages(ParsedImages images, String runDate, Problems problems) {
        for (int i = 0; i < images.requests().size(); i++) {
            ImageRequest request = images.requests().get(i);
            if (request.image() != null && request.service().rules().sourcesAreNamed()
                    && ImageNames.newImageName(request.service(), request.image(), runDate).equals(request.image())) {
                problems.at(images.path()).index(i).at("image").add("\"" + request.image() + "\" is itself today's updated image;"
                        + " list the image it was made from instead");
            }
        }
    }

    private static ParsedImages images(PlanRequest request, Problems problems) {
        Map<String, Object> input = JsonValues.object(request.input());
        if (input == null) {
            // Refused as a whole (inputProblems): the configured images are not what it asked for either.
            return new ParsedImages("input", List.of(), List.of());
        }
        Object given = input.get("images");
        if (given != null && !(given instanceof List<?> list && list.isEmpty())) {
            return ImageRequests.parse(given, "images", ITEM_KEYS);
        }
        ParsedImages configured = ImageRequests.parse(configuredImages(request.configuredImages(), problems.at("configuredImages")),
                "configuredImages");
        if (configured.valid() && configured.requests().isEmpty() && problems.isEmpty()) {
            problems.at("images").add("the input names no images and none are configured; pass {\"images\": [...]} or set the"
                    + " \"images\" context in cdk.json and deploy again");
        }
        return configured;
    }

    /**
     * Each configured production bundle's rebuild settings: a rollback rebuilds with those of the bundle it moves back, a promote
     * with those of the bundle it rolls out to.
     */
    private static List<RebuildSettings.ForBundle> configuredRebuilds(PlanRequest request, Problems problems) {
        ParsedImages configured = ImageRequests.parse(configuredImages(request.configuredImages(), problems.at("configuredImages")),
                "configuredImages");
        problems.addAll(configured.problems());
        return configured.requests().stream().filter(item -> item.rebuild() != null)
                .flatMap(item -> item.allProductionTargets().stream().map(bundle -> new RebuildSettings.ForBundle(bundle, item.rebuild())))
                .toList();
    }

    private static Object configuredImages(String text, Problems configured) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JsonValues.parse(text);
        } catch (JsonProcessingException e) {
            configured.add("is not valid JSON (" + e.getOriginalMessage() + "); check the \"images\" context in cdk.json");
            return null;
        }
    }

    private static int jsonBytes(List<ImageRequest> items) {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try {
            StepJson.annotated().write(json, items);
        } catch (IOException e) {
            throw new UncheckedIOException("planned items must serialise", e);
        }
        return json.size();
    }

    /** The account and Region in the execution's ARN (arn:PARTITION:states:REGION:ACCOUNT:execution:MACHINE:NAME). */
    private static Location own(String executionId) {
        String[] arn = executionId == null ? new String[0] : executionId.split(":");
        if (arn.length < 5 || !Location.ACCOUNT.matcher(arn[4]).matches() || !Location.REGION.matcher(arn[3]).matches()) {
            throw new IllegalArgumentException("executionId: must be the execution's ARN, got " + executionId);
        }
        return new Location(arn[4], arn[3]);
    }

    private static Instant startTime(String startTime) {
        try {
            return Instant.parse(startTime);
        } catch (NullPointerException | DateTimeParseException e) {
            throw new IllegalArgumentException("startTime: must be the execution's ISO-8601 start time, got " + startTime, e);
        }
    }

    /** The schedule passes its own scheduled time ({@code <aws.scheduler.scheduled-time>}); a run by hand has none. */
    private static Instant scheduledTime(Object input, Problems problems) {
        Object value = JsonValues.field(input, WorkflowInput.SCHEDULED_TIME);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(JsonValues.text(value));
        } catch (DateTimeParseException e) {
            problems.at(WorkflowInput.SCHEDULED_TIME).add("must be an ISO-8601 time such as 2026-11-11T06:00:00Z (the schedule sets"
                    + " it; leave it out of a run started by hand), got " + JsonValues.shown(value));
            return null;
        }
    }

    /** The schedule's time zone; an unset one is UTC. */
    private static ZoneId zone(String timeZone, Problems setting) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            setting.add("must be an IANA time zone such as Europe/Paris, got \"" + timeZone + "\"");
            return ZoneOffset.UTC;
        }
    }

    /** @param setting the setting's problems, e.g. {@code settings.maxConcurrency} */
    private static int setting(Problems setting, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value == null ? "" : value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the rule
        }
        setting.add("must be a whole number from " + min + " to " + max + ", got \"" + value + "\"");
        return min;
    }
}
