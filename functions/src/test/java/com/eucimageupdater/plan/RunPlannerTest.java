package com.eucimageupdater.plan;

import com.eucimageupdater.lambda.JsonValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.model.Approval;
import com.eucimageupdater.model.ImageRequest;
import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.RebuildSettings;
import com.eucimageupdater.model.RunSettings;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.model.StagingGate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RunPlannerTest {
    private static final String CONFIGURED = "[{\"service\": \"WORKSPACES\", \"image\": \"wsi-0a1b2c3d4\", \"tags\": {\"team\": \"euc\"}}]";
    private static final String EXECUTION_ID = "arn:aws:states:us-east-1:123456789012:execution:euc-image-updater:run";
    private final RunPlanner planner = new RunPlanner();

    private static PlanRequest request(String input, String configured) throws Exception {
        return new PlanRequest(JsonValues.parse(input), "monthly-2026-11", EXECUTION_ID, "2026-11-10T06:00:00.123Z", configured, "900",
                "480", "5", "UTC", "1", "required", "72", "0", null, null, null, null, null, null, null);
    }

    @Test
    void aScheduledStartOnAnotherDayOfTheWindowIsSkippedWithTheRunDay() throws Exception {
        // July 2026 starts on a Wednesday: WED#2 is the 8th, Patch Tuesday the 14th, the run day the 15th.
        RunPlan plan = planner.plan(request("{\"scheduledTime\": \"2026-07-08T06:00:00Z\"}", CONFIGURED));
        assertTrue(plan.skipped());
        assertEquals(List.of(), plan.images());
        assertEquals("scheduled start on 2026-07-08 skipped: this month's run is on 2026-07-15, 1 day(s) after Patch Tuesday"
                + " (2026-07-14)", plan.skipReason());
    }

    @Test
    void aScheduledStartOnTheRunDayRunsWithTheScheduledDateEvenWhenStartedAfterMidnight() throws Exception {
        PlanRequest lateStart = new PlanRequest(JsonValues.parse("{\"scheduledTime\": \"2026-07-15T23:00:00Z\"}"), "run", EXECUTION_ID,
                "2026-07-16T01:30:00Z", CONFIGURED, "900", "480", "5", "UTC", "1", "required", "72", "0", null, null, null, null, null, null, null);
        RunPlan plan = planner.plan(lateStart);
        assertEquals(false, plan.skipped());
        assertEquals("2026-07-15", plan.runDate());
        assertEquals(1, plan.images().size());
    }

    @Test
    void aRunStartedByHandIsNeverSkipped() throws Exception {
        RunPlan plan = planner.plan(request("{}", CONFIGURED));
        assertEquals(false, plan.skipped());
        assertEquals(1, plan.images().size());
    }

    @Test
    void anUnreadableScheduledTimeIsAProblemNamingTheField() throws Exception {
        List<String> problems = planner.plan(request("{\"scheduledTime\": \"next Wednesday\"}", CONFIGURED)).problems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("input.scheduledTime: must be an ISO-8601 time"), problems.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"Comment\": \"Insert your JSON here\"}", "{\"images\": []}", "{\"images\": null}"})
    void inputWithoutImagesRunsTheConfiguredImages(String input) throws Exception {
        RunPlan plan = planner.plan(request(input, CONFIGURED));
        assertEquals(List.of(), plan.problems());
        assertEquals(List.of("wsi-0a1b2c3d4"), plan.images().stream().map(ImageRequest::image).toList());
        assertEquals(Map.of("team", "euc"), plan.images().get(0).tags());
    }

    @Test
    void imagesInTheInputReplaceTheConfiguredOnes() throws Exception {
        RunPlan plan = planner.plan(request("{\"images\": [{\"service\": \"APPSTREAM\", \"image\": \"Base-Win2022\"}]}", CONFIGURED));
        assertEquals(1, plan.images().size());
        assertEquals(Service.APPSTREAM, plan.images().get(0).service());
    }

    @Test
    void theRunsSettingsArePlannedOnceWithThePollBoundAndTheAccount() throws Exception {
        RunSettings run = planner.plan(request("{}", CONFIGURED)).run();
        assertEquals("2026-11-10", run.runDate());
        assertEquals("monthly-2026-11", run.executionName());
        assertEquals("123456789012", run.account(), "the account in the execution's ARN");
        assertEquals(900, run.pollIntervalSeconds());
        assertEquals(32, run.maxPolls(), "480 minutes at one poll every 15 minutes");
        assertEquals("8 h", run.maxWaitText());
    }

    @Test
    void aWaitThatIsNotWholeHoursIsSaidInMinutesAndRoundsPollsUp() throws Exception {
        PlanRequest request = new PlanRequest(JsonValues.parse("{}"), "run", EXECUTION_ID,
                "2026-11-10T06:00:00Z", CONFIGURED, "600", "95", "5", "UTC", "1", "required", "72", "0", null, null, null, null, null, null, null);
        RunSettings run = planner.plan(request).run();
        assertEquals(10, run.maxPolls());
        assertEquals("95 min", run.maxWaitText());
    }

    @Test
    void nothingInTheInputAndNothingConfiguredIsAProblem() throws Exception {
        RunPlan plan = planner.plan(request("{}", "[]"));
        assertEquals(1, plan.problems().size());
        assertTrue(plan.problems().get(0).startsWith("images: the input names no images and none are configured"));
        assertTrue(plan.images().isEmpty());
    }

    @Test
    void badInputImagesStopTheWholeRun() throws Exception {
        RunPlan plan = planner.plan(request("""
                {"images": [{"service": "APPSTREAM", "image": "good"}, {"service": "WORKSPACES", "image": "bad"}]}""", CONFIGURED));
        assertTrue(plan.images().isEmpty(), "no image runs when any is invalid");
        assertEquals(1, plan.problems().size());
        assertTrue(plan.problems().get(0).startsWith("images[1].image:"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            []                               | a list (the images go in {"images": [...]})
            [{"service": "APPSTREAM"}]       | a list (the images go in {"images": [...]})
            `""`                             | ""
            42                               | 42
            null                             | nothing (an empty input, or null)""")
    void inputThatIsNotAnObjectIsOneProblemAndRunsNothingNotEvenTheConfiguredImages(String input, String shown) throws Exception {
        RunPlan plan = planner.plan(request(input, CONFIGURED));
        assertEquals(List.of("input: must be a JSON object such as {\"images\": [...]}, or {} for the configured images; got " + shown),
                plan.problems());
        assertEquals(List.of(), plan.images());
    }

    @Test
    void anAbsentInputIsRefusedLikeNull() throws Exception {
        PlanRequest absent = new PlanRequest(null, "run", EXECUTION_ID, "2026-11-10T06:00:00Z", CONFIGURED, "900", "480", "5", "UTC", "1",
                "required", "72", "0", null, null, null, null, null, null, null);
        assertEquals(List.of("input: must be a JSON object such as {\"images\": [...]}, or {} for the configured images; got nothing"
                + " (an empty input, or null)"), planner.plan(absent).problems());
    }

    @Test
    void aMisspeltRunFieldRefusesTheRunWithTheFieldItMeant() throws Exception {
        RunPlan plan = planner.plan(request("{\"images\": [{\"service\": \"APPSTREAM\", \"image\": \"Base-Win2022\"}], \"dryrun\": true}",
                CONFIGURED));
        assertEquals(List.of("input.dryrun: unknown field; did you mean dryRun?"), plan.problems());
        assertEquals(List.of(), plan.images(), "no image is planned, so none is built for real");
    }

    @Test
    void aRunFieldInAnItemSaysItBelongsAtTheTopAndAnItemFieldAtTheTopSaysItBelongsInAnItem() throws Exception {
        RunPlan plan = planner.plan(request("""
                {"images": [{"service": "APPSTREAM", "image": "Base-Win2022", "dryRun": true, "Fleets": ["prod"]}],
                 "fleets": ["prod-2"], "Approval": "none"}""", CONFIGURED));
        assertEquals(List.of(
                "input.fleets: fleets belongs to one image; put it in that image's item of \"images\"",
                "input.Approval: unknown field; did you mean approval?",
                "images[0].dryRun: dryRun applies to the whole run; put it at the top level",
                "images[0].Fleets: unknown field; did you mean fleets?"), plan.problems());
    }

    @Test
    void anUnknownFieldNamesEveryFieldTheInputTakes() throws Exception {
        assertEquals(List.of("input.colour: unknown field; the known fields are images, dryRun, approval, rollback, promote, report, rebuild,"
                + " Comment, scheduledTime"), planner.plan(request("{\"colour\": \"blue\"}", CONFIGURED)).problems());
    }

    @Test
    void rebuildWithoutARollbackIsRefused() throws Exception {
        List<String> problems = planner.plan(request("{\"rebuild\": true}", CONFIGURED)).problems();
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("input.rebuild: rebuilds the WorkSpaces of the bundles a rollback moves back: give it with"
                + " \"rollback\""), problems.get(0));
    }

    @Test
    void aRollbackThatRebuildsTakesEachConfiguredBundlesRebuildSettings() throws Exception {
        String configured = "[{\"service\": \"WORKSPACES\", \"image\": \"wsi-0a1b2c3d4\", \"bundles\": [\"wsb-prod00001\"],"
                + " \"rebuild\": {\"batchSize\": 10, \"window\": {\"days\": [\"SUN\"], \"start\": \"01:00\", \"hours\": 4}}},"
                + " {\"service\": \"WORKSPACES\", \"image\": \"wsi-5e6f7g8h9\", \"bundles\": [\"wsb-prod00002\"]}]";
        RunPlan plan = planner.plan(request("{\"rollback\": \"monthly-2026-10\", \"rebuild\": true}", configured));
        assertEquals(List.of(), plan.problems());
        assertEquals(List.of(new RebuildSettings.ForBundle("wsb-prod00001", new RebuildSettings(1, 10, 0, 120,
                new RebuildSettings.Window(List.of("SUN"), "01:00", 4)))), plan.rebuildSettings());
        assertNull(planner.plan(request("{\"rollback\": \"monthly-2026-10\"}", configured)).rebuildSettings(),
                "a rollback without rebuild rebuilds nothing");
        assertEquals(plan.rebuildSettings(), planner.plan(request("{\"promote\": \"monthly-2026-10\"}", configured)).rebuildSettings(),
                "a promote rebuilds as the monthly run would have");
    }

    @Test
    void rebuildMustBeTrueOrFalse() throws Exception {
        assertEquals(List.of("input.rebuild: must be true or false, got \"yes\""),
                planner.plan(request("{\"rollback\": \"monthly-2026-10\", \"rebuild\": \"yes\"}", CONFIGURED)).problems());
    }

    @Test
    void aRollbackWithAnUnknownFieldIsRefusedNotStarted() throws Exception {
        RunPlan plan = planner.plan(request("{\"rollback\": \"monthly-2026-10\", \"dryrun\": true}", CONFIGURED));
        assertEquals(List.of("input.dryrun: unknown field; did you mean dryRun?"), plan.problems());
        assertEquals(null, plan.rollback());
    }

    @Test
    void aScheduledStartWithAnUnknownFieldIsRefusedEvenOnAnotherDayOfTheWindow() throws Exception {
        RunPlan plan = planner.plan(request("{\"scheduledTime\": \"2026-07-08T06:00:00Z\", \"image\": \"x\"}", CONFIGURED));
        assertEquals(false, plan.skipped());
        assertEquals(List.of("input.image: image belongs to one image; put it in that image's item of \"images\""), plan.problems());
    }

    @Test
    void brokenDeploymentSettingsAreReportedByName() throws Exception {
        PlanRequest request = new PlanRequest(JsonValues.parse("{}"), "run", EXECUTION_ID,
                "2026-11-10T06:00:00Z", "not json", "0", "x", "5", "Mars/Olympus", "1", "required", "72", "0", null, null, null, null, null, null, null);
        List<String> problems = planner.plan(request).problems();
        assertEquals(4, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("settings.timeZone: must be an IANA time zone"));
        assertTrue(problems.get(1).startsWith("settings.pollIntervalSeconds: must be a whole number from 1"));
        assertTrue(problems.get(2).startsWith("settings.maxWaitMinutes:"));
        assertTrue(problems.get(3).startsWith("configuredImages: is not valid JSON"));
    }

    @Test
    void aMissingStartTimeIsAnError() throws Exception {
        PlanRequest request = new PlanRequest(JsonValues.parse("{}"), "run", EXECUTION_ID,
                null, CONFIGURED, "900", "480", "5", "UTC", "1", "required", "72", "0", null, null, null, null, null, null, null);
        assertThrows(IllegalArgumentException.class, () -> planner.plan(request));
    }

    @Test
    void theRunDateIsReckonedInTheSchedulesTimeZone() throws Exception {
        PlanRequest sydneyMorning = new PlanRequest(JsonValues.parse("{}"), "run", EXECUTION_ID,
                "2026-11-10T19:30:00Z", CONFIGURED, "900", "480", "5", "Australia/Sydney", "1", "required", "72", "0", null, null, null,
                null, null, null, null);
        assertEquals("2026-11-11", planner.plan(sydneyMorning).runDate());
    }

    @Test
    void appStreamSourcesThatWouldShareANewNameAreRefused() throws Exception {
        RunPlan plan = planner.plan(request("""
                {"images": [{"service": "APPSTREAM", "image": "Base"}, {"service": "APPSTREAM", "image": "Base-2026-10-14"},
                            {"service": "APPSTREAM", "image": "Office-2026-11-10"}]}""", CONFIGURED));
        assertEquals(List.of(
                "images[1].image: \"Base-2026-10-14\" and images[0] would both be updated to \"Base-<run date>\" (a date suffix is"
                        + " replaced); keep one of them"),
                plan.problems());
        RunPlan todays = planner.plan(request("{\"images\": [{\"service\": \"APPSTREAM\", \"image\": \"Office-2026-11-10\"}]}", CONFIGURED));
        assertEquals(List.of("images[0].image: \"Office-2026-11-10\" is itself today's updated image; list the image it was made from"
                + " instead"), todays.problems());
    }

    private static String appStreamImages(int count) {
        StringBuilder images = new StringBuilder();
        for (int i = 0; i < count; i++) {
            images.append(i == 0 ? "" : ",").append("{\"service\": \"APPSTREAM\", \"image\": \"Image-").append(i).append("\"}");
        }
        return "{\"images\": [" + images + "]}";
    }

    @Test
    void aRunThatCouldOutlastTheExecutionTimeoutIsRefusedUpFront() throws Exception {
        List<String> problems = planner.plan(request(appStreamImages(200), CONFIGURED)).problems();
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("5 at a time in each account and Region and 5 in all, each waiting up to 480 min, then up to"
                + " 72 h for approval, could take 432 h, more than the execution's 336 h"), problems.get(0));
    }

    @Test
    void aThousandImagesFitInOneRunWhenEnoughBuildAtOnceAndAThousandAndOneDoNot() throws Exception {
        PlanRequest thousand = withOrganization(request(imagesInSixPlaces(1000), CONFIGURED), "[]", "50", "200");
        assertEquals(List.of(), planner.plan(thousand).problems(), "each image polls in its own child execution");

        List<String> crowded = planner.plan(withOrganization(request(appStreamImages(201), CONFIGURED), "[]", "200", "200")).problems();
        assertEquals(List.of("images: 201 images in account 123456789012, us-east-1, and one account and Region takes at most 200 a run"
                + " (their results must fit in its child execution's 256 KB of data): split them over several runs"), crowded);

        List<String> problems = planner.plan(withOrganization(request(imagesInSixPlaces(1001), CONFIGURED), "[]", "1000", "1000"))
                .problems();
        assertTrue(problems.get(0).startsWith("images: 1001 images in one run, and a run takes at most 1000"), problems::toString);
    }

    @Test
    void itemsTooLargeForTheExecutionsDataAreRefusedWithTheirSize() throws Exception {
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            tags.append(i == 0 ? "" : ",").append("\"cost-center-").append(i).append("\": \"finance-and-controlling\"");
        }
        StringBuilder images = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            images.append(i == 0 ? "" : ",").append("{\"service\": \"APPSTREAM\", \"image\": \"Image-").append(i)
                    .append("\", \"tags\": {").append(tags).append("}}");
        }
        List<String> problems = planner.plan(withOrganization(request("{\"images\": [" + images + "]}", CONFIGURED), "[]", "200", "200"))
                .problems();

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).matches("images: the run's 200 items take about \\d+ KB of the execution's data, and at most 240 KB fit"
                + ".*"), problems.get(0));
    }

    @Test
    void aFleetItemIsResolvedInEveryTargetAndAnItemWithItsOwnAccountStaysThere() throws Exception {
        PlanRequest request = withOrganization(request("""
                {"images": [{"service": "APPSTREAM", "fleet": "Base-Prod"},
                            {"service": "APPSTREAM", "image": "Finance-Win2022", "account": "333333333333", "region": "eu-west-1"},
                            {"service": "WORKSPACES", "image": "wsi-0a1b2c3d4"}]}""", CONFIGURED),
                "[{\"account\": \"222222222222\", \"regions\": [\"us-east-1\", \"eu-west-1\"]}, {\"account\": \"333333333333\"}]", "5", "50");

        RunPlan plan = planner.plan(request);

        assertEquals(List.of(), plan.problems());
        assertEquals(List.of("Base-Prod 222222222222 us-east-1", "Base-Prod 222222222222 eu-west-1", "Base-Prod 333333333333 us-east-1",
                "Finance-Win2022 333333333333 eu-west-1", "wsi-0a1b2c3d4 123456789012 us-east-1"), plan.images().stream()
                .map(item -> (item.image() != null ? item.image() : item.fromTarget()) + " " + item.account() + " " + item.region()).toList());
    }

    @Test
    void badAccountsRegionsAndTargetsAreReportedByFieldBeforeAnyCall() throws Exception {
        PlanRequest request = withOrganization(request("""
                {"images": [{"service": "APPSTREAM", "image": "a", "account": "12345", "region": "Europe",
                             "copyToRegions": ["eu-west-1", "eu-west-1"], "shareWithAccounts": ["abc"]}]}""", CONFIGURED),
                "[{\"account\": \"222222222222\", \"regions\": []}]", "5", "50");

        List<String> problems = planner.plan(request).problems();

        assertEquals(List.of(
                "settings.targets[0].regions: must be a non-empty list of Region names such as [\"eu-west-1\"]",
                "images[0].account: must be a 12-digit AWS account id, got \"12345\"",
                "images[0].region: must be an AWS Region name such as eu-west-1, got \"Europe\"",
                "images[0].copyToRegions[1]: \"eu-west-1\" is listed twice",
                "images[0].shareWithAccounts[0]: must be a 12-digit AWS account id, got \"abc\""), problems);
    }

    /** Spread over three accounts and two Regions, as in an organization. */
    private static String imagesInSixPlaces(int count) {
        StringBuilder images = new StringBuilder();
        for (int i = 0; i < count; i++) {
            images.append(i == 0 ? "" : ",").append("{\"service\": \"APPSTREAM\", \"image\": \"Image-").append(i)
                    .append("\", \"account\": \"").append(String.valueOf(2 + i % 3).repeat(12)).append("\", \"region\": \"")
                    .append(i % 2 == 0 ? "us-east-1" : "eu-west-1").append("\"}");
        }
        return "{\"images\": [" + images + "]}";
    }

    /** An organization's deployment, working in the Regions of its targets and imagesInSixPlaces. */
    private static PlanRequest withOrganization(PlanRequest request, String targets, String maxConcurrency, String maxConcurrencyOverall) {
        return withSettings(request, targets, maxConcurrency, maxConcurrencyOverall, "[\"eu-west-1\", \"us-east-1\"]");
    }

    private static PlanRequest withWorkRegions(PlanRequest request, String workRegions) {
        return withSettings(request, request.targets(), request.maxConcurrency(), request.maxConcurrencyOverall(), workRegions);
    }

    private static PlanRequest withSettings(PlanRequest request, String targets, String maxConcurrency, String maxConcurrencyOverall,
            String workRegions) {
        return new PlanRequest(request.input(), request.executionName(), request.executionId(), request.startTime(),
                request.configuredImages(), request.pollIntervalSeconds(), request.maxWaitMinutes(), maxConcurrency,
                request.timeZone(), request.daysAfterPatchTuesday(), request.approval(), request.approvalTimeoutHours(), request.keepImages(),
                targets, maxConcurrencyOverall, null, workRegions, request.promoteAfterHours(), request.disableAfterFailures(),
                request.validationTimeoutMinutes());
    }

    private static PlanRequest withSoak(PlanRequest request, String promoteAfterHours, String disableAfterFailures) {
        return new PlanRequest(request.input(), request.executionName(), request.executionId(), request.startTime(),
                request.configuredImages(), request.pollIntervalSeconds(), request.maxWaitMinutes(), request.maxConcurrency(),
                request.timeZone(), request.daysAfterPatchTuesday(), request.approval(), request.approvalTimeoutHours(), request.keepImages(),
                request.targets(), request.maxConcurrencyOverall(), null, request.workRegions(), promoteAfterHours, disableAfterFailures,
                request.validationTimeoutMinutes());
    }

    @Test
    void anAutoApprovalWaitsPromoteAfterHoursForAReject() throws Exception {
        RunSettings run = planner.plan(withSoak(request("{\"approval\": \"auto\"}", CONFIGURED), "36", "3")).run();

        assertEquals(Approval.AUTO, run.approval());
        assertEquals(36 * 3600, run.approvalTimeoutSeconds(), "the AwaitApproval task's timeout is the soak");
        assertEquals(36, run.promoteAfterHours());
    }

    @Test
    void aRequiredApprovalKeepsItsTimeoutAndCarriesNoSoak() throws Exception {
        RunSettings run = planner.plan(withSoak(request("{}", CONFIGURED), "36", "3")).run();

        assertEquals(72 * 3600, run.approvalTimeoutSeconds());
        assertNull(run.promoteAfterHours());
    }

    @Test
    void anItemsPromoteAfterHoursIsRefusedAsRunWideBeforeAnyAwsCall() throws Exception {
        RunPlan plan = planner.plan(request("""
                {"approval": "auto", "images": [{"service": "APPSTREAM", "image": "Base-Win2022", "promoteAfterHours": 2}]}""", CONFIGURED));

        assertEquals(List.of("images[0].promoteAfterHours: promoteAfterHours is run-wide (one clock for the whole run, so an image or a run"
                + " may not set its own): set it once, as cdk.json's promoteAfterHours"), plan.problems());
        assertTrue(plan.images().isEmpty(), "nothing is planned");
    }

    @Test
    void aConfiguredItemsPromoteAfterHoursIsRefusedToo() throws Exception {
        RunPlan plan = planner.plan(request("{}", "[{\"service\": \"WORKSPACES\", \"image\": \"wsi-0a1b2c3d4\", \"promoteAfterHours\": 1}]"));

        assertEquals(1, plan.problems().size(), plan.problems()::toString);
        assertTrue(plan.problems().get(0).startsWith("configuredImages[0].promoteAfterHours: promoteAfterHours is run-wide"),
                plan.problems()::toString);
    }

    @Test
    void aSoakOrAFailureLimitOutOfRangeIsRefusedNamingTheSettingAndTheRule() throws Exception {
        List<String> problems = planner.plan(withSoak(request("{}", CONFIGURED), "0", "13")).problems();

        assertEquals(List.of("settings.promoteAfterHours: must be a whole number from 1 to 168, got \"0\"",
                "settings.disableAfterFailures: must be a whole number from 0 to 12, got \"13\""), problems);
    }

    @Test
    void anUnknownApprovalIsRefusedListingAuto() throws Exception {
        assertEquals(List.of("input.approval: must be \"required\" (production waits for an approve link), \"none\" (production right"
                + " after staging) or \"auto\" (production after promoteAfterHours unless rejected), got \"soon\""),
                planner.plan(request("{\"approval\": \"soon\"}", CONFIGURED)).problems());
    }

    @Test
    void onlyAScheduledStartIsMarkedScheduledAndCarriesTheFailureLimit() throws Exception {
        RunSettings byHand = planner.plan(withSoak(request("{}", CONFIGURED), "24", "2")).run();
        RunSettings scheduled = planner.plan(withSoak(request("{\"scheduledTime\": \"2026-11-11T06:00:00Z\"}", CONFIGURED), "24", "2"))
                .run();

        assertFalse(byHand.bySchedule());
        assertTrue(scheduled.bySchedule());
        assertEquals(2, scheduled.disableAfterFailures());
    }

    @Test
    void anItemInARegionTheDeploymentDoesNotWorkInIsRefusedNamingTheFieldAndTheWayOut() throws Exception {
        PlanRequest request = withWorkRegions(request("""
                {"images": [{"service": "APPSTREAM", "image": "Base-Win2022", "region": "sa-east-1"}]}""", CONFIGURED),
                "[\"ap-southeast-2\", \"eu-west-1\"]");

        RunPlan plan = planner.plan(request);

        assertEquals(List.of("images[0].region: \"sa-east-1\" is not a Region this deployment works in (its own us-east-1, and cdk.json's"
                + " targets, images and additionalRegions: ap-southeast-2, eu-west-1); add it to additionalRegions in cdk.json and deploy"
                + " again"), plan.problems());
        assertEquals(List.of(), plan.images(), "nothing to act on");
    }

    @Test
    void aCopyToARegionTheDeploymentDoesNotWorkInIsRefusedNamingTheEntry() throws Exception {
        PlanRequest request = withWorkRegions(request("""
                {"images": [{"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "copyToRegions": ["eu-west-1", "sa-east-1"]}]}""",
                CONFIGURED), "[\"eu-west-1\"]");

        assertEquals(List.of("images[0].copyToRegions[1]: \"sa-east-1\" is not a Region this deployment works in (its own us-east-1,"
                + " and cdk.json's targets, images and additionalRegions: eu-west-1); add it to additionalRegions in cdk.json and deploy"
                + " again"), planner.plan(request).problems());
    }

    @Test
    void itemsAndCopiesInTheWorkRegionsArePlanned() throws Exception {
        PlanRequest request = withWorkRegions(request("""
                {"images": [{"service": "APPSTREAM", "image": "Base-Win2022", "region": "eu-west-1",
                             "copyToRegions": ["ap-southeast-2"]}]}""", CONFIGURED), "[\"ap-southeast-2\", \"eu-west-1\"]");

        RunPlan plan = planner.plan(request);

        assertEquals(List.of(), plan.problems());
        assertEquals(List.of("eu-west-1"), plan.images().stream().map(ImageRequest::region).toList());
    }

    @Test
    void theDeploymentsOwnRegionAlwaysPassesEvenWhenItWorksInNoOther() throws Exception {
        PlanRequest inOwnRegion = withWorkRegions(request("""
                {"images": [{"service": "APPSTREAM", "image": "Base-Win2022", "region": "us-east-1"}]}""", CONFIGURED), "[]");
        assertEquals(List.of(), planner.plan(inOwnRegion).problems());

        PlanRequest copiedHome = withWorkRegions(request("""
                {"images": [{"service": "APPSTREAM", "image": "Base-Win2022", "region": "eu-west-1", "copyToRegions": ["us-east-1"]}]}""",
                CONFIGURED), "[\"eu-west-1\"]");
        assertEquals(List.of(), planner.plan(copiedHome).problems());

        PlanRequest elsewhereWithNoneListed = withWorkRegions(request("""
                {"images": [{"service": "APPSTREAM", "image": "Base-Win2022", "copyToRegions": ["eu-west-1"]}]}""", CONFIGURED), "[]");
        assertEquals(List.of("images[0].copyToRegions[0]: \"eu-west-1\" is not a Region this deployment works in (its own us-east-1, and"
                + " cdk.json's targets, images and additionalRegions: none); add it to additionalRegions in cdk.json and deploy again"),
                planner.plan(elsewhereWithNoneListed).problems());
    }

    @Test
    void aMemberAccountsItemWithoutARegionIsRefusedUnlessTheOwnRegionIsAWorkRegionSinceTheMemberRoleNamesOnlyThose() throws Exception {
        String input = """
                {"images": [{"service": "APPSTREAM", "image": "Base-Win2022", "account": "222222222222"}]}""";

        assertEquals(List.of("images[0].region: \"us-east-1\" is not a Region this deployment works in for a member account (its member"
                + " role names only cdk.json's targets, images and additionalRegions: eu-west-1); add it to additionalRegions in cdk.json"
                + " and deploy again, the member stacks too"), planner.plan(withWorkRegions(request(input, CONFIGURED), "[\"eu-west-1\"]"))
                .problems());
        assertEquals(List.of(), planner.plan(withWorkRegions(request(input, CONFIGURED), "[\"eu-west-1\", \"us-east-1\"]")).problems());
    }

    @Test
    void aBrokenWorkRegionsSettingIsReportedByName() throws Exception {
        assertEquals(List.of("settings.workRegions: must be a list of Region names such as [\"eu-west-1\"], got {\"eu-west-1\": true};"
                + " check \"targets\", \"images\" and \"additionalRegions\" in cdk.json and deploy again"),
                planner.plan(withWorkRegions(request("{}", CONFIGURED), "{\"eu-west-1\": true}")).problems());
    }

    @Test
    void sixtyImagesFitOneExecutionWithTheDefaults() throws Exception {
        assertEquals(List.of(), planner.plan(request(appStreamImages(60), CONFIGURED)).problems());
    }

    @Test
    void aFloodOfProblemsIsCutToTheFirstHundredSoTheMailStillGoesOut() throws Exception {
        StringBuilder images = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            images.append(i == 0 ? "" : ",").append("{\"service\": \"EC2\", \"image\": \"i-").append(i).append("\"}");
        }
        List<String> problems = planner.plan(request("{\"images\": [" + images + "]}", CONFIGURED)).problems();
        assertEquals(101, problems.size());
        assertEquals("... and 50 more problems of the same kinds", problems.get(100));
    }

    @Test
    void aPromoteNamesAnotherExecutionWithItsApprovalAndIsLookedForInEveryAccountAndRegion() throws Exception {
        RunPlan plan = planner.plan(withOrganization(request("{\"promote\": \"monthly-2026-10\", \"approval\": \"none\", \"dryRun\": true}",
                CONFIGURED), "[{\"account\": \"222222222222\", \"regions\": [\"eu-west-1\"]}]", "5", "50"));

        assertEquals(List.of(), plan.problems());
        assertEquals("monthly-2026-10", plan.promote());
        assertEquals("monthly-2026-10", plan.run().promote(), "the roll-out and the mail know whose images these are");
        assertEquals(null, plan.rollback());
        assertEquals(List.of(), plan.images(), "nothing is built");
        assertEquals(Approval.NONE, plan.run().approval());
        assertTrue(plan.run().dryRun());
        assertEquals(List.of(new Location("123456789012", "us-east-1"), new Location("222222222222", "eu-west-1")), plan.locations());
    }

    @Test
    void aDriftReportSurveysEveryAccountAndRegionEachListingItsShareOfTheRows() throws Exception {
        RunPlan plan = planner.plan(withOrganization(request("{\"report\": \"drift\", \"Comment\": \"by hand\"}", CONFIGURED),
                "[{\"account\": \"222222222222\", \"regions\": [\"eu-west-1\", \"eu-central-1\"]}]", "5", "50"));

        assertEquals(List.of(), plan.problems());
        assertEquals("drift", plan.report());
        assertEquals(List.of(), plan.images(), "nothing is built");
        assertEquals(List.of(new Location("123456789012", "us-east-1"), new Location("222222222222", "eu-west-1"),
                new Location("222222222222", "eu-central-1")), plan.locations());
        assertEquals(RunPlan.DRIFT_ROWS / 3, plan.run().surveyRows());
    }

    @Test
    void aMonthlyRunsPlacesAreSurveyedForItsMailCountsOnly() throws Exception {
        RunPlan plan = planner.plan(withOrganization(request("{}", CONFIGURED), "[{\"account\": \"222222222222\"}]", "5", "50"));

        assertEquals(List.of(new Location("123456789012", "us-east-1"), new Location("222222222222", "us-east-1")), plan.locations());
        assertEquals(null, plan.run().surveyRows(), "no rows: the section counts, and the items carry nothing more");
        assertEquals(null, plan.report());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            another report | {"report": "inventory"}                 | input.report: must be "drift" (the only report: where every fleet and bundle stands), got "inventory"
            not a string   | {"report": true}                        | input.report: must be "drift" (the only report: where every fleet and bundle stands), got true
            with dryRun    | {"report": "drift", "dryRun": true}     | input.dryRun: a drift report takes no other field; start it with only {"report": "drift"}
            with images    | {"report": "drift", "images": []}       | input.images: a drift report takes no other field; start it with only {"report": "drift"}
            misspelt       | {"reprot": "drift"}                     | input.reprot: unknown field; did you mean report?
            """)
    void aBadReportIsRefusedNamingTheFieldAndItsValues(String what, String input, String problem) throws Exception {
        RunPlan plan = planner.plan(request(input, CONFIGURED));

        assertEquals(List.of(problem), plan.problems());
        assertEquals(null, plan.run(), "refused before any AWS call");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not a name   | {"promote": "next month"}                             | must be the name of the execution whose staged images
            not a string | {"promote": 5}                                        | must be the name of the execution whose staged images
            with images  | {"promote": "r", "images": [{"service": "APPSTREAM", "image": "a"}]} | a promote run names no images
            and rollback | {"promote": "r", "rollback": "s"}                     | a run either promotes an execution or rolls one back
            """)
    void aPromoteThatNamesNoExecutionOrMoreIsRefused(String rule, String input, String problem) throws Exception {
        List<String> problems = planner.plan(request(input, CONFIGURED)).problems();

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("input.promote: " + problem), problems.get(0));
    }

    @Test
    void theImageEachProductionFleetUsesCountsInTheRunsDataBeforeAnyCall() throws Exception {
        StringBuilder images = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            StringBuilder fleets = new StringBuilder();
            for (int j = 0; j < 10; j++) {
                fleets.append(j == 0 ? "" : ",").append("\"Finance-Production-Fleet-").append(i).append('-').append(j).append('"');
            }
            images.append(i == 0 ? "" : ",").append("{\"service\": \"APPSTREAM\", \"image\": \"Image-").append(i)
                    .append("\", \"fleets\": [").append(fleets).append("]}");
        }
        List<String> problems = planner.plan(withOrganization(request("{\"images\": [" + images + "]}", CONFIGURED), "[]", "200", "200"))
                .problems();

        // The items as planned take about 100 KB; resolved, each fleet adds the image it uses, up to 101 characters.
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("images: the run's 200 items take about"), problems.get(0));
    }

    @Test
    void eachItemsGateIsBoundedByItsOwnValidationTimeoutElseTheDeploymentsAsAPollCount() throws Exception {
        RunPlan plan = planner.plan(new PlanRequest(JsonValues.parse("""
                {"images": [{"service": "APPSTREAM", "image": "Base-Win2022", "stagingFleets": ["Base-Test"]},
                            {"service": "APPSTREAM", "image": "Office-Win2022", "stagingFleets": ["Office-Test"],
                             "validationTimeoutMinutes": 30}]}"""), "run", EXECUTION_ID, "2026-11-10T06:00:00Z", CONFIGURED, "240",
                "480", "5", "UTC", "1", "required", "72", "0", null, null, null, null, null, null, "90"));

        assertEquals(List.of(), plan.problems());
        assertEquals(List.of(new StagingGate(90, 23, null), new StagingGate(30, 8, null)),
                plan.images().stream().map(ImageRequest::gate).toList());
    }

    @Test
    void aValidationTimeoutSettingOutOfRangeIsRefusedNamingTheSetting() throws Exception {
        RunPlan plan = planner.plan(new PlanRequest(JsonValues.parse("{}"), "run", EXECUTION_ID, "2026-11-10T06:00:00Z", CONFIGURED, "900",
                "480", "5", "UTC", "1", "required", "72", "0", null, null, null, null, null, null, "721"));

        assertEquals(List.of("settings.validationTimeoutMinutes: must be a whole number from 1 to 720, got \"721\""), plan.problems());
    }
}
