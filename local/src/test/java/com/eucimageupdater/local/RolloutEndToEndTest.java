package com.eucimageupdater.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.plan.DeploymentSettings;
import com.eucimageupdater.plan.RolloutDefaults;
import com.eucimageupdater.retire.RetentionPolicy;
import com.eucimageupdater.rollout.TargetMover;
import com.eucimageupdater.rollout.TargetMoves;
import com.eucimageupdater.simulator.AwsSimulator;
import com.eucimageupdater.simulator.PublishedMessage;
import com.eucimageupdater.simulator.RecordedCall;
import com.eucimageupdater.simulator.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.appstream.AppStreamClient;

/**
 * The roll-out through the real ASL on the simulator's roll-out account (simulator/scenarios/rollout.json): staging,
 * the approval, production, retention, report-only runs and rollbacks, each asserted on what reached the simulator.
 */
class RolloutEndToEndTest {
    static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();
    static final String NEW_BASE = "Base-Win2022-" + TODAY;
    static final String ROLLOUT_RUN = """
            {"images": [
              {"service": "APPSTREAM", "image": "Base-Win2022-2026-10-13", "stagingFleets": ["staging-win2022"],
               "fleets": ["prod-win2022-a", "prod-win2022-b"], "keep": 3},
              {"service": "WORKSPACES", "image": "wsi-4d4d4d4d4", "bundles": ["wsb-0a1b2c3d4"], "keep": 2}],
             "approval": "required"}""";

    static String rolloutAccount() throws Exception {
        return Files.readString(Path.of("simulator", "scenarios", "rollout.json"));
    }

    /** The roll-out account with one more image of the Base lineage, an old one still being built. */
    private static String withPendingLineageImage() throws Exception {
        return rolloutAccount().replaceFirst("\"images\": \\[", """
                "images": [{"name": "Base-Win2022-2026-06-09", "state": "PENDING", "tags": {"euc-image-updater:source-image": "Base-Win2022",
                  "euc-image-updater:run-date": "2026-06-09", "euc-image-updater:execution": "monthly-2026-06",
                  "euc-image-updater:lineage": "Base-Win2022"}},""");
    }

    static LocalWorkflow.Settings answering(LocalApproval approval) {
        return new LocalWorkflow.Settings(new DeploymentSettings("[]", 900, 480, 5, "UTC", 1, RolloutDefaults.DEFAULTS), 1L, 1L, approval);
    }

    private static SimulatedRun run(String input, LocalApproval approval) throws Exception {
        return SimulatedRun.of(rolloutAccount(), input, answering(approval));
    }

    /** Each successful call of the operation, as "target -> image" (UpdateFleet, UpdateWorkspaceBundle). */
    static List<String> moves(AwsSimulator aws) {
        return aws.calls().stream().filter(RecordedCall::succeeded)
                .filter(call -> call.operation().equals("UpdateFleet") || call.operation().equals("UpdateWorkspaceBundle"))
                .map(call -> call.request().path("Name").asText(call.request().path("BundleId").asText()) + " -> "
                        + call.request().path("ImageName").asText(call.request().path("ImageId").asText()))
                .toList();
    }

    static List<String> deleted(AwsSimulator aws) {
        return aws.calls().stream().filter(RecordedCall::succeeded)
                .filter(call -> call.operation().equals("DeleteImage") || call.operation().equals("DeleteWorkspaceImage"))
                .map(call -> call.request().path("Name").asText(call.request().path("ImageId").asText())).toList();
    }

    private static List<String> changes(AwsSimulator aws) {
        return aws.mutatingCalls().stream().map(RecordedCall::operation).filter(operation -> !operation.equals("Publish")).toList();
    }

