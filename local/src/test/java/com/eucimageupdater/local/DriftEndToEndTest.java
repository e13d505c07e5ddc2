package com.eucimageupdater.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.simulator.PublishedMessage;
import com.eucimageupdater.simulator.RecordedCall;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code {"report": "drift"}} and the monthly mail's drift section, on the real ASL against the simulator's record. */
class DriftEndToEndTest {
    /**
     * One page per answer (every list paged through): three fleets (one Elastic, left out), a builder, two bundles of the
     * account and one of AMAZON's, images old and new, a platform past its end of support, pipeline images in use and not.
     */
    private static final String SCENARIO = """
            {"region": "us-east-1", "accountId": "123456789012", "seed": 3,
             "appstream": {"pageSize": 1, "images": [
                {"name": "Base-Win2022", "platform": "WINDOWS_SERVER_2022", "created": "2026-01-05T09:00:00Z", "updateAvailable": true,
                 "build": {"outcome": "AVAILABLE", "pollsUntilDone": 1}},
                {"name": "Tools-AL2", "platform": "AMAZON_LINUX2", "created": "2026-05-12T09:00:00Z"},
                {"name": "Base-Win2022-2026-06-09", "platform": "WINDOWS_SERVER_2022", "created": "2026-06-09T07:00:00Z",
                 "tags": {"euc-image-updater:source-image": "Base-Win2022", "euc-image-updater:lineage": "Base-Win2022"}},
                {"name": "Base-Win2022-2026-07-14", "platform": "WINDOWS_SERVER_2022", "created": "2026-07-14T07:00:00Z",
                 "tags": {"euc-image-updater:source-image": "Base-Win2022", "euc-image-updater:lineage": "Base-Win2022"}}],
              "fleets": [{"name": "prod", "imageName": "Base-Win2022"}, {"name": "tools", "imageName": "Tools-AL2", "state": "STOPPED"},
                         {"name": "apps", "type": "ELASTIC", "platform": "WINDOWS_SERVER_2022"}],
              "imageBuilders": [{"name": "builder", "imageName": "Base-Win2022-2026-07-14", "state": "STOPPED"}]},
             "workspaces": {"pageSize": 1, "images": [
                {"id": "wsi-0a1b2c3d4", "name": "win10", "description": "Windows 10", "os": "WINDOWS", "created": "2025-03-02T10:00:00Z",
                 "updateAvailable": true},
                {"id": "wsi-5e6f7a8b9", "name": "win10-2026-08-11", "description": "Made by the pipeline", "os": "WINDOWS",
                 "created": "2026-08-11T08:00:00Z", "tags": {"euc-image-updater:source-image": "wsi-0a1b2c3d4"}}],
              "bundles": [{"id": "wsb-0a1b2c3d4", "name": "office", "imageId": "wsi-0a1b2c3d4", "workspaces": 1,
                           "operatingSystemName": "WINDOWS_10", "namedWorkspaces": [
                             {"id": "ws-rebuilt01", "tags": {"euc-image-updater:rebuilt": "wsi-0a1b2c3d4"}},
                             {"id": "ws-olderimg1", "tags": {"euc-image-updater:rebuilt": "wsi-5e6f7a8b9"}}]},
                          {"id": "wsb-1b2c3d4e5", "name": "spare", "imageId": "wsi-0a1b2c3d4", "workspaces": 0},
                          {"id": "wsb-92tn3b7gx", "name": "Standard with Windows 10", "owner": "AMAZON", "imageId": "wsi-0aws10std",
                           "workspaces": 1}]},
             "sns": {"topics": ["arn:aws:sns:us-east-1:123456789012:euc-image-updater"],
                     "subscriptions": [{"topicArn": "arn:aws:sns:us-east-1:123456789012:euc-image-updater", "protocol": "email",
                                        "endpoint": "euc-admins@example.com"}]}}""";

    private static long daysSince(String date) {
        return ChronoUnit.DAYS.between(LocalDate.parse(date), LocalDate.now(ZoneOffset.UTC));
    }

