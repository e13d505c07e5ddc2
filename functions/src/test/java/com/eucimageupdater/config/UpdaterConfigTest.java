package com.eucimageupdater.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.model.Approval;
import com.eucimageupdater.plan.DeploymentSettings;
import com.eucimageupdater.plan.OrganizationSettings;
import com.eucimageupdater.plan.RolloutDefaults;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UpdaterConfigTest {

    private static UpdaterConfig read(Map<String, Object> context) {
        return UpdaterConfig.fromContext(context);
    }

    /** The problems reported for a context holding only the given key. */
    private static List<String> problemsWith(String key, Object value) {
        Map<String, Object> context = new HashMap<>();
        context.put(key, value);
        return assertThrows(InvalidConfigurationException.class, () -> read(context)).problems();
    }

    private static void assertOneProblem(List<String> problems, String key, String rule) {
        assertEquals(1, problems.size(), () -> "problems: " + problems);
        assertTrue(problems.get(0).startsWith(key), () -> "names the key " + key + ": " + problems.get(0));
        assertTrue(problems.get(0).contains(rule), () -> "states the rule '" + rule + "': " + problems.get(0));
    }

    @Test
    @DisplayName("an empty context gives the documented defaults")
    void defaults() {
        UpdaterConfig config = read(Map.of());

        assertAll(
                () -> assertEquals(0, config.configuredImageCount()),
                () -> assertEquals(1, config.schedule().daysAfterPatchTuesday()),
                () -> assertEquals(6, config.schedule().hour()),
                () -> assertEquals("cron(0 6 9-15 * ? *)", config.schedule().expression()),
                () -> assertEquals("UTC", config.schedule().timeZone()),
                () -> assertTrue(config.schedule().enabled()),
                () -> assertEquals(List.of(), config.notificationEmails()),
                () -> assertEquals(4, config.pace().pollIntervalMinutes()),
                () -> assertEquals(8, config.pace().maxWaitHours()),
                () -> assertEquals(5, config.pace().maxConcurrency()),
                () -> assertEquals(new RolloutDefaults(Approval.REQUIRED, 72, 0, 24, 3, 60), config.rollout()),
                () -> assertEquals("INFO", config.logLevel()),
                () -> assertEquals(List.of(), config.organization().targets()),
                () -> assertEquals(new MemberRole("EucImageUpdaterMember", Optional.empty(), Optional.empty()),
                        config.organization().memberRole()),
                () -> assertEquals(Optional.empty(), config.organization().updaterAccount()),
                () -> assertEquals(50, config.pace().maxConcurrencyOverall()),
                () -> assertEquals(90, config.pace().expectedBuildMinutes()),
                () -> assertEquals(OptionalInt.of(5), config.approvalEndpointConcurrency()),
                () -> assertEquals(List.of(), config.organization().additionalRegions()),
                () -> assertEquals(List.of(), config.workRegions(), "the deployment's own Region only"),
                () -> assertEquals(OrganizationSettings.DEFAULTS, config.organizationSettings(), "the local runner's defaults"));
    }

    @Test
    @DisplayName("the defaults are the shared DeploymentSettings defaults, which the local runner uses too")
    void defaultsAreTheDeploymentSettingsDefaults() {
        assertEquals(DeploymentSettings.defaults("[]"), read(Map.of()).deploymentSettings());
    }

    @Test
    @DisplayName("the deployment settings carry the configuration in the workflow's units: seconds, minutes")
    void deploymentSettingsInWorkflowUnits() {
        UpdaterConfig config = read(Map.of(
                UpdaterConfig.IMAGES, "[{\"service\": \"APPSTREAM\", \"image\": \"Finance-Win2022\"}]",
                UpdaterConfig.POLL_INTERVAL_MINUTES, 10,
                UpdaterConfig.MAX_WAIT_HOURS, 3,
                UpdaterConfig.MAX_CONCURRENCY, 7,
                UpdaterConfig.SCHEDULE_TIME_ZONE, "Europe/Berlin"));

        assertEquals(new DeploymentSettings("[{\"service\":\"APPSTREAM\",\"image\":\"Finance-Win2022\"}]", 600, 180, 7,
                "Europe/Berlin", 1, RolloutDefaults.DEFAULTS), config.deploymentSettings());
    }

    @Test
    @DisplayName("the context shipped in cdk.json is valid and equals the defaults")
    void shippedCdkJsonMatchesDefaults() throws Exception {
        assertEquals(read(Map.of()), UpdaterConfig.fromCdkJson(Path.of("..", "cdk.json")));
    }

    @Test
    @DisplayName("values given on the command line as text (-c key=value) are parsed like cdk.json values")
    void commandLineText() {
        UpdaterConfig config = read(Map.of(
                UpdaterConfig.MAX_CONCURRENCY, "10",
                UpdaterConfig.SCHEDULE_ENABLED, "false",
                UpdaterConfig.NOTIFICATION_EMAILS, "[\"euc-admins@example.com\"]",
                UpdaterConfig.IMAGES, "[{\"service\": \"APPSTREAM\", \"image\": \"Finance-Win2022\"}]"));

        assertAll(
                () -> assertEquals(10, config.pace().maxConcurrency()),
                () -> assertFalse(config.schedule().enabled()),
                () -> assertEquals(List.of("euc-admins@example.com"), config.notificationEmails()),
                () -> assertEquals("[{\"service\":\"APPSTREAM\",\"image\":\"Finance-Win2022\"}]", config.imagesJson()));
    }

    @ParameterizedTest(name = "{0} = {1} is refused")
    @CsvSource({
        "maxConcurrency, 0, from 1 to 40",
        "maxConcurrency, 41, from 1 to 40",
        "pollIntervalMinutes, 0, from 1 to 60",
        "pollIntervalMinutes, 61, from 1 to 60",
        "maxWaitHours, 49, from 1 to 48",
        "maxWaitHours, 2.5, whole number",
        "maxWaitHours, eight, whole number",
    })
    void numbersOutOfRange(String key, String value, String rule) {
        assertOneProblem(problemsWith(key, value), key, rule);
    }

    @Test
    @DisplayName("a whole number given as a JSON double (8.0) is accepted")
    void wholeDouble() {
        assertEquals(8, read(Map.of(UpdaterConfig.MAX_WAIT_HOURS, 8.0)).pace().maxWaitHours());
    }

    @ParameterizedTest(name = "time zone \"{0}\" is refused")
    @ValueSource(strings = {"Mars/Olympus_Mons", "+02:00", "CEST", "SystemV/EST5", "SystemV/PST8PDT", "EST", "Europe/Atlantis"})
    void badTimeZone(String zone) {
        assertOneProblem(problemsWith(UpdaterConfig.SCHEDULE_TIME_ZONE, zone), UpdaterConfig.SCHEDULE_TIME_ZONE, "IANA time zone");
    }

    @ParameterizedTest(name = "time zone \"{0}\" is accepted")
    @ValueSource(strings = {"UTC", "Europe/Berlin", "America/Argentina/Buenos_Aires", "America/Port-au-Prince", "Etc/GMT+5"})
    void goodTimeZone(String zone) {
        assertEquals(zone, read(Map.of(UpdaterConfig.SCHEDULE_TIME_ZONE, zone)).schedule().timeZone());
    }

    @ParameterizedTest(name = "{0} = {1} is refused")
    @CsvSource({"daysAfterPatchTuesday, 15, from 0 to 14", "daysAfterPatchTuesday, -1, from 0 to 14",
        "scheduleHour, 24, from 0 to 23", "scheduleHour, six, from 0 to 23"})
    void badScheduleSetting(String key, String value, String rule) {
        assertOneProblem(problemsWith(key, value), key, rule);
    }

    @ParameterizedTest(name = "{0} = {1} is refused")
    @CsvSource({"approval, maybe, \"required\" (production waits for an approve link), \"none\" (production right after staging) or"
            + " \"auto\" (production after promoteAfterHours unless rejected)",
        "approvalTimeoutHours, 0, from 1 to 168", "approvalTimeoutHours, 169, from 1 to 168", "keepImages, -1, from 0 to 100",
        "promoteAfterHours, 0, from 1 to 168", "promoteAfterHours, 169, from 1 to 168", "promoteAfterHours, a day, from 1 to 168",
        "disableAfterFailures, -1, from 0 to 12", "disableAfterFailures, 13, from 0 to 12"})
    void badRolloutSetting(String key, String value, String rule) {
        assertOneProblem(problemsWith(key, value), key, rule);
    }

    @Test
    @DisplayName("the retired scheduleExpression key is refused with the keys that replace it, so an old cdk.json fails loudly")
    void scheduleExpressionIsRefused() {
        List<String> problems = problemsWith("scheduleExpression", "cron(0 6 ? * WED#2 *)");
        assertOneProblem(problems, "scheduleExpression", "daysAfterPatchTuesday");
        assertTrue(problems.get(0).contains("scheduleHour"), problems.get(0));
    }

    @Test
    @DisplayName("the schedule fires daily through the week in which the run day falls, at the configured hour")
    void scheduleExpressionCoversTheRunDayWindow() {
        assertEquals("cron(0 0 12-18 * ? *)",
                read(Map.of(UpdaterConfig.DAYS_AFTER_PATCH_TUESDAY, 4, UpdaterConfig.SCHEDULE_HOUR, 0)).schedule().expression());
    }

    @ParameterizedTest
    @ValueSource(strings = {"info", "VERBOSE", ""})
    @DisplayName("logLevel must be one of Lambda's application log levels, in capitals")
    void badLogLevel(String level) {
        assertOneProblem(problemsWith(UpdaterConfig.LOG_LEVEL, level), UpdaterConfig.LOG_LEVEL,
                "must be one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL");
    }

    @Test
    @DisplayName("a valid logLevel is taken as given")
    void goodLogLevel() {
        assertEquals("WARN", read(Map.of(UpdaterConfig.LOG_LEVEL, "WARN")).logLevel());
    }

    @Test
    @DisplayName("scheduleEnabled must be true or false")
    void badBoolean() {
        assertOneProblem(problemsWith(UpdaterConfig.SCHEDULE_ENABLED, "yes"), UpdaterConfig.SCHEDULE_ENABLED, "true or false");
    }

    @Test
    @DisplayName("a malformed e-mail address is refused, naming its position")
    void badEmail() {
        List<String> problems = problemsWith(UpdaterConfig.NOTIFICATION_EMAILS, List.of("ok@example.com", "not-an-address"));

        assertOneProblem(problems, "notificationEmails[1]", "e-mail address");
    }

    @Test
    @DisplayName("an e-mail address listed twice is refused")
    void duplicateEmail() {
        List<String> problems = problemsWith(UpdaterConfig.NOTIFICATION_EMAILS, List.of("ok@example.com", "ok@example.com"));

        assertOneProblem(problems, "notificationEmails[1]", "listed twice");
    }

    @Test
    @DisplayName("notificationEmails must be a list")
    void emailsNotAList() {
        assertOneProblem(problemsWith(UpdaterConfig.NOTIFICATION_EMAILS, "ok@example.com"), UpdaterConfig.NOTIFICATION_EMAILS,
                "must be a JSON list");
    }

    @Test
    @DisplayName("an image entry is checked by the functions' validator: a WorkSpaces image must be a wsi- id")
    void badImage() {
        List<String> problems = problemsWith(UpdaterConfig.IMAGES, List.of(Map.of("service", "WORKSPACES", "image", "ws-123")));

        assertOneProblem(problems, "images[0].image", "wsi-");
    }

    @Test
    @DisplayName("every problem is reported at once, in a message naming each key")
    void allProblemsAtOnce() {
        InvalidConfigurationException error = assertThrows(InvalidConfigurationException.class, () -> read(Map.of(
                UpdaterConfig.MAX_CONCURRENCY, 0,
                UpdaterConfig.SCHEDULE_TIME_ZONE, "Nowhere/Land",
                UpdaterConfig.NOTIFICATION_EMAILS, List.of("bad"),
                UpdaterConfig.IMAGES, List.of(Map.of("service", "FLEET", "image", "x")))));

        assertAll(
                () -> assertEquals(4, error.problems().size(), () -> "problems: " + error.problems()),
                () -> List.of("maxConcurrency", "scheduleTimeZone", "notificationEmails[0]", "images[0].service")
                        .forEach(key -> assertTrue(error.getMessage().contains(key), () -> key + " in " + error.getMessage())));
    }

    /** The run-limit problem names every key that decides it. */
    private static final String RUN_LIMIT_KEYS = "images, maxConcurrency, pollIntervalMinutes, maxWaitHours";

    private static String appStreamImages(int count) {
        StringBuilder images = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            images.append(i == 0 ? "" : ",").append("{\"service\": \"APPSTREAM\", \"image\": \"Image-").append(i).append("\"}");
        }
        return images.append("]").toString();
    }

    @Test
    @DisplayName("configured images that could outlast the execution's 7-day timeout are refused, naming the keys to change")
    void imagesMustFitTheExecutionTimeout() {
        Map<String, Object> context = Map.of(UpdaterConfig.IMAGES, appStreamImages(11), UpdaterConfig.POLL_INTERVAL_MINUTES, 15,
                UpdaterConfig.MAX_CONCURRENCY, 1, UpdaterConfig.MAX_WAIT_HOURS, 24);

        List<String> problems = assertThrows(InvalidConfigurationException.class, () -> read(context)).problems();

        assertOneProblem(problems, RUN_LIMIT_KEYS, "then up to 72 h for approval, could take 347 h, more than the execution's 336 h"
                + " timeout");
        assertEquals(11, read(Map.of(UpdaterConfig.IMAGES, appStreamImages(11), UpdaterConfig.POLL_INTERVAL_MINUTES, 15,
                UpdaterConfig.MAX_CONCURRENCY, 2, UpdaterConfig.MAX_WAIT_HOURS, 24)).configuredImageCount());
    }

    @Test
    @DisplayName("the gate's checks count in the image's history too: 36 h of polls each minute fit, not with 12 h of checks after them")
    void theGateAfterStagingMustFitTheExecutionHistoryWithTheBuildsPolls() {
        Map<String, Object> context = Map.of(UpdaterConfig.IMAGES, appStreamImages(1), UpdaterConfig.POLL_INTERVAL_MINUTES, 1,
                UpdaterConfig.MAX_WAIT_HOURS, 36, UpdaterConfig.VALIDATION_TIMEOUT_MINUTES, 720);

        List<String> problems = assertThrows(InvalidConfigurationException.class, () -> read(context)).problems();

        assertOneProblem(problems, "pollIntervalMinutes, maxWaitHours, validationTimeoutMinutes",
                "each image may poll 2160 times and then check its staged fleets and bundles 720 times");
        assertEquals(1, read(Map.of(UpdaterConfig.IMAGES, appStreamImages(1), UpdaterConfig.POLL_INTERVAL_MINUTES, 1,
                UpdaterConfig.MAX_WAIT_HOURS, 36)).configuredImageCount());
    }

    @Test
    @DisplayName("polling every minute for up to 48 h is refused even for one image: 2880 polls exceed its execution's history")
    void imagesMustFitTheExecutionHistory() {
        Map<String, Object> context = Map.of(UpdaterConfig.IMAGES, appStreamImages(1),
                UpdaterConfig.POLL_INTERVAL_MINUTES, 1, UpdaterConfig.MAX_WAIT_HOURS, 48);

        List<String> problems = assertThrows(InvalidConfigurationException.class, () -> read(context)).problems();

        assertOneProblem(problems, RUN_LIMIT_KEYS, "history events in its execution, and this pipeline allows 24000 per execution");
        assertTrue(problems.get(0).endsWith("poll less often or wait less"), problems.get(0));
        assertEquals(1, read(Map.of(UpdaterConfig.IMAGES, appStreamImages(1), UpdaterConfig.POLL_INTERVAL_MINUTES, 15,
                UpdaterConfig.MAX_WAIT_HOURS, 48)).configuredImageCount());
    }

    @Test
    @DisplayName("out-of-range numbers are reported as such, without a run-limit problem computed from them")
    void runLimitsOnlyJudgeValidNumbers() {
        List<String> problems = problemsWith(UpdaterConfig.MAX_CONCURRENCY, 0);

        assertOneProblem(problems, UpdaterConfig.MAX_CONCURRENCY, "from 1 to 40");
    }

    @Test
    @DisplayName("configured AppStream images that would claim the same new name fail synth, not the monthly run")
    void configuredNameClashFailsSynth() {
        List<String> problems = problemsWith(UpdaterConfig.IMAGES,
                "[{\"service\": \"APPSTREAM\", \"image\": \"Base\"}, {\"service\": \"APPSTREAM\", \"image\": \"Base-2026-10-14\"}]");

        assertOneProblem(problems, "images[1].image", "would both be updated to");
    }

    @Test
    @DisplayName("targets, the member role and the organization are read as given, and become the definition's Targets")
    void organizationSettings() {
        UpdaterConfig config = read(Map.of(
                UpdaterConfig.TARGETS, List.of(Map.of("account", "111122223333", "regions", List.of("eu-west-1", "us-east-1"))),
                UpdaterConfig.MEMBER_ROLE_NAME, "Patcher",
                UpdaterConfig.MEMBER_EXTERNAL_ID, "ext:id/1",
                UpdaterConfig.ORGANIZATION_ID, "o-abcdefghij",
                UpdaterConfig.UPDATER_ACCOUNT, "999988887777",
                UpdaterConfig.MAX_CONCURRENCY_OVERALL, 100,
                UpdaterConfig.EXPECTED_BUILD_MINUTES, 60));

        assertAll(
                () -> assertEquals(List.of(new Organization.Target("111122223333", List.of("eu-west-1", "us-east-1"))),
                        config.organization().targets()),
                () -> assertEquals(new MemberRole("Patcher", Optional.of("ext:id/1"), Optional.of("o-abcdefghij")),
                        config.organization().memberRole()),
                () -> assertEquals(Optional.of(new MemberTrust("999988887777", config.organization().memberRole(),
                        List.of("eu-west-1", "us-east-1"))),
                        config.memberTrust()),
                () -> assertEquals(Map.of("Targets", "[{\\\"account\\\":\\\"111122223333\\\",\\\"regions\\\":[\\\"eu-west-1\\\",\\\"us-east-1\\\"]}]",
                        "MaxConcurrencyOverall", "100", "ExpectedBuildMinutes", "60"), Map.of(
                        "Targets", config.substitutions().get("Targets"),
                        "MaxConcurrencyOverall", config.substitutions().get("MaxConcurrencyOverall"),
                        "ExpectedBuildMinutes", config.substitutions().get("ExpectedBuildMinutes"))));
    }

    @Test
    @DisplayName("targets given on the command line as JSON text are parsed like cdk.json's list")
    void targetsAsText() {
        assertEquals(List.of(new Organization.Target("111122223333", List.of("eu-west-1"))), read(Map.of(UpdaterConfig.TARGETS,
                "[{\"account\": \"111122223333\", \"regions\": [\"eu-west-1\"]}]")).organization().targets());
    }

    @ParameterizedTest(name = "targets {0} is refused: {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "{\"account\": \"111122223333\", \"regions\": [\"eu-west-1\"]}| targets | must be a list of",
        "[{\"account\": \"11112222333\", \"regions\": [\"eu-west-1\"]}]| targets[0].account | 12-digit AWS account id",
        "[{\"account\": 111122223333, \"regions\": [\"eu-west-1\"]}]| targets[0].account | as a string",
        "[{\"regions\": [\"eu-west-1\"]}]| targets[0].account | 12-digit AWS account id",
        "[{\"account\": \"111122223333\"}]| targets[0].regions | non-empty list of Region names",
        "[{\"account\": \"111122223333\", \"regions\": []}]| targets[0].regions | non-empty list of Region names",
        "[{\"account\": \"111122223333\", \"regions\": [\"Ireland\"]}]| targets[0].regions[0] | Region name",
        "[{\"account\": \"111122223333\", \"regions\": [\"eu-west\"]}]| targets[0].regions[0] | Region name",
        "[{\"account\": \"111122223333\", \"regions\": [\"eu-west-1\", \"eu-west-1\"]}]| targets[0].regions[1] | listed twice",
        "[\"111122223333\"]| targets[0] | must be an object",
    })
    void badTargets(String targets, String key, String rule) {
        assertOneProblem(problemsWith(UpdaterConfig.TARGETS, targets), key, rule);
    }

    @Test
    @DisplayName("an account listed twice in targets is refused: one entry holds all of its Regions")
    void duplicateTargetAccount() {
        List<String> problems = problemsWith(UpdaterConfig.TARGETS, List.of(
                Map.of("account", "111122223333", "regions", List.of("eu-west-1")),
                Map.of("account", "111122223333", "regions", List.of("us-east-1"))));

        assertOneProblem(problems, "targets[1].account", "listed twice");
    }

    @ParameterizedTest(name = "{0} = \"{1}\" is refused")
    @CsvSource({
        "memberRoleName, has space, IAM role name",
        "memberRoleName, AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA, IAM role name",
        "memberExternalId, x, 2-1224",
        "memberExternalId, no spaces allowed, 2-1224",
        "organizationId, o-short, organization id",
        "organizationId, r-abcdefghij, organization id",
        "organizationId, o-ABCDEFGHIJ, organization id",
        "updaterAccount, 12345, 12-digit AWS account id",
        "updaterAccount, 1234567890123, 12-digit AWS account id",
        "maxConcurrencyOverall, 0, from 1 to 1000",
        "maxConcurrencyOverall, 1001, from 1 to 1000",
        "expectedBuildMinutes, 4, from 5 to 1440",
        "expectedBuildMinutes, 1441, from 5 to 1440",
    })
    void badOrganizationSetting(String key, String value, String rule) {
        assertOneProblem(problemsWith(key, value), key, rule);
    }

    @Test
    @DisplayName("an external id of 1224 characters is accepted, one of 1225 refused")
    void externalIdLength() {
        assertEquals(Optional.of("a".repeat(1224)), read(Map.of(UpdaterConfig.MEMBER_EXTERNAL_ID, "a".repeat(1224)))
                .organization().memberRole().externalId());
        assertOneProblem(problemsWith(UpdaterConfig.MEMBER_EXTERNAL_ID, "a".repeat(1225)), UpdaterConfig.MEMBER_EXTERNAL_ID, "2-1224");
    }

    @Test
    @DisplayName("an account id given as a JSON number is refused: it would lose leading zeros")
    void updaterAccountMustBeText() {
        assertOneProblem(problemsWith(UpdaterConfig.UPDATER_ACCOUNT, 999988887777L), UpdaterConfig.UPDATER_ACCOUNT, "as a string");
    }

    @Test
    @DisplayName("maxConcurrencyOverall below maxConcurrency is refused, naming both keys")
    void overallBelowPerRegion() {
        List<String> problems = assertThrows(InvalidConfigurationException.class, () -> read(Map.of(
                UpdaterConfig.MAX_CONCURRENCY, 10, UpdaterConfig.MAX_CONCURRENCY_OVERALL, 9))).problems();

        assertOneProblem(problems, UpdaterConfig.MAX_CONCURRENCY_OVERALL, "must be at least maxConcurrency (10");
        assertEquals(10, read(Map.of(UpdaterConfig.MAX_CONCURRENCY, 10, UpdaterConfig.MAX_CONCURRENCY_OVERALL, 10))
                .pace().maxConcurrencyOverall());
    }

    @Test
    @DisplayName("blank optional keys, as cdk.json ships them, are unset")
    void blankOptionalKeysAreUnset() {
        UpdaterConfig config = read(Map.of(UpdaterConfig.MEMBER_EXTERNAL_ID, "", UpdaterConfig.ORGANIZATION_ID, " ",
                UpdaterConfig.UPDATER_ACCOUNT, ""));

        assertEquals(Optional.empty(), config.organization().memberRole().externalId());
        assertEquals(Optional.empty(), config.organization().memberRole().organizationId());
        assertEquals(Optional.empty(), config.organization().updaterAccount());
    }

    @Test
    @DisplayName("the member stack is built only with updaterAccount, and then needs an external id or an organization")
    void memberTrustOnlyWithUpdaterAccount() {
        List<String> regions = List.of("eu-west-1");
        assertEquals(Optional.empty(), read(Map.of(UpdaterConfig.ORGANIZATION_ID, "o-abcdefghij")).memberTrust());
        assertOneProblem(assertThrows(InvalidConfigurationException.class, () -> read(Map.of(UpdaterConfig.UPDATER_ACCOUNT, "999988887777",
                UpdaterConfig.ADDITIONAL_REGIONS, regions))).problems(), "memberExternalId or organizationId", "needs at least one");
        assertEquals("o-abcdefghij", read(Map.of(UpdaterConfig.UPDATER_ACCOUNT, "999988887777", UpdaterConfig.ADDITIONAL_REGIONS, regions,
                UpdaterConfig.ORGANIZATION_ID, "o-abcdefghij")).memberTrust().orElseThrow().access().organizationId().orElseThrow());
    }

    @Test
    @DisplayName("the member stack needs a Region to act in: the updater's own is not known where it is synthesized")
    void memberTrustNeedsRegions() {
        assertOneProblem(assertThrows(InvalidConfigurationException.class, () -> read(Map.of(UpdaterConfig.UPDATER_ACCOUNT, "999988887777",
                UpdaterConfig.ORGANIZATION_ID, "o-abcdefghij"))).problems(), "targets or additionalRegions",
                "list the Regions the updater works in");
    }

    @Test
    @DisplayName("the Regions IAM names are the targets', the configured images' region and copyToRegions, and additionalRegions, sorted")
    void workRegionsAreTheUnionOfTheConfiguredOnes() {
        UpdaterConfig config = read(Map.of(
                UpdaterConfig.TARGETS, List.of(Map.of("account", "111122223333", "regions", List.of("us-east-1", "eu-west-1"))),
                UpdaterConfig.IMAGES, List.of(Map.of("service", "APPSTREAM", "image", "Finance-Win2022", "region", "ap-southeast-2",
                        "copyToRegions", List.of("eu-central-1"))),
                UpdaterConfig.ADDITIONAL_REGIONS, List.of("eu-west-1", "ca-central-1")));

        assertEquals(List.of("eu-west-1", "ca-central-1"), config.organization().additionalRegions());
        assertEquals(List.of("ap-southeast-2", "ca-central-1", "eu-central-1", "eu-west-1", "us-east-1"), config.workRegions());
        assertEquals(List.of("sa-east-1"), read(Map.of(UpdaterConfig.ADDITIONAL_REGIONS, "[\"sa-east-1\"]")).organization()
                        .additionalRegions(),
                "given on the command line as JSON text");
    }

    @ParameterizedTest(name = "additionalRegions {0} is refused: {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "[\"Ireland\"]| additionalRegions[0] | Region name",
        "[\"eu-west-1\", \"eu-west-1\"]| additionalRegions[1] | listed twice",
        "{\"eu-west-1\": true}| additionalRegions | list of Region names",
        "eu-west-1| additionalRegions | JSON list",
    })
    void badAdditionalRegions(String regions, String key, String rule) {
        assertOneProblem(problemsWith(UpdaterConfig.ADDITIONAL_REGIONS, regions), key, rule);
    }

    @Test
    @DisplayName("approvalEndpointConcurrency takes a whole number, from cdk.json or the command line, or \"none\" for no reservation")
    void approvalEndpointConcurrency() {
        assertEquals(OptionalInt.of(2), read(Map.of(UpdaterConfig.APPROVAL_ENDPOINT_CONCURRENCY, 2)).approvalEndpointConcurrency());
        assertEquals(OptionalInt.of(3), read(Map.of(UpdaterConfig.APPROVAL_ENDPOINT_CONCURRENCY, 3.0)).approvalEndpointConcurrency());
        assertEquals(OptionalInt.of(100), read(Map.of(UpdaterConfig.APPROVAL_ENDPOINT_CONCURRENCY, "100")).approvalEndpointConcurrency());
        assertEquals(OptionalInt.empty(), read(Map.of(UpdaterConfig.APPROVAL_ENDPOINT_CONCURRENCY, "none")).approvalEndpointConcurrency());
    }

    @ParameterizedTest(name = "approvalEndpointConcurrency = {0} is refused")
    @ValueSource(strings = {"0", "101", "-1", "2.5", "unlimited", "None"})
    void badApprovalEndpointConcurrency(String value) {
        assertOneProblem(problemsWith(UpdaterConfig.APPROVAL_ENDPOINT_CONCURRENCY, value), UpdaterConfig.APPROVAL_ENDPOINT_CONCURRENCY,
                "must be a whole number from 1 to 100, or \"none\" for no reservation, got " + value);
    }

    @Test
    @DisplayName("an approvalEndpointConcurrency of 0 is refused with why: Lambda would throttle every request")
    void zeroApprovalEndpointConcurrencyExplained() {
        assertOneProblem(problemsWith(UpdaterConfig.APPROVAL_ENDPOINT_CONCURRENCY, 0), UpdaterConfig.APPROVAL_ENDPOINT_CONCURRENCY,
                "stops the function: every request would be throttled");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            maxConcurency           | maxConcurency: unknown key; did you mean maxConcurrency?
            maxconcurrency          | maxconcurrency: unknown key; did you mean maxConcurrency?
            max-concurrency         | max-concurrency: unknown key; did you mean maxConcurrency?
            Keep_Images             | Keep_Images: unknown key; did you mean keepImages?
            pollInterval            | pollInterval: unknown key; did you mean pollIntervalMinutes?
            notificationEmail       | notificationEmail: unknown key; did you mean notificationEmails?""")
    @DisplayName("a key of ours that nothing reads fails synth, naming it and the nearest key")
    void unknownKeyOfOurs(String key, String problem) {
        assertEquals(List.of(problem), problemsWith(key, 5));
    }

    @Test
    @DisplayName("an unknown key of ours near none of them lists every key, and scheduleExpression keeps its own reason only")
    void unknownKeyNearNone() {
        assertEquals(List.of("dryRun: unknown key; the known keys are " + String.join(", ", UpdaterConfig.KEYS.keys())),
                problemsWith("dryRun", true));
        assertTrue(UpdaterConfig.KEYS.keys().contains(UpdaterConfig.APPROVAL_TIMEOUT_HOURS));
        assertEquals(1, problemsWith("scheduleExpression", "cron(0 6 ? * WED#2 *)").size());
    }

    @Test
    @DisplayName("a configured image's misspelt field fails synth, named by its path and the nearest field")
    void configuredImageField() {
        assertEquals(List.of("images[0].Fleets: unknown field; did you mean fleets?"),
                problemsWith(UpdaterConfig.IMAGES, "[{\"service\": \"APPSTREAM\", \"image\": \"Base\", \"Fleets\": [\"prod\"]}]"));
    }
}
