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
    void aRunWithFailuresExitsNonZero() throws Exception {
        Outcome run = localRun("--wait-ms", "1", "--scenario", "simulator/scenarios/bad-month.json");
        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("LimitExceededException"), run.output());
        assertTrue(run.output().contains("Execution FAILED"), run.output());
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
