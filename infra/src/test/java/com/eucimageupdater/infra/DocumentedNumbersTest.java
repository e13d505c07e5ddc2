package com.eucimageupdater.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.aws.ImageServices;
import com.eucimageupdater.build.QuotaWait;
import com.eucimageupdater.config.InvalidConfigurationException;
import com.eucimageupdater.config.UpdaterConfig;
import com.eucimageupdater.drift.DriftSurveyor;
import com.eucimageupdater.model.ImageNames;
import com.eucimageupdater.model.PipelineTags;
import com.eucimageupdater.model.RebuildSettings;
import com.eucimageupdater.model.RetryableAwsException;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.plan.DeploymentSettings;
import com.eucimageupdater.plan.ImageRequests;
import com.eucimageupdater.plan.Problems;
import com.eucimageupdater.plan.RunLimits;
import com.eucimageupdater.plan.RunPlan;
import com.eucimageupdater.rebuild.HistoryBudget;
import com.eucimageupdater.rebuild.RebuildResult;
import com.eucimageupdater.rebuild.WaveRebuilder;
import com.eucimageupdater.report.RunReporter;
import com.eucimageupdater.workflow.WorkflowStep;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docs/limits-and-errors.md states every number the tool decides once, in one table, and the other pages link to it.
 * Each row's numbers are held to the code here: the constant, the rule's boundaries (the largest value accepted and
 * the next one refused), cdk.json's shipped value, the state machine definition or the synthesized template. A number
 * changed in the table or in the code alone fails its row; a row without a check, or a check without a row, fails too.
 */
class DocumentedNumbersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*\\d|\\d");
    private static final Pattern HISTORY_BUDGET = Pattern.compile("allows (\\d+) per execution");
    private static final String RUN_DATE = "2026-11-10";

    /** Each row of the table by its first cell, with the check of the numbers in its second. */
    private static Map<String, Consumer<List<Long>>> checks() {
        Map<String, Consumer<List<Long>>> checks = new LinkedHashMap<>();
        checks.put("images in one run", is(() -> RunLimits.MAX_IMAGES));
        checks.put("images of one account and Region in one run", is(() -> RunLimits.MAX_IMAGES_PER_LOCATION));
        checks.put("the run's items, once resolved", DocumentedNumbersTest::itemsBudget);
        checks.put("one execution, approval wait included", DocumentedNumbersTest::executionTimeout);
        checks.put("history events of one image's execution", DocumentedNumbersTest::historyEventBudget);
        checks.put("polls of one image", DocumentedNumbersTest::polls);
        checks.put("tags on a new image", DocumentedNumbersTest::tagCounts);
        checks.put("a tag's key and value", documented -> {
            lengthRule("tag key", documented.get(0), documented.get(1), false,
                    length -> appStream("tags", Map.of("k".repeat(length), "v")));
            lengthRule("tag value", documented.get(2), documented.get(3), false,
                    length -> appStream("tags", Map.of("k", "v".repeat(length))));
        });
        checks.put("an AppStream image or fleet name", documented -> {
            lengthRule("AppStream image name", documented.get(0), documented.get(1), false,
                    length -> appStream("image", "b".repeat(length)));
            lengthRule("AppStream fleet name", documented.get(0), documented.get(1), false,
                    length -> item("APPSTREAM", Map.of("fleet", "b".repeat(length))));
        });
        checks.put("an AppStream displayName", atMost(length -> appStream("displayName", "d".repeat(length))));
        checks.put("an AppStream description", atMost(length -> appStream("description", "d".repeat(length))));
        checks.put("a WorkSpaces image id", range("WorkSpaces image id", false,
                length -> item("WORKSPACES", Map.of("image", "wsi-" + "0".repeat(length)))));
        checks.put("a WorkSpaces bundle id", range("WorkSpaces bundle id", false,
                length -> item("WORKSPACES", Map.of("bundle", "wsb-" + "0".repeat(length)))));
        checks.put("a WorkSpaces description", range("WorkSpaces description", true,
                length -> item("WORKSPACES", Map.of("image", "wsi-000000000", "description", "d".repeat(length)))));
        checks.put("a new image's name", is(() -> ImageNames.newImageName(Service.APPSTREAM, "b".repeat(300), RUN_DATE).length(),
                () -> ImageNames.newImageName(Service.WORKSPACES, "b".repeat(300), RUN_DATE).length()));
        checks.put("an item's keep", range("keep", false, keep -> appStream("keep", keep)));
        checks.put("an item's validationTimeoutMinutes", range("validationTimeoutMinutes", false,
                minutes -> appStream("validationTimeoutMinutes", minutes)));
        checks.put("an item's rebuild.canary", rebuildRange("canary", RebuildSettings.DEFAULT_CANARY));
        checks.put("an item's rebuild.batchSize", rebuildRange("batchSize", null));
        checks.put("an item's rebuild.maxFailures", rebuildRange("maxFailures", RebuildSettings.DEFAULT_MAX_FAILURES));
        checks.put("an item's rebuild.waveTimeoutMinutes",
                rebuildRange("waveTimeoutMinutes", RebuildSettings.DEFAULT_WAVE_TIMEOUT_MINUTES));
        checks.put("an item's rebuild.window.hours", range("rebuild window hours", false, hours -> workSpacesRebuild(
                Map.of("batchSize", 25, "waveTimeoutMinutes", 30, "window", window(hours)))));
        checks.put("a wave's rebuilds, followed", is(() -> ((Duration) constant(WaveRebuilder.class, "POLL")).toMinutes(),
                () -> ((Duration) constant(WaveRebuilder.class, "RECHECK_SKIPPED")).toMinutes()));
        checks.put("history events of one bundle's rebuild", is(() -> HistoryBudget.MAX_EVENTS));
        checks.put("WorkSpaces listed per bundle and reason in the rebuild's mail", is(() -> RebuildResult.LISTED));
        for (String key : List.of(UpdaterConfig.DAYS_AFTER_PATCH_TUESDAY, UpdaterConfig.SCHEDULE_HOUR, UpdaterConfig.EXPECTED_BUILD_MINUTES,
                UpdaterConfig.POLL_INTERVAL_MINUTES, UpdaterConfig.MAX_WAIT_HOURS, UpdaterConfig.MAX_CONCURRENCY,
                UpdaterConfig.APPROVAL_TIMEOUT_HOURS, UpdaterConfig.KEEP_IMAGES, UpdaterConfig.PROMOTE_AFTER_HOURS,
                UpdaterConfig.DISABLE_AFTER_FAILURES, UpdaterConfig.VALIDATION_TIMEOUT_MINUTES)) {
            checks.put(key, documented -> cdkJsonNumber(key, documented));
        }
        checks.put(UpdaterConfig.MAX_CONCURRENCY_OVERALL, DocumentedNumbersTest::maxConcurrencyOverall);
        checks.put(UpdaterConfig.APPROVAL_ENDPOINT_CONCURRENCY, documented -> {
            cdkJsonNumber(UpdaterConfig.APPROVAL_ENDPOINT_CONCURRENCY, documented);
            accepted(UpdaterConfig.APPROVAL_ENDPOINT_CONCURRENCY, UpdaterConfig.NO_RESERVATION);
        });
        checks.put(UpdaterConfig.MEMBER_ROLE_NAME, cdkJsonText(UpdaterConfig.MEMBER_ROLE_NAME, "r"::repeat));
        checks.put(UpdaterConfig.MEMBER_EXTERNAL_ID, cdkJsonText(UpdaterConfig.MEMBER_EXTERNAL_ID, "e"::repeat));
        checks.put(UpdaterConfig.ORGANIZATION_ID, cdkJsonText(UpdaterConfig.ORGANIZATION_ID, length -> "o-" + "a".repeat(length)));
        checks.put("retries of an image step's AWS error (throttling, 5xx, network), after the SDK's own",
                DocumentedNumbersTest::awsRetries);
        checks.put("retries of a Lambda service error, on every Lambda task", documented -> retrier(lambdaRetriers(), documented));
        checks.put("retries of the mail's SNS Publish, after the SDK's own", documented -> retrier(mailRetriers(), documented));
        checks.put("a create refused by a quota while other updates of the run build",
                is(() -> (Integer) constant(QuotaWait.class, "LONGEST_WAIT_IN_POLL_INTERVALS")));
        checks.put("an AWS call of an image step", is(ImageServices.API_CALL_TIMEOUT::toSeconds));
        checks.put("the summary mail", is(() -> (Integer) constant(RunReporter.class, "MESSAGE_MAX_BYTES")));
        checks.put("drift: an old image, a platform near its end of support", is(() -> DriftSurveyor.OLD_AFTER_DAYS,
                () -> DriftSurveyor.NEAR_SUPPORT_END_DAYS));
        checks.put("drift report: fleets and bundles listed, across all places", is(() -> (Integer) constant(RunPlan.class, "DRIFT_ROWS"),
                () -> 1));
        checks.put("drift report: WorkSpaces' tags read, per place", is(() -> DriftSurveyor.TAG_READS_PER_PLACE));
        checks.put("a member account's credentials", is(() -> ((Duration) constant(memberCredentials(), "PREFETCH")).toMinutes()));
        checks.put("the schedule's retries of a start", is(DocumentedNumbersTest::scheduleRetries));
        checks.put("the functions' logs", documented -> assertEquals(Set.of(documented.get(0) * 30), logRetentionDays(),
                "months of 30 days, as CloudWatch Logs counts its retention in months"));
        return checks;
    }

    @Test
    @DisplayName("every number in docs/limits-and-errors.md's table is the code's, and every row is checked")
    void everyDocumentedNumberIsTheCodes() {
        List<List<String>> rows = MarkdownPage.read(TestStack.PROJECT_ROOT.resolve("docs/limits-and-errors.md"))
                .tableUnder("## Every number");
        Map<String, Consumer<List<Long>>> checks = checks();
        List<String> wrong = new ArrayList<>();
        for (List<String> row : rows) {
            String what = row.get(0).replace("`", "");
            Consumer<List<Long>> check = checks.remove(what);
            try {
                assertNotNull(check, "a row this test does not check");
                check.accept(numbers(row.get(1)));
            } catch (AssertionError | RuntimeException e) {
                wrong.add(what + " (" + row.get(1) + "): " + e.getMessage());
            }
        }
        checks.keySet().forEach(what -> wrong.add(what + ": checked here, but the table has no such row"));

        assertEquals(List.of(), wrong, "the table and the code disagree");
    }

    @Test
    @DisplayName("a table's numbers are read as written: thousands separators, ranges and several to a cell")
    void numbersAreReadAsWritten() {
        assertEquals(List.of(1000L), numbers("1,000"));
        assertEquals(List.of(50L, 1000L), numbers("50 (`maxConcurrency` to 1,000)"));
        assertEquals(List.of(10L, 32L), numbers("`o-` and 10-32 lower-case letters or digits"));
        assertEquals(List.of(5L, 1L, 100L), numbers("5 (1-100, or `\"none\"`)"));
    }

    private static List<Long> numbers(String cell) {
        List<Long> numbers = new ArrayList<>();
        Matcher number = NUMBER.matcher(cell);
        while (number.find()) {
            numbers.add(Long.parseLong(number.group().replace(",", "")));
        }
        return numbers;
    }

    /** The row's numbers are these, read from the code only when the row is checked. */
    private static Consumer<List<Long>> is(LongSupplier... expected) {
        return documented -> assertEquals(Stream.of(expected).map(LongSupplier::getAsLong).toList(), documented);
    }

    /** A length rule stated as "at most N": N characters pass, one more is refused. */
    private static Consumer<List<Long>> atMost(IntFunction<List<String>> problemsAtLength) {
        return documented -> {
            assertEquals(1, documented.size(), "one number: the most");
            int most = documented.get(0).intValue();
            assertEquals(List.of(), problemsAtLength.apply(most), "at most " + most);
            assertFalse(problemsAtLength.apply(most + 1).isEmpty(), "refused above " + most);
        };
    }

    private static Consumer<List<Long>> range(String what, boolean blankIsLeftOut, IntFunction<List<String>> problemsAt) {
        return documented -> {
            assertEquals(2, documented.size(), "two numbers: the least and the most");
            lengthRule(what, documented.get(0), documented.get(1), blankIsLeftOut, problemsAt);
        };
    }

    /**
     * The least and the most pass, the next ones out are refused. A field whose blank value is left out (and gets its
     * default) cannot be refused at 0, so its rule starts at 1.
     */
    private static void lengthRule(String what, long least, long most, boolean blankIsLeftOut, IntFunction<List<String>> problemsAt) {
        assertEquals(List.of(), problemsAt.apply((int) least), what + ": " + least + " passes");
        assertEquals(List.of(), problemsAt.apply((int) most), what + ": " + most + " passes");
        assertFalse(problemsAt.apply((int) most + 1).isEmpty(), what + ": " + (most + 1) + " is refused");
        if (blankIsLeftOut && least <= 1) {
            assertEquals(1, least, what + ": a blank value is left out, so the rule starts at 1");
        } else if (least > 0) {
            assertFalse(problemsAt.apply((int) least - 1).isEmpty(), what + ": " + (least - 1) + " is refused");
        }
    }

    /** The documented least and most of a rebuild field, and its default when it has one (the last number). */
    private static Consumer<List<Long>> rebuildRange(String field, Integer defaultValue) {
        return documented -> {
            assertEquals(defaultValue == null ? 2 : 3, documented.size(),
                    "the least, the most" + (defaultValue == null ? "" : ", the default"));
            lengthRule("rebuild." + field, documented.get(0), documented.get(1), false, value -> {
                Map<String, Object> rebuild = new HashMap<>(Map.of("batchSize", 25, "window", window(24)));
                rebuild.put(field, value);
                return workSpacesRebuild(rebuild);
            });
            if (defaultValue != null) {
                assertEquals(documented.get(2).intValue(), defaultValue, "rebuild." + field + "'s default");
            }
        };
    }

    private static Map<String, Object> window(int hours) {
        return Map.of("days", List.of("SAT", "SUN"), "start", "22:00", "hours", hours);
    }

    private static List<String> workSpacesRebuild(Map<String, Object> rebuild) {
        return item("WORKSPACES", Map.of("image", "wsi-000000000", "bundles", List.of("wsb-00000000"), "rebuild", rebuild));
    }

    private static List<String> appStream(String field, Object value) {
        Map<String, Object> fields = new HashMap<>(Map.of("image", "Base-Win2022"));
        fields.put(field, value);
        return item("APPSTREAM", fields);
    }

    /** The problems the input validation finds in one item of the service with these fields. */
    private static List<String> item(String service, Map<String, Object> fields) {
        Map<String, Object> item = new HashMap<>(fields);
        item.put("service", service);
        return ImageRequests.parse(JSON.convertValue(List.of(item), Object.class), "images").problems();
    }

    private static void itemsBudget(List<Long> documented) {
        int budget = documented.get(0).intValue();
        Problems fitting = new Problems();
        RunLimits.checkData(fitting.at("images"), List.of(), budget);
        assertTrue(fitting.isEmpty(), budget + " bytes fit");
        Problems overflowing = new Problems();
        RunLimits.checkData(overflowing.at("images"), List.of(), budget + 1);
        assertFalse(overflowing.isEmpty(), (budget + 1) + " bytes do not");
    }

    private static void executionTimeout(List<Long> documented) {
        long days = documented.get(0);
        assertEquals(days * 24, RunLimits.EXECUTION_TIMEOUT_HOURS, "the plan's bound");
        assertEquals(days * 24 * 3600, definition().get("TimeoutSeconds").asLong(), "the state machine's TimeoutSeconds");
    }

    /** The budget as the refusal states it, for polls that cannot fit: every minute for a week. */
    private static void historyEventBudget(List<Long> documented) {
        List<String> problems = RunLimits.problems("images", 1, 1, 60, 7 * 24 * 60, 1);
        Matcher budget = HISTORY_BUDGET.matcher(String.join("\n", problems));
        assertTrue(budget.find(), "the refusal states the budget: " + problems);
        assertEquals(documented, List.of(Long.parseLong(budget.group(1))));
    }

    /** The most polls a run accepts (one a minute, so each minute of the maximum wait is a poll), and the defaults'. */
    private static void polls(List<Long> documented) {
        int most = IntStream.rangeClosed(1, 10_000).filter(minutes -> RunLimits.problems("images", 1, 1, 60, minutes, 1).isEmpty())
                .max().orElse(0);
        int defaults = RunLimits.maxPolls(DeploymentSettings.DEFAULT_POLL_INTERVAL_MINUTES * 60,
                DeploymentSettings.DEFAULT_MAX_WAIT_HOURS * 60);
        assertEquals(List.of((long) most, (long) defaults), documented);
    }

    /** 50 in all, 5 the pipeline's, then per staging target, per production target and once with any; the user's 45. */
    private static void tagCounts(List<Long> documented) {
        assertEquals(6, documented.size(), "all, the pipeline's, per staging, per production, with production, the user's");
        long all = documented.get(0);
        long pipelines = documented.get(1);
        long perStaging = documented.get(2);
        long perProduction = documented.get(3);
        long withProduction = documented.get(4);
        int users = documented.get(5).intValue();
        assertEquals(all - pipelines, users, "the user's tags are what the pipeline leaves of the services' limit");
        assertEquals(perStaging, PipelineTags.rolloutTags(1, 0), "per staging target");
        assertEquals(perProduction, PipelineTags.rolloutTags(0, 2) - PipelineTags.rolloutTags(0, 1), "per production target");
        assertEquals(withProduction, PipelineTags.rolloutTags(0, 1) - perProduction, "once with any production target");
        assertEquals(List.of(), appStream("tags", tags(users)), users + " tags of the user's pass");
        assertFalse(appStream("tags", tags(users + 1)).isEmpty(), (users + 1) + " are refused");
        int besideOneOfEach = (int) (users - perStaging - perProduction - withProduction);
        Map<String, Object> rollout = new HashMap<>(Map.of("image", "Base-Win2022", "stagingFleets", List.of("Test"),
                "fleets", List.of("Prod")));
        rollout.put("tags", tags(besideOneOfEach));
        assertEquals(List.of(), item("APPSTREAM", rollout), besideOneOfEach + " pass beside a staging and a production fleet");
        rollout.put("tags", tags(besideOneOfEach + 1));
        assertFalse(item("APPSTREAM", rollout).isEmpty(), (besideOneOfEach + 1) + " do not");
    }

    private static Map<String, String> tags(int count) {
        Map<String, String> tags = new LinkedHashMap<>();
        IntStream.range(0, count).forEach(i -> tags.put("tag" + i, "v"));
        return tags;
    }

    /** A whole-number cdk.json key: default (least-most), as the code defaults it, cdk.json ships it and the rule bounds it. */
    private static void cdkJsonNumber(String key, List<Long> documented) {
        assertEquals(3, documented.size(), "default, least and most");
        assertDefault(key, documented.get(0));
        accepted(key, documented.get(1));
        accepted(key, documented.get(2));
        refused(key, documented.get(1) - 1);
        refused(key, documented.get(2) + 1);
    }

    /** Leaving the key out is the same as giving it the value, and cdk.json ships it. */
    private static void assertDefault(String key, long defaultValue) {
        assertTrue(config(Map.of()).equals(config(Map.of(key, defaultValue))), "the code's default: leaving " + key + " out is "
                + key + " = " + defaultValue);
        assertEquals(defaultValue, ((Number) TestStack.cdkJsonContext().get(key)).longValue(), "cdk.json's value");
    }

    /** From maxConcurrency (its default here) to the most. */
    private static void maxConcurrencyOverall(List<Long> documented) {
        assertEquals(2, documented.size(), "default and most");
        String key = UpdaterConfig.MAX_CONCURRENCY_OVERALL;
        assertDefault(key, documented.get(0));
        accepted(key, documented.get(1));
        refused(key, documented.get(1) + 1);
        accepted(key, DeploymentSettings.DEFAULT_MAX_CONCURRENCY);
        refused(key, DeploymentSettings.DEFAULT_MAX_CONCURRENCY - 1);
    }

    /** A text cdk.json key of a length, blank (cdk.json's "") meaning unset. */
    private static Consumer<List<Long>> cdkJsonText(String key, IntFunction<String> ofLength) {
        return range(key, true, length -> {
            try {
                config(Map.of(key, ofLength.apply(length)));
                return List.of();
            } catch (InvalidConfigurationException e) {
                return e.problems();
            }
        });
    }

    private static UpdaterConfig config(Map<String, Object> context) {
        return UpdaterConfig.fromContext(context);
    }

    private static void accepted(String key, Object value) {
        config(Map.of(key, value));
    }

    private static void refused(String key, long value) {
        InvalidConfigurationException refusal = assertThrows(InvalidConfigurationException.class, () -> config(Map.of(key, value)),
                key + " " + value + " is refused");
        assertTrue(refusal.problems().stream().anyMatch(problem -> problem.startsWith(key + ":")), refusal.getMessage());
    }

    /** Retries (attempts), first interval, most delay, the longest span; the state machine's retrier says the same. */
    private static void awsRetries(List<Long> documented) {
        is(() -> RetryableAwsException.STATE_MACHINE_ATTEMPTS - 1, () -> RetryableAwsException.STATE_MACHINE_ATTEMPTS,
                () -> RetryableAwsException.FIRST_INTERVAL_SECONDS, () -> RetryableAwsException.MAX_DELAY_SECONDS,
                RetryableAwsException::longestSpanMinutes).accept(documented);
        assertEquals(2, RetryableAwsException.BACKOFF_RATE, "doubling");
        List<JsonNode> retriers = retriers(RetryableAwsException.class.getName(), null);
        retrier(retriers, List.of(documented.get(0), documented.get(2), documented.get(3)));
    }

    /** Every retrier given: the documented retries, first interval and most delay, doubling, full jitter. */
    private static void retrier(List<JsonNode> retriers, List<Long> documented) {
        assertFalse(retriers.isEmpty(), "the definition has such retriers");
        for (JsonNode retrier : retriers) {
            assertEquals(documented, List.of(retrier.path("MaxAttempts").asLong(), retrier.path("IntervalSeconds").asLong(),
                    retrier.path("MaxDelaySeconds").asLong()), retrier.toString());
            assertEquals(2, retrier.path("BackoffRate").asInt(), "doubling: " + retrier);
            assertEquals("FULL", retrier.path("JitterStrategy").asText(), "full jitter: " + retrier);
        }
    }

    private static List<JsonNode> lambdaRetriers() {
        return retriers("Lambda.ServiceException", null);
    }

    /** The retriers of the task that publishes the mail, beside Lambda's. */
    private static List<JsonNode> mailRetriers() {
        return retriers(null, ":states:::sns:publish");
    }

    /** Every retrier in the definition that handles the error, or of every task of the resource, Lambda's aside. */
    private static List<JsonNode> retriers(String error, String resource) {
        List<JsonNode> found = new ArrayList<>();
        collectRetriers(definition().get("States"), error, resource, found);
        return found;
    }

    private static void collectRetriers(JsonNode states, String error, String resource, List<JsonNode> found) {
        states.forEach(state -> {
            for (JsonNode retrier : state.path("Retry")) {
                List<String> errors = new ArrayList<>();
                retrier.path("ErrorEquals").forEach(name -> errors.add(name.asText()));
                boolean matches = error != null ? errors.contains(error)
                        : state.path("Resource").asText().endsWith(resource) && !errors.contains("Lambda.ServiceException");
                if (matches) {
                    found.add(retrier);
                }
            }
            JsonNode nested = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.get("Iterator");
            if (nested != null) {
                collectRetriers(nested.get("States"), error, resource, found);
            }
            state.path("Branches").forEach(branch -> collectRetriers(branch.get("States"), error, resource, found));
        });
    }

    private static JsonNode definition() {
        try {
            return JSON.readTree(Files.readString(TestStack.PROJECT_ROOT.resolve(WorkflowStep.DEFINITION)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long scheduleRetries() {
        Map<String, Map<String, Object>> schedules = TestStack.get().template.findResources("AWS::Scheduler::Schedule");
        assertEquals(1, schedules.size(), schedules.keySet().toString());
        Map<?, ?> target = (Map<?, ?>) ((Map<?, ?>) schedules.values().iterator().next().get("Properties")).get("Target");
        return ((Number) ((Map<?, ?>) target.get("RetryPolicy")).get("MaximumRetryAttempts")).longValue();
    }

    private static Set<Long> logRetentionDays() {
        Set<Long> days = new LinkedHashSet<>();
        TestStack.get().template.findResources("AWS::Logs::LogGroup").values().forEach(group ->
                days.add(((Number) ((Map<?, ?>) group.get("Properties")).get("RetentionInDays")).longValue()));
        return days;
    }

    /** The member accounts' credentials provider is package-private: found by name, in the adapter package it lives in. */
    private static Class<?> memberCredentials() {
        try {
            return Class.forName(ImageServices.class.getPackageName() + ".MemberCredentials");
        } catch (ClassNotFoundException e) {
            throw new AssertionError("MemberCredentials moved: point this test at the class that renews member credentials", e);
        }
    }

    /** A private constant the table states, where no behaviour shows it short of a run: read from its class. */
    private static Object constant(Class<?> owner, String name) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(owner.getSimpleName() + "." + name + " is gone: point this test at the constant behind its row", e);
        }
    }
}