    @Test
    @DisplayName("a drift report mails every fleet and bundle, their images' age, updates, end of support, WorkSpaces (by their rebuild"
            + " tag) and the unused pipeline images, and records no mutating call")
    void driftReportMailsWhereEveryFleetAndBundleStandsAndChangesNothing() throws Exception {
        try (SimulatedRun run = SimulatedRun.of(SCENARIO, "{\"report\": \"drift\"}")) {
            assertEquals("ExecutionSucceeded", run.result.status(), run.result::toString);
            List<RecordedCall> changes = run.aws().mutatingCalls().stream().filter(call -> !call.operation().equals("Publish")).toList();
            assertEquals(List.of(), changes, "a drift report changes nothing");
            assertEquals(List.of(), run.aws().modelViolations());
            List<RecordedCall> dryRuns = run.aws().callsTo("CreateUpdatedImage");
            assertEquals(List.of("Base-Win2022", "Tools-AL2"), dryRuns.stream().map(call -> call.request().path("existingImageName").asText())
                    .sorted().toList(), "the run's check, dry, once for each image the fleets run");
            assertTrue(dryRuns.stream().allMatch(call -> call.request().path("dryRun").asBoolean()));
            assertTrue(run.aws().callsTo("DescribeFleets").stream().allMatch(call -> !call.request().has("Names")), "every fleet");
            assertTrue(run.aws().callsTo("DescribeFleets").size() >= 3, "paged through, one fleet a page");
            assertEquals(List.of("wsb-0a1b2c3d4", "wsb-1b2c3d4e5"), run.aws().callsTo("DescribeWorkspaces").stream()
                    .map(call -> call.request().path("BundleId").asText()).distinct().toList(), "the WorkSpaces of each own bundle");

            PublishedMessage mail = run.aws().publishedMessages().get(0);
            assertEquals("euc-image-updater drift report: 1 place, 2 fleets, 2 bundles; 2 past end of support", mail.subject());
            assertEquals("drift", mail.attributes().get("report"));
            String body = mail.message();
            assertTrue(body.contains("Account 123456789012, us-east-1: 2 fleets, 2 bundles (3 WorkSpaces); "), body);
            assertTrue(body.contains(String.format("  fleet  %-24s %-28s %9s  %s", "tools", "Tools-AL2", daysSince("2026-05-12") + " days",
                    "no update; AMAZON_LINUX2, support ended 2026-06-30")), body);
            assertTrue(body.contains(String.format("  fleet  %-24s %-28s %9s  %s", "prod", "Base-Win2022", daysSince("2026-01-05") + " days",
                    "update available; WINDOWS_SERVER_2022, support ends 2031-10-14")), body);
            assertTrue(body.contains(String.format("  bundle %-24s %-28s %9s  %s", "wsb-0a1b2c3d4", "wsi-0a1b2c3d4",
                    daysSince("2025-03-02") + " days", "update available; WINDOWS_10, support ended 2025-10-14; 3 WorkSpaces")), body);
            assertTrue(body.contains("; 3 WorkSpaces: 1 rebuilt onto wsi-0a1b2c3d4, 1 not yet on it (rebuilt onto another image), 1 not"
                    + " rebuilt by the updater\n"), "each WorkSpace by its rebuild tag, as DescribeTags answered: " + body);
            assertTrue(body.contains("update available; 0 WorkSpaces"), "a bundle without WorkSpaces has no platform: " + body);
            assertTrue(body.contains("unused pipeline images (no fleet, bundle or image builder uses them): Base-Win2022-2026-06-09 ("
                    + daysSince("2026-06-09") + " days), wsi-5e6f7a8b9 (" + daysSince("2026-08-11") + " days)\n"), body);
            assertFalse(body.contains("Base-Win2022-2026-07-14"), "the builder's image is in use: " + body);
            assertFalse(body.contains("apps") || body.contains("wsb-92tn3b7gx"), "no Elastic fleet, no bundle of AWS's: " + body);
        }
    }

    @Test
    @DisplayName("a report other than drift, or other fields beside it, are refused by field before any AWS call")
    void aBadReportIsRefusedBeforeAnyAwsCall() throws Exception {
        try (SimulatedRun run = SimulatedRun.of(SCENARIO, "{\"report\": \"drfit\", \"dryRun\": true}")) {
            assertEquals("InvalidInput", run.result.error());
            assertEquals(List.of("Publish"), run.aws().calls().stream().map(RecordedCall::operation).toList(), "only the mail");
            String body = run.aws().publishedMessages().get(0).message();
            assertTrue(body.contains("- input.report: must be \"drift\" (the only report: where every fleet and bundle stands), got"
                    + " \"drfit\""), body);
        }
        try (SimulatedRun run = SimulatedRun.of(SCENARIO, "{\"report\": \"drift\", \"dryRun\": true}")) {
            assertEquals("InvalidInput", run.result.error());
            assertEquals(List.of("Publish"), run.aws().calls().stream().map(RecordedCall::operation).toList(), "only the mail");
            assertTrue(run.aws().publishedMessages().get(0).message().contains(
                    "- input.dryRun: a drift report takes no other field; start it with only {\"report\": \"drift\"}"));
        }
    }

    @Test
    @DisplayName("a monthly run's mail ends with each place's drift counts and the command for the whole report")
    void theMonthlyMailHasADriftSection() throws Exception {
        String input = "{\"images\": [{\"service\": \"APPSTREAM\", \"image\": \"Base-Win2022\"}]}";
        try (SimulatedRun run = SimulatedRun.of(SCENARIO, input)) {
            assertEquals("ExecutionSucceeded", run.result.status(), run.result::toString);
            String body = run.aws().publishedMessages().get(0).message();
            int section = body.indexOf("\nWhere every fleet and bundle stands (drift, as AWS answered in this run):\n"
                    + "  Account 123456789012, us-east-1: 2 fleets, 2 bundles (3 WorkSpaces); ");
            assertTrue(section > body.indexOf("1 updated, 0 up to date, 0 failed."), body);
            assertTrue(body.contains("--input '{\"report\": \"drift\"}'"), body);
            assertFalse(body.substring(section).contains("  fleet  "), "counts only, no fleet by fleet: " + body);
        }
    }
}
