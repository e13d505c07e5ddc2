package com.eucimageupdater.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.simulator.PublishedMessage;
import com.eucimageupdater.simulator.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/** The README's main command, as a newcomer runs it. */
class LocalRunTest {

    private record Outcome(int exitCode, String output) {}

    private static Outcome localRun(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exitCode = LocalRun.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Outcome(exitCode, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theDefaultRunSucceedsAndShowsProgressTheMailAndATable() throws Exception {
        Outcome run = localRun("--wait-ms", "1");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("CheckForUpdate       update available -> Base-Win2022-"), run.output());
        assertTrue(run.output().contains("Subject: euc-image-updater: nothing to approve; 4 updated, 2 up to date"), run.output());
        assertTrue(run.output().contains("SERVICE     IMAGE"), run.output());
        assertTrue(run.output().contains("Execution SUCCEEDED"), run.output());
    }

    @Test
    void aRunWithFailuresExitsNonZeroAndShowsTheStepsWarningsAsProgressLines() throws Exception {
        Outcome run = localRun("--wait-ms", "1", "--scenario", "simulator/scenarios/bad-month.json");
        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("LimitExceededException"), run.output());
        assertTrue(run.output().contains("Execution FAILED"), run.output());
        assertTrue(run.output().lines().anyMatch(line -> line.matches(
                " +\\d+\\.\\ds  APPSTREAM Engineering-Win2019 +Start +WARN FAILED: CreateUpdatedImage from .*LimitExceededException.*")),
                run.output());
        assertTrue(run.output().lines().noneMatch(line -> line.startsWith("{")), "no raw JSON log line: " + run.output());
    }

    @Test
    void theConsolesDefaultInputTakesTheImagesOfCdkJsonWhichHasNoneByDefault() throws Exception {
        Outcome run = localRun("--wait-ms", "1", "--input", "events/console-default.json");
        assertEquals(1, run.exitCode(), "cdk.json configures no images by default: " + run.output());
        assertTrue(run.output().contains("input rejected: 1 problem(s)"), run.output());
        assertTrue(run.output().contains("none are configured"), run.output());
    }

    @Test
    void badOptionsAndFilesAreRefusedWithTheOptionNamed(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("input.json"), "{\"images\": [");
        assertEquals(2, localRun("--wait-ms", "soon").exitCode());
        Outcome help = localRun("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.output().contains("--topic-arn ARN"), help.output());
        assertTrue(localRun("--target", "gcp").output().contains("--target: must be one of sim, aws, got gcp"));
        assertTrue(localRun("--input", "no/such/file.json").output().contains("--input: no such file no/such/file.json"));
        Outcome invalid = localRun("--input", broken.toString());
        assertEquals(2, invalid.exitCode());
        assertTrue(invalid.output().contains("--input " + broken + ": is not valid JSON"), invalid.output());
        assertTrue(localRun("--target", "aws").output().contains("--target aws needs --topic-arn ARN or EUC_TOPIC_ARN"));
        Outcome notAnArn = localRun("--target", "aws", "--topic-arn", "euc-image-updater");
        assertEquals(2, notAnArn.exitCode());
        assertTrue(notAnArn.output().contains("got euc-image-updater"), notAnArn.output());
    }

