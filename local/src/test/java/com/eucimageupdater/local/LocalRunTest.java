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
import java.util.List;
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
        assertTrue(run.output().contains("Subject: euc-image-updater: 4 updated, 2 up to date, 0 failed"), run.output());
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
    void theAwsTargetFindsAwsThroughTheSdksStandardSettingsOnly() throws Exception {
        // No simulator of its own: the SDK's default chains lead it wherever aws.endpointUrl points, here a simulator.
        try (SimulatedAccount account = new SimulatedAccount(Scenario.defaultScenario())) {
            Outcome run = localRun("--target", "aws", "--topic-arn", SimulatedRun.topicArn(account.simulator().scenario()), "--wait-ms", "1");
            assertEquals(0, run.exitCode(), run.output());
            assertEquals(1, account.simulator().publishedMessages().size());
            assertEquals(8, account.simulator().mutatingCalls().stream().filter(call -> !call.operation().equals("Publish")).count(),
                    "four creates, and four build-minutes tags once AVAILABLE");
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