    static int indexOf(AwsSimulator aws, String operation, String mentioning) {
        List<RecordedCall> calls = aws.calls();
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).operation().equals(operation) && calls.get(i).request().toString().contains(mentioning)) {
                return i;
            }
        }
        throw new AssertionError("no " + operation + " mentioning " + mentioning);
    }

    /** Runs ROLLOUT_RUN, approved, on the account; its execution's name. */
    static String rolledOut(SimulatedAccount account) throws Exception {
        ExecutionResult rollout = LocalWorkflow.run(Definition.DEFAULT_FILE, SimulatedRun.JSON.readTree(ROLLOUT_RUN),
                answering(LocalApproval.YES), account.target(SimulatedRun.topicArn(account.simulator().scenario())), event -> { });
        assertTrue(rollout.succeeded(), rollout::toString);
        return rollout.events().stream().filter(event -> "PlanRun".equals(event.state()) && event.output() != null)
                .findFirst().orElseThrow().output().path("executionName").asText();
    }

    static ExecutionResult rollBack(SimulatedAccount account, String execution) throws Exception {
        return LocalWorkflow.run(Definition.DEFAULT_FILE, SimulatedRun.JSON.readTree("{\"rollback\": \"" + execution + "\"}"),
                answering(LocalApproval.YES), account.target(SimulatedRun.topicArn(account.simulator().scenario())), event -> { });
    }

    static String lastSubject(AwsSimulator aws) {
        List<PublishedMessage> mails = aws.publishedMessages();
        return mails.get(mails.size() - 1).subject();
    }

    static String lastMail(AwsSimulator aws) {
        List<PublishedMessage> mails = aws.publishedMessages();
        return mails.get(mails.size() - 1).message();
    }

    /** One execution on an account that keeps what earlier executions left, as two runs in one deployment share it. */
    private static ExecutionResult execute(SimulatedAccount account, String input, LocalApproval approval) throws Exception {
        return LocalWorkflow.run(Definition.DEFAULT_FILE, SimulatedRun.JSON.readTree(input), answering(approval), target(account),
                event -> { });
    }

    private static LocalWorkflow.Target target(SimulatedAccount account) {
        return account.target(SimulatedRun.topicArn(account.simulator().scenario()));
    }

    private static TargetMoves service(SimulatedAccount account, Service type) {
        return target(account).images().targets(type, new Location(account.simulator().scenario().accountId(),
                account.simulator().scenario().region()));
    }

    /** What each fleet and bundle of the roll-out account uses now, as DescribeFleets and DescribeWorkspaceBundles answer. */
    private static Map<String, String> targetImages(SimulatedAccount account) {
        String owner = account.simulator().scenario().accountId();
        Map<String, String> used = new TreeMap<>();
        for (String fleet : List.of("staging-win2022", "prod-win2022-a", "prod-win2022-b", "training-win2019")) {
            used.put(fleet, service(account, Service.APPSTREAM).describeTarget(fleet, owner).image());
        }
        used.put("wsb-0a1b2c3d4", service(account, Service.WORKSPACES).describeTarget("wsb-0a1b2c3d4", owner).image());
        return used;
    }

    private static String promote(String execution) {
        return "{\"promote\": \"" + execution + "\"}";
    }

    /** A promote of {@code execution} is refused with a reason that says {@code because}, and nothing changes. */
    private static void assertPromoteRefused(SimulatedAccount account, String execution, String because) throws Exception {
        Map<String, String> before = targetImages(account);
        int changed = changes(account.simulator()).size();

        ExecutionResult refused = execute(account, promote(execution), LocalApproval.YES);

        assertEquals("InvalidInput", refused.error(), refused::toString);
        assertTrue(lastMail(account.simulator()).contains(because), lastMail(account.simulator()));
        assertEquals(before, targetImages(account), "no fleet or bundle moved");
        assertEquals(changed, changes(account.simulator()).size(), "no change of any kind");
    }

    @Test
    @DisplayName("staging moves when the image is AVAILABLE, one approval mail, then production, retention and a rollback hint")
    void stagedThenApproved() throws Exception {
        try (SimulatedRun run = SimulatedRun.of(withPendingLineageImage(), ROLLOUT_RUN, answering(LocalApproval.YES))) {
            AwsSimulator aws = run.aws();
            assertTrue(run.result.succeeded(), run.result::toString);
            List<String> moves = moves(aws);
            String newWorkSpacesImage = run.resultFor("wsi-4d4d4d4d4").path("newImage").asText();
            assertEquals(List.of("prod-win2022-a -> " + NEW_BASE, "prod-win2022-b -> " + NEW_BASE, "staging-win2022 -> " + NEW_BASE,
                    "wsb-0a1b2c3d4 -> " + newWorkSpacesImage), moves.stream().sorted().toList());
            assertEquals(2, aws.publishedMessages().size(), "the approval mail, then the run's mail");
            String approvalMail = aws.publishedMessages().get(0).message();
            assertTrue(approvalMail.contains("answered from the command line by ./run-local --approve yes"), approvalMail);
            int staged = indexOf(aws, "UpdateFleet", "staging-win2022");
            int asked = indexOf(aws, "Publish", "approve the roll-out");
            assertTrue(staged < asked && asked < indexOf(aws, "UpdateFleet", "prod-win2022-a"), "staging, then the approval, then production");
            JsonNode recorded = aws.callsTo("TagResource").stream().filter(RecordedCall::succeeded)
                    .filter(call -> call.request().toString().contains("prod-win2022-a")).findFirst().orElseThrow().request();
            assertEquals("Base-Win2022-2026-09-08", recorded.at("/Tags/euc-image-updater:was:prod-win2022-a").asText(),
                    "the new image records what production used before");
            assertEquals(List.of("Base-Win2022-2026-08-11", "wsi-2b2b2b2b2"), deleted(aws).stream().sorted().toList());
            String mail = lastMail(aws);
            assertTrue(mail.contains("kept: Base-Win2022-2026-07-14 (in use by image builder base-builder)"), mail);
            assertTrue(mail.contains("kept: Partner-Win2022-2026-08-11 (shared with account 210987654321)"), mail);
            assertTrue(mail.contains("kept: Base-Win2022-2026-06-09 (it is PENDING)"), mail);
            assertTrue(!mail.contains("Base-Win2022 (") && !deleted(aws).contains("Base-Win2022"), "the hand-made original is no"
                    + " pipeline image: never a candidate");
            assertTrue(mail.contains("kept: ws-win10-base-2026-09-08 (a fleet or bundle used it before this roll-out"), mail);
            assertTrue(mail.contains("4 existing WorkSpaces keep their image until rebuilt or recreated"), mail);
            assertTrue(mail.contains("{\"rollback\": \""), mail);
            assertEquals("euc-image-updater: rolled out to production (approved); 2 updated, 0 up to date",
                    aws.publishedMessages().get(1).subject());
            assertEquals("ROLLED_OUT", aws.publishedMessages().get(1).attributes().get("production"));
            assertEquals(List.of(), aws.modelViolations());
        }
    }

    @Test
    @DisplayName("a rejected approval leaves production, and every image, as they were")
    void rejected() throws Exception {
        try (SimulatedRun run = run(ROLLOUT_RUN, LocalApproval.NO)) {
            assertTrue(run.result.succeeded(), run.result::toString);
            assertEquals(List.of("staging-win2022 -> " + NEW_BASE), moves(run.aws()));
            assertEquals(List.of(), deleted(run.aws()));
            assertTrue(lastMail(run.aws()).contains("Production: nothing rolled out, approval rejected"), lastMail(run.aws()));
            assertEquals("euc-image-updater: approval rejected, production unchanged; 2 updated, 0 up to date", lastSubject(run.aws()));
        }
    }

    @Test
    @DisplayName("an approval that times out rolls nothing out to production, and the mail says so")
    void approvalTimedOut() throws Exception {
        try (SimulatedRun run = run(ROLLOUT_RUN, LocalApproval.TIMEOUT)) {
            assertTrue(run.result.succeeded(), run.result::toString);
            assertEquals(List.of("staging-win2022 -> " + NEW_BASE), moves(run.aws()));
            assertTrue(lastMail(run.aws()).contains("Production: nothing rolled out, approval timed out"), lastMail(run.aws()));
            assertEquals("euc-image-updater: approval timed out, production unchanged; 2 updated, 0 up to date", lastSubject(run.aws()));
        }
    }

    @Test
    @DisplayName("a fleet as the source updates the image it uses and moves it, without approval when none is required")
    void fleetAsTheSource() throws Exception {
        try (SimulatedRun run = run("{\"images\": [{\"service\": \"APPSTREAM\", \"fleet\": \"staging-win2022\"}], \"approval\": \"none\"}",
                LocalApproval.TIMEOUT)) {
            assertTrue(run.result.succeeded(), run.result::toString);
            assertEquals(List.of("Base-Win2022-2026-10-13"), TestScenarios.createdSources(run.aws()));
            assertEquals(List.of("staging-win2022 -> " + NEW_BASE), moves(run.aws()));
            assertEquals(1, run.aws().publishedMessages().size(), "no approval mail");
            assertEquals("euc-image-updater: rolled out to production; 1 updated, 0 up to date", lastSubject(run.aws()),
                    "no approval was asked, so none is claimed");
        }
    }

    @Test
    @DisplayName("two items that resolve to the same source build one image, rolled out to both items' fleets")
    void twoItemsShareOneSource() throws Exception {
        try (SimulatedRun run = run("""
                {"images": [{"service": "APPSTREAM", "fleet": "staging-win2022"},
                            {"service": "APPSTREAM", "image": "Base-Win2022-2026-10-13", "fleets": ["prod-win2022-a"]}],
                 "approval": "none"}""", LocalApproval.YES)) {
            assertTrue(run.result.succeeded(), run.result::toString);
            assertEquals(1, TestScenarios.creates(run.aws()).size());
            assertEquals(List.of("prod-win2022-a -> " + NEW_BASE, "staging-win2022 -> " + NEW_BASE), moves(run.aws()).stream().sorted().toList());
        }
    }

    @Test
    @DisplayName("an Elastic fleet, a platform change on a running fleet, a missing fleet and a bundle not ours are refused before any change")
    void unfitTargetsAreRefusedBeforeAnyChange() throws Exception {
        try (SimulatedRun run = run("""
                {"images": [{"service": "APPSTREAM", "fleet": "apps-elastic"},
                            {"service": "APPSTREAM", "image": "Engineering-Win2019", "fleets": ["prod-win2022-a"]},
                            {"service": "APPSTREAM", "image": "Base-Win2022-2026-10-13", "stagingFleets": ["no-such-fleet"]},
                            {"service": "WORKSPACES", "image": "wsi-4d4d4d4d4", "bundles": ["wsb-92tn3b7gx"]}]}""", LocalApproval.YES)) {
            assertEquals("InvalidInput", run.result.error());
            String mail = lastMail(run.aws());
            assertTrue(mail.contains("images[0] (account 123456789012, us-east-1).fleet: AppStream fleet \"apps-elastic\" is an Elastic fleet"), mail);
            assertTrue(mail.contains("a fleet changes platform only while STOPPED"), mail);
            assertTrue(mail.contains("AppStream fleet \"no-such-fleet\" does not exist"), mail);
            assertTrue(mail.contains("WorkSpaces bundle wsb-92tn3b7gx belongs to AMAZON"), mail);
            assertEquals(List.of(), changes(run.aws()));
        }
    }

    @Test
    @DisplayName("a report-only run checks everything and says what it would create, stage, roll out and delete, with no change")
    void reportOnly() throws Exception {
        try (SimulatedRun run = run(ROLLOUT_RUN.replace("\"approval\": \"required\"", "\"dryRun\": true"), LocalApproval.YES)) {
            assertTrue(run.result.succeeded(), run.result::toString);
            assertEquals(List.of(), changes(run.aws()));
            String mail = lastMail(run.aws());
            assertTrue(mail.startsWith("euc-image-updater run"), mail);
            assertTrue(mail.contains("WOULD_UPDATE APPSTREAM  Base-Win2022-2026-10-13 -> " + NEW_BASE), mail);
            assertTrue(mail.contains("would stage: staging-win2022") && mail.contains("would roll out to production: prod-win2022-a"), mail);
            assertTrue(mail.contains("would delete: Base-Win2022-2026-08-11"), mail);
            assertTrue(mail.contains("would keep: Base-Win2022-2026-07-14 (in use by image builder base-builder)"), mail);
            assertTrue(!mail.contains("kept:"), "a report-only run keeps nothing, it would");
            assertEquals("euc-image-updater (report only): 2 would update, 0 up to date",
                    run.aws().publishedMessages().get(0).subject());
        }
    }

    @Test
    @DisplayName("a throttled UpdateFleet (RequestLimitExceeded, which the SDK does not retry) is retried until the fleet moves")
    void throttledUpdateFleetIsRetried() throws Exception {
        String throttled = rolloutAccount().replaceFirst("\\{", """
                {"errors": [{"operation": "UpdateFleet", "image": "prod-win2022-a", "type": "RequestLimitExceededException", "times": 2}],""");
        try (SimulatedRun run = SimulatedRun.of(throttled, ROLLOUT_RUN, answering(LocalApproval.YES))) {
            assertTrue(run.result.succeeded(), run.result::toString);
            assertTrue(moves(run.aws()).contains("prod-win2022-a -> " + NEW_BASE));
            assertEquals(2, run.aws().callsTo("UpdateFleet").stream().filter(call -> !call.succeeded()).count());
        }
    }

    @Test
    @DisplayName("a rollback moves a finished run's fleets and bundles back to the images they used before, and mails what it did")
    void rollbackOfAFinishedRun() throws Exception {
        try (SimulatedAccount account = new SimulatedAccount(Scenario.fromJson(rolloutAccount()))) {
            String execution = rolledOut(account);
            int before = moves(account.simulator()).size();

            ExecutionResult rollback = rollBack(account, execution);

            assertTrue(rollback.succeeded(), rollback::toString);
            List<String> movedBack = moves(account.simulator()).subList(before, moves(account.simulator()).size());
            assertEquals(List.of("prod-win2022-a -> Base-Win2022-2026-09-08", "prod-win2022-b -> Base-Win2022-2026-09-08",
                    "staging-win2022 -> Base-Win2022-2026-10-13", "wsb-0a1b2c3d4 -> wsi-3c3c3c3c3"), movedBack.stream().sorted().toList());
            String mail = lastMail(account.simulator());
            assertTrue(mail.contains("Rollback of run " + execution), mail);
            assertEquals("euc-image-updater: 4 moved back (rollback of " + execution + ")", lastSubject(account.simulator()));
        }
    }

    @Test
    @DisplayName("a report-only rollback moves, tags and publishes nothing, mails what would move back where and from what, and its"
            + " command does it for real")
    void reportOnlyRollback() throws Exception {
        try (SimulatedAccount account = new SimulatedAccount(Scenario.fromJson(rolloutAccount()))) {
            AwsSimulator aws = account.simulator();
            String execution = rolledOut(account);
            // An admin moves one production fleet back by hand: the report says it would not move.
            new TargetMover(target(account).images()::targets).move(Service.APPSTREAM, "Base-Win2022-2026-09-08", List.of("prod-win2022-a"),
                    new Location(aws.scenario().accountId(), aws.scenario().region()), false, null);
            Map<String, String> before = targetImages(account);
            int calls = aws.calls().size();

            ExecutionResult dryRun = execute(account, "{\"rollback\": \"" + execution + "\", \"dryRun\": true}", LocalApproval.YES);

            assertTrue(dryRun.succeeded(), dryRun::toString);
            assertEquals(List.of("Publish"), aws.calls().subList(calls, aws.calls().size()).stream().filter(RecordedCall::mutating)
                    .map(RecordedCall::operation).toList(), "the mail, no UpdateFleet, UpdateWorkspaceBundle, PutEvents or PutParameter");
            assertEquals(before, targetImages(account));
            // SNS's 100 characters cut the execution's name, which comes last for that.
            assertTrue(("euc-image-updater (report only): 3 would move back, 1 already back (rollback of " + execution + ")")
                    .startsWith(lastSubject(aws)) && lastSubject(aws).length() > 80, lastSubject(aws));
            String mail = lastMail(aws);
            assertTrue(mail.contains("Rollback of run " + execution + ", report only: nothing was moved; 3 fleets and bundles would move"
                    + " back, 1 already back.\n"), mail);
            assertTrue(mail.contains("WOULD_ROLL_BACK APPSTREAM  " + NEW_BASE + " -> Base-Win2022-2026-09-08 (account 123456789012,"
                    + " us-east-1)\n           prod-win2022-a: already on Base-Win2022-2026-09-08, would not move\n"
                    + "           prod-win2022-b: would move back (it uses " + NEW_BASE + " now)\n"), mail);
            assertTrue(mail.contains("WOULD_ROLL_BACK APPSTREAM  " + NEW_BASE + " -> Base-Win2022-2026-10-13 (account 123456789012,"
                    + " us-east-1)\n           staging-win2022: would move back (it uses " + NEW_BASE + " now)\n"), mail);
            assertTrue(mail.contains("WOULD_ROLL_BACK WORKSPACES ") && mail.contains(" -> wsi-3c3c3c3c3 (account 123456789012, us-east-1)\n"
                    + "           wsb-0a1b2c3d4: would move back (it uses "), mail);
            assertTrue(mail.contains("report only: nothing was published:\n  would publish: 3 Rolled Back\n"), mail);
            String command = mail.lines().filter(line -> line.contains("--input '{\"rollback\"")).findFirst().orElseThrow();

            // The command's input, as bash would pass it: the same rollback, for real.
            ExecutionResult rollback = execute(account, command.substring(command.indexOf("--input '") + 9, command.length() - 1),
                    LocalApproval.YES);

            assertTrue(rollback.succeeded(), rollback::toString);
            assertEquals("Base-Win2022-2026-09-08", targetImages(account).get("prod-win2022-b"));
            assertEquals("euc-image-updater: 3 moved back, 1 already back (rollback of " + execution + ")", lastSubject(aws));
            assertEquals(List.of(), aws.modelViolations());
        }
    }

    @Test
    @DisplayName("a rollback whose previous image is gone is refused before any move, naming the fleet and the image")
    void rollbackCheckedFirst() throws Exception {
        try (SimulatedAccount account = new SimulatedAccount(Scenario.fromJson(rolloutAccount()))) {
            String execution = rolledOut(account);
            // The production fleets' previous image, no longer used by any fleet once they moved, is deleted by hand.
            account.target(SimulatedRun.topicArn(account.simulator().scenario())).images().retirement(Service.APPSTREAM,
                    new Location(account.simulator().scenario().accountId(), account.simulator().scenario().region()))
                    .retire("Base-Win2022", RetentionPolicy.Keep.newest(1), java.util.Set.of("Base-Win2022-2026-10-13", NEW_BASE),
                            java.util.Set.of(), true);
            int before = moves(account.simulator()).size();

            ExecutionResult rollback = rollBack(account, execution);

            assertEquals("InvalidInput", rollback.error());
            assertEquals(before, moves(account.simulator()).size(), "nothing moved");
            assertTrue(lastMail(account.simulator()).contains("fleet prod-win2022-a back to Base-Win2022-2026-09-08:"),
                    lastMail(account.simulator()));
        }
    }

    @Test
    @DisplayName("after a reject, the mail's promote command rolls the staged images out once approved and retires the old ones;"
            + " a rollback named after the promote moves it all back")
    void rejectedThenPromotedThenRolledBack() throws Exception {
        try (SimulatedAccount account = new SimulatedAccount(Scenario.fromJson(rolloutAccount()))) {
            AwsSimulator aws = account.simulator();
            Map<String, String> original = targetImages(account);
            ExecutionResult rejected = execute(account, ROLLOUT_RUN, LocalApproval.NO);
            String execution = SimulatedRun.executionName(rejected);
            String command = lastMail(aws).lines().filter(line -> line.contains("--input '{\"promote\"")).findFirst().orElseThrow();
            JsonNode created = aws.callsTo("CreateUpdatedImage").stream().filter(RecordedCall::succeeded)
                    .filter(call -> !call.request().path("dryRun").asBoolean()).findFirst().orElseThrow().request();
            assertEquals("Base-Win2022-2026-09-08", created.at("/newImageTags/euc-image-updater:prod:prod-win2022-a").asText(),
                    "the new image records what each production fleet used when the run read it");
            assertEquals("3", created.at("/newImageTags/euc-image-updater:keep").asText());
            int creates = TestScenarios.creates(aws).size();
            int mails = aws.publishedMessages().size();

            // The command's input, as bash would pass it.
            ExecutionResult promoted = execute(account, command.substring(command.indexOf("--input '") + 9, command.length() - 1),
                    LocalApproval.YES);

            assertTrue(promoted.succeeded(), promoted::toString);
            assertEquals(creates, TestScenarios.creates(aws).size(), "no image is built");
            String newWorkSpacesImage = rejected.report().path("results").findValues("newImage").stream().map(JsonNode::asText)
                    .filter(image -> image.startsWith("wsi-")).findFirst().orElseThrow();
            assertEquals(Map.of("prod-win2022-a", NEW_BASE, "prod-win2022-b", NEW_BASE, "staging-win2022", NEW_BASE,
                    "training-win2019", "Engineering-Win2019", "wsb-0a1b2c3d4", newWorkSpacesImage), targetImages(account));
            assertEquals(List.of("Base-Win2022-2026-08-11", "wsi-2b2b2b2b2"), deleted(aws).stream().sorted().toList());
            assertEquals(mails + 2, aws.publishedMessages().size(), "the approval mail again, then the promote's mail");
            assertTrue(aws.publishedMessages().get(mails).message().contains("APPSTREAM Base-Win2022-2026-10-13 -> " + NEW_BASE),
                    aws.publishedMessages().get(mails).message());
            String summary = lastMail(aws);
            assertTrue(summary.contains("STAGED     APPSTREAM  Base-Win2022-2026-10-13 -> " + NEW_BASE), summary);
            assertTrue(summary.contains("Promote of run " + execution) && summary.contains("ROLLED_OUT APPSTREAM  " + NEW_BASE), summary);
            assertTrue(aws.publishedMessages().get(aws.publishedMessages().size() - 1).subject().contains("promote of " + execution));

            ExecutionResult rollback = execute(account, "{\"rollback\": \"" + SimulatedRun.executionName(promoted) + "\"}",
                    LocalApproval.YES);

            assertTrue(rollback.succeeded(), rollback::toString);
            assertEquals(original, targetImages(account), "staging and production are back where they were");
            assertEquals(List.of(), aws.modelViolations());
        }
    }

    @Test
    @DisplayName("the reject mail gives the promote and the rollback commands, runnable in bash and zsh, and in PowerShell")
    void rejectMailGivesRunnableCommands() throws Exception {
        try (SimulatedAccount account = new SimulatedAccount(Scenario.fromJson(rolloutAccount()))) {
            String execution = SimulatedRun.executionName(execute(account, ROLLOUT_RUN, LocalApproval.NO));
            // The state machine of the execution ARN the local runner gives (LocalWorkflow: execution:euc-image-updater:<name>).
            String stateMachine = "arn:aws:states:us-east-1:" + target(account).account() + ":stateMachine:euc-image-updater";
            String mail = lastMail(account.simulator());
            for (String field : List.of("promote", "rollback")) {
                String command = "aws stepfunctions start-execution --region us-east-1 --state-machine-arn '" + stateMachine + "' --input"
                        + " '{\"" + field + "\": \"" + execution + "\"}'";
                String powerShell = "aws --% stepfunctions start-execution --region us-east-1 --state-machine-arn \"" + stateMachine
                        + "\" --input \"{\\\"" + field + "\\\": \\\"" + execution + "\\\"}\"";
                assertTrue(mail.contains("\n  " + command + "\n"), mail);
                assertTrue(mail.contains("\n  " + powerShell + "\n"), mail);
            }
            assertTrue(!mail.contains("start a run by hand"), mail);
        }
    }

    /** An earlier run today made Base's update and moved the staging fleet and both production fleets to it. */
    private static String rolledOutEarlierToday() throws Exception {
        ObjectNode account = (ObjectNode) SimulatedRun.JSON.readTree(rolloutAccount());
        ((ArrayNode) account.at("/appstream/images")).addObject().put("name", NEW_BASE).put("platform", "WINDOWS_SERVER_2022")
                .putObject("tags").put("euc-image-updater:source-image", "Base-Win2022-2026-10-13").put("euc-image-updater:run-date", TODAY)
                .put("euc-image-updater:execution", "earlier-today").put("euc-image-updater:lineage", "Base-Win2022")
                .put("euc-image-updater:was:staging-win2022", "Base-Win2022-2026-10-13")
                .put("euc-image-updater:was:prod-win2022-a", "Base-Win2022-2026-09-08")
                .put("euc-image-updater:was:prod-win2022-b", "Base-Win2022-2026-09-08");
        account.at("/appstream/fleets").forEach(fleet -> {
            if (fleet.path("name").asText().matches("staging-win2022|prod-win2022-[ab]")) {
                ((ObjectNode) fleet).put("imageName", NEW_BASE);
            }
        });
        return account.toString();
    }

    @Test
    @DisplayName("fleets that already use the new image are said to be on it, not staged or rolled out by this run")
    void targetsAlreadyOnTheNewImageAreNotClaimedAsMoved() throws Exception {
        String input = """
                {"images": [{"service": "APPSTREAM", "image": "Base-Win2022-2026-10-13", "stagingFleets": ["staging-win2022"],
                             "fleets": ["prod-win2022-a", "prod-win2022-b"]}], "approval": "required"}""";
        try (SimulatedRun run = SimulatedRun.of(rolledOutEarlierToday(), input, answering(LocalApproval.YES))) {
            assertTrue(run.result.succeeded(), run.result::toString);
            assertEquals(List.of(), moves(run.aws()));
            String mail = lastMail(run.aws());
            assertTrue(mail.contains("           staging-win2022: already on " + NEW_BASE + ", not moved\n"), mail);
            assertTrue(mail.contains("           prod-win2022-a: already on " + NEW_BASE + ", not moved\n"), mail);
            assertTrue(!mail.contains("staged:"), mail);
            assertEquals("euc-image-updater: production already on new images (approved); 0 updated, 1 adopted, 0 up to date",
                    lastSubject(run.aws()));
        }
    }

    @Test
    @DisplayName("after a timeout, a promote with approval \"none\" rolls out at once, without asking again")
    void timedOutThenPromotedWithoutApproval() throws Exception {
        try (SimulatedAccount account = new SimulatedAccount(Scenario.fromJson(rolloutAccount()))) {
            AwsSimulator aws = account.simulator();
            String execution = SimulatedRun.executionName(execute(account, ROLLOUT_RUN, LocalApproval.TIMEOUT));
            assertTrue(lastMail(aws).contains("approval timed out") && lastMail(aws).contains("--input '{\"promote\": \"" + execution),
                    lastMail(aws));
            int mails = aws.publishedMessages().size();

            // Were the approval asked, it would time out again and nothing would move.
            ExecutionResult promoted = execute(account, "{\"promote\": \"" + execution + "\", \"approval\": \"none\"}",
                    LocalApproval.TIMEOUT);

            assertTrue(promoted.succeeded(), promoted::toString);
            assertEquals(mails + 1, aws.publishedMessages().size(), "no approval mail, only the promote's");
            assertEquals(NEW_BASE, targetImages(account).get("prod-win2022-a"));
            assertEquals(NEW_BASE, targetImages(account).get("prod-win2022-b"));
        }
    }

    @Test
    @DisplayName("retention reports an image AWS refused to delete as kept, with AWS's reason, never as deleted")
    void aDeleteAwsRefusesIsReportedAsKept() throws Exception {
        String refusing = rolloutAccount().replaceFirst("\\{", """
                {"errors": [{"operation": "DeleteImage", "image": "Base-Win2022-2026-08-11", "type": "OperationNotPermittedException",
                             "times": 1}],""");
        try (SimulatedRun run = SimulatedRun.of(refusing, ROLLOUT_RUN, answering(LocalApproval.YES))) {
            assertTrue(run.result.succeeded(), run.result::toString);
            String mail = lastMail(run.aws());
            assertTrue(mail.contains("kept: Base-Win2022-2026-08-11 (AWS refused the delete: "), mail);
            assertTrue(!mail.contains("deleted: Base-Win2022-2026-08-11"), mail);
            assertTrue(!deleted(run.aws()).contains("Base-Win2022-2026-08-11"));
        }
    }

    @Test
    @DisplayName("a report-only promote says what it would roll out, asks no approval and changes nothing")
    void reportOnlyPromote() throws Exception {
        try (SimulatedAccount account = new SimulatedAccount(Scenario.fromJson(rolloutAccount()))) {
            String execution = SimulatedRun.executionName(execute(account, ROLLOUT_RUN, LocalApproval.NO));
            Map<String, String> before = targetImages(account);
            int changed = changes(account.simulator()).size();

            int mails = account.simulator().publishedMessages().size();

            ExecutionResult dryRun = execute(account, "{\"promote\": \"" + execution + "\", \"dryRun\": true}", LocalApproval.YES);

            assertTrue(dryRun.succeeded(), dryRun::toString);
            assertEquals(before, targetImages(account));
            assertEquals(changed, changes(account.simulator()).size(), "no UpdateFleet, TagResource, PutEvents, PutParameter...");
            assertEquals(mails + 1, account.simulator().publishedMessages().size(), "the promote's mail, and no approval mail");
            String mail = lastMail(account.simulator());
            assertTrue(mail.contains("this promote would roll out:\n  " + NEW_BASE + " (account 123456789012, us-east-1) -> prod-win2022-a"
                    + " prod-win2022-b; then retention keeps the lineage's newest 3"), mail);
        }
    }

    @Test
    @DisplayName("a promote of a run that rolled out already is refused, naming the execution that did, and changes nothing")
    void promoteOfARolledOutRunIsRefused() throws Exception {
        try (SimulatedAccount account = new SimulatedAccount(Scenario.fromJson(rolloutAccount()))) {
            String execution = SimulatedRun.executionName(execute(account, ROLLOUT_RUN, LocalApproval.YES));

            assertPromoteRefused(account, execution, "image " + NEW_BASE + " was rolled out to production already, by execution "
                    + execution);
        }
    }

    @Test
    @DisplayName("a promote of a run whose image was deleted since is refused, and changes nothing")
    void promoteOfADeletedImageIsRefused() throws Exception {
        try (SimulatedAccount account = new SimulatedAccount(Scenario.fromJson(rolloutAccount()))) {
            String execution = SimulatedRun.executionName(execute(account, """
                    {"images": [{"service": "APPSTREAM", "image": "Base-Win2022-2026-10-13", "fleets": ["prod-win2022-a"]}]}""",
                    LocalApproval.NO));
            AppStreamClient.builder().httpClient(UrlConnectionHttpClient.create()).build().deleteImage(r -> r.name(NEW_BASE));

            assertPromoteRefused(account, execution, "promote: no image in the deployment's accounts and Regions was built by execution "
                    + execution);
        }
    }

    @Test
    @DisplayName("a promote is refused when a production fleet changed image since the run read it, and changes nothing")
    void promoteAfterATargetChangedIsRefused() throws Exception {
        try (SimulatedAccount account = new SimulatedAccount(Scenario.fromJson(rolloutAccount()))) {
            String execution = SimulatedRun.executionName(execute(account, ROLLOUT_RUN, LocalApproval.NO));
            TargetMoves appStream = service(account, Service.APPSTREAM);
            appStream.moveTarget(appStream.describeTarget("prod-win2022-b", "123456789012"), "Base-Win2022-2026-08-11");

            assertPromoteRefused(account, execution, "for fleet prod-win2022-b: it uses Base-Win2022-2026-08-11 now, not"
                    + " Base-Win2022-2026-09-08 as when the run read it, so a promote would overwrite a change made since (point it back at"
                    + " Base-Win2022-2026-09-08 and promote again, or move it to " + NEW_BASE + " by hand)");
        }
    }

    @Test
    @DisplayName("a promote of an execution that built nothing here is refused, and changes nothing")
    void promoteOfAnUnknownExecutionIsRefused() throws Exception {
        try (SimulatedAccount account = new SimulatedAccount(Scenario.fromJson(rolloutAccount()))) {
            assertPromoteRefused(account, "no-such-run", "promote: no image in the deployment's accounts and Regions was built by"
                    + " execution no-such-run");
        }
    }

    @Test
    @DisplayName("a rollback after a reject moves the staged fleets and bundles back, and leaves production as it is")
    void rollbackAfterARejectMovesStagingBack() throws Exception {
        try (SimulatedAccount account = new SimulatedAccount(Scenario.fromJson(rolloutAccount()))) {
            Map<String, String> original = targetImages(account);
            String execution = SimulatedRun.executionName(execute(account, ROLLOUT_RUN, LocalApproval.NO));
            assertEquals(NEW_BASE, targetImages(account).get("staging-win2022"));

            ExecutionResult rollback = execute(account, "{\"rollback\": \"" + execution + "\"}", LocalApproval.YES);

            assertTrue(rollback.succeeded(), rollback::toString);
            assertEquals(original, targetImages(account));
            assertTrue(lastMail(account.simulator()).contains("ROLLED_BACK APPSTREAM  " + NEW_BASE + " -> Base-Win2022-2026-10-13"),
                    lastMail(account.simulator()));
        }
    }

    @Test
    @DisplayName("a rollback counts as moved back only the fleets its calls moved; one moved back by hand is 'already back'")
    void aRollbackSaysWhichTargetsItMovedBack() throws Exception {
        try (SimulatedAccount account = new SimulatedAccount(Scenario.fromJson(rolloutAccount()))) {
            String execution = rolledOut(account);
            // An admin moves one production fleet back by hand before the rollback.
            new TargetMover(account.target(SimulatedRun.topicArn(account.simulator().scenario())).images()::targets).move(Service.APPSTREAM,
                    "Base-Win2022-2026-09-08", List.of("prod-win2022-a"),
                    new Location(account.simulator().scenario().accountId(), account.simulator().scenario().region()), false, null);

            ExecutionResult rollback = rollBack(account, execution);

            assertTrue(rollback.succeeded(), rollback::toString);
            assertEquals("euc-image-updater: 3 moved back, 1 already back (rollback of " + execution + ")",
                    lastSubject(account.simulator()));
            String mail = lastMail(account.simulator());
            assertTrue(mail.contains("Rollback of run " + execution + ": 3 fleets and bundles moved back, 1 already back.\n"), mail);
            assertTrue(mail.contains("           prod-win2022-a: already on Base-Win2022-2026-09-08, not moved\n"), mail);
        }
    }
}