    @Test
    void aStateFileKeepsTheSimulatedAccountSoALaterRunRollsBackWhatAnEarlierOneRolledOut(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("account.json");
        Outcome rollout = localRun("--wait-ms", "1", "--scenario", "simulator/scenarios/rollout.json", "--input", "events/rollout-run.json",
                "--state", state.toString(), "--approve", "yes");
        assertEquals(0, rollout.exitCode(), rollout.output());
        assertTrue(rollout.output().contains(", from the scenario; kept in " + state), rollout.output());
        String file = Pattern.quote(state.toString());
        Matcher saved = Pattern.compile("Account saved to " + file + " after execution (local-\\S+): the next run with --state " + file
                + " goes on from there").matcher(rollout.output());
        assertTrue(saved.find(), rollout.output());
        String execution = saved.group(1);
        String newBase = "Base-Win2022-" + LocalDate.now(ZoneOffset.UTC);
        Scenario afterRollout = Scenario.load(state);
        assertEquals(Map.of("prod-win2022-a", newBase, "prod-win2022-b", newBase), productionFleets(afterRollout));
        assertEquals(execution, afterRollout.appstream().images().stream().filter(image -> image.name().equals(newBase)).findFirst()
                .orElseThrow().tags().get("euc-image-updater:execution"), "the image names the run that made it, for the next run to find");

        Path rollbackInput = Files.writeString(dir.resolve("rollback.json"), "{\"rollback\": \"" + execution + "\"}");
        Outcome rollback = localRun("--wait-ms", "1", "--input", rollbackInput.toString(), "--state", state.toString());
        assertEquals(0, rollback.exitCode(), rollback.output());
        assertTrue(rollback.output().contains(", as the last run left it in " + state), rollback.output());
        Scenario afterRollback = Scenario.load(state);
        assertEquals(Map.of("prod-win2022-a", "Base-Win2022-2026-09-08", "prod-win2022-b", "Base-Win2022-2026-09-08"),
                productionFleets(afterRollback), "the second run found the first run's images and moved its fleets back: "
                        + rollback.output());
        assertEquals("wsi-3c3c3c3c3", afterRollback.workspaces().bundles().stream().filter(bundle -> bundle.id().equals("wsb-0a1b2c3d4"))
                .findFirst().orElseThrow().imageId());
        assertTrue(afterRollback.appstream().images().stream().anyMatch(image -> image.name().equals(newBase)), "the new image is kept");
        assertEquals(2, afterRollback.generation());
    }

    private static Map<String, String> productionFleets(Scenario account) {
        return account.appstream().fleets().stream().filter(fleet -> fleet.name().startsWith("prod-"))
                .collect(Collectors.toMap(Scenario.Fleet::name, Scenario.Fleet::imageName));
    }

    @Test
    void theStateOptionIsRefusedWhereItCannotMeanWhatItSays(@TempDir Path dir) throws Exception {
        Path state = Files.writeString(dir.resolve("account.json"), Scenario.defaultScenario().toJson());
        Outcome real = localRun("--target", "aws", "--state", state.toString());
        assertEquals(2, real.exitCode());
        assertTrue(real.output().contains("--state: keeps a simulated account between runs; --target aws works on a real account"),
                real.output());
        Outcome both = localRun("--scenario", "simulator/scenarios/rollout.json", "--state", state.toString());
        assertEquals(2, both.exitCode());
        assertTrue(both.output().contains("--scenario and --state " + state + ": the account comes from the state file, which exists"),
                both.output());
        Outcome nowhere = localRun("--state", dir.resolve("no/such/folder/account.json").toString());
        assertEquals(2, nowhere.exitCode());
        assertTrue(nowhere.output().contains("must be a file, or a new file in an existing folder"), nowhere.output());
        Files.writeString(state, "{\"appstream\": {\"images\": [{\"name\": \"Base\", \"failedAt\": \"yesterday\"}]}}");
        Outcome broken = localRun("--state", state.toString());
        assertEquals(2, broken.exitCode());
        assertTrue(broken.output().contains("--state " + state + ": Invalid scenario at appstream.images[0]: AppStream image Base failedAt"
                + " yesterday is not an ISO-8601 instant"), broken.output());
    }

    @Test
    void theAwsTargetFindsAwsThroughTheSdksStandardSettingsOnly() throws Exception {
        // No simulator of its own: the SDK's default chains lead it wherever aws.endpointUrl points, here a simulator.
        try (SimulatedAccount account = new SimulatedAccount(Scenario.defaultScenario())) {
            Outcome run = localRun("--target", "aws", "--topic-arn", SimulatedRun.topicArn(account.simulator().scenario()), "--wait-ms", "1");
            assertEquals(0, run.exitCode(), run.output());
            assertEquals(1, account.simulator().publishedMessages().size());
            assertEquals(8, account.simulator().mutatingCalls().stream().filter(call -> !call.operation().equals("Publish")
                    && !call.operation().equals("PutEvents")).count(), "four creates, and four build-minutes tags once AVAILABLE");
            assertEquals(List.of(4), account.simulator().callsTo("PutEvents").stream().map(call -> call.request().path("Entries").size())
                    .toList(), "the four Image Updated events, on the bus the same standard settings lead to");
        }
    }

    @Test
    void theAwsTargetRefusesARunThatCanAskForAnApprovalUntilAnsweredOnTheCommandLine() throws Exception {
        try (SimulatedAccount account = new SimulatedAccount(Scenario.load(Path.of("simulator", "scenarios", "rollout.json")))) {
            String[] rollout = {"--target", "aws", "--topic-arn", SimulatedRun.topicArn(account.simulator().scenario()), "--wait-ms", "1",
                    "--input", "events/rollout-run.json"};
            Outcome refused = localRun(rollout);
            assertEquals(2, refused.exitCode(), refused.output());
            assertTrue(refused.output().contains("--target aws: this run can ask for an approval, which a local run answers in place of"
                    + " the mail's links: say how with --approve yes, no or timeout. It can ask because APPSTREAM Base-Win2022-2026-10-13"
                    + " has production targets prod-win2022-a, prod-win2022-b; WORKSPACES wsi-4d4d4d4d4 has production targets"
                    + " wsb-0a1b2c3d4; approval is \"required\" and it is no dry run. Nothing was called in AWS."), refused.output());
            assertEquals(List.of(), account.simulator().calls(), "refused before any AWS call");

            Outcome rejected = localRun(Stream.concat(Stream.of(rollout), Stream.of("--approve", "no")).toArray(String[]::new));
            assertEquals(0, rejected.exitCode(), rejected.output());
            assertEquals(List.of("staging-win2022"), account.simulator().callsTo("UpdateFleet").stream()
                    .map(call -> call.request().path("Name").asText()).toList(), "production kept its images: " + rejected.output());
        }
    }

    @Test
    void theHelpSaysWhatAnswersTheApprovalOnEachTarget() throws Exception {
        String help = localRun("--help").output().replaceAll("\\s+", " ");
        assertTrue(help.contains("--approve yes|no|timeout how the run's approval is answered, in place of the mail's links (default on"
                + " the simulator: yes; with --target aws it has no default and is required when the run can ask for an approval)"), help);
    }

    @Test
    void theAwsTargetPublishesThroughTheTopicsRegionNotTheDefaultOne() throws Exception {
        String topicInIreland = "arn:aws:sns:eu-west-1:123456789012:euc-image-updater";
        Scenario scenario = Scenario.fromJson(TestScenarios.scenario(TestScenarios.appStream("Base-Win2022", true, "AVAILABLE"), "",
                TestScenarios.NO_FAULTS).replace("arn:aws:sns:us-east-1:123456789012:euc-image-updater", topicInIreland));
        try (SnsClient sns = LocalRun.snsFor(topicInIreland); SimulatedAccount account = new SimulatedAccount(scenario)) {
            assertEquals(Region.EU_WEST_1, sns.serviceClientConfiguration().region());
            Path input = Files.writeString(Files.createTempFile("input", ".json"), TestScenarios.input(TestScenarios.image("APPSTREAM",
                    "Base-Win2022")));
            Outcome run = localRun("--target", "aws", "--topic-arn", topicInIreland, "--wait-ms", "1", "--input", input.toString());
            assertEquals(0, run.exitCode(), run.output());
            assertEquals(List.of(topicInIreland), account.simulator().publishedMessages().stream().map(PublishedMessage::topicArn).toList());
        }
    }
}
