package com.eucimageupdater.local;

import static com.eucimageupdater.local.TestScenarios.appStream;
import static com.eucimageupdater.local.TestScenarios.workSpaces;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.simulator.PublishedMessage;
import com.eucimageupdater.simulator.RecordedCall;
import com.eucimageupdater.simulator.Scenario;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Copy and share, through the real ASL and handlers, against a simulated account with a second Region. */
class DistributionEndToEndTest {
    private static final String SCENARIO = TestScenarios.scenario(appStream("Base-Win2022", true, "AVAILABLE"),
            workSpaces("wsi-0a1b2c3d4", "finance-win10", true, "AVAILABLE"), TestScenarios.NO_FAULTS)
            .replaceFirst("\\{\"region\"", "{\"accounts\": [{\"accountId\": \"123456789012\", \"regions\": {\"eu-west-1\": {}}}], \"region\"");
    private static final String INPUT = """
            {"images": [{"service": "APPSTREAM", "image": "Base-Win2022", "copyToRegions": ["eu-west-1"],
                         "shareWithAccounts": ["210987654321"]},
                        {"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "copyToRegions": ["eu-west-1"]}]%s}""";

    @Test
    @DisplayName("a new image is copied to the listed Region with its tags and shared with the listed account, and the mail says so")
    void copiedAndShared() throws Exception {
        try (SimulatedRun run = SimulatedRun.of(SCENARIO, INPUT.formatted(""))) {
            assertTrue(run.result.succeeded(), () -> run.result.error() + " " + run.result.cause());
            String mail = run.aws().publishedMessages().get(0).message();
            assertTrue(mail.contains("copied to eu-west-1; shared with 210987654321"), mail);
            assertTrue(mail.matches("(?s).*copied to eu-west-1 \\(wsi-[0-9a-z]{9}\\).*"), mail);
            List<String> inIreland = run.aws().calls().stream().filter(RecordedCall::succeeded).filter(call -> "eu-west-1".equals(call.region()))
                    .map(RecordedCall::operation).filter(operation -> !operation.startsWith("Describe") && !operation.startsWith("List"))
                    .toList();
            assertEquals(List.of("CopyWorkspaceImage", "TagResource"), inIreland.stream().sorted().toList(),
                    "the AppStream copy is tagged there (CopyImage copies no tags); the WorkSpaces copy is made there with its tags");
            assertEquals(1, run.aws().callsTo("CopyImage").size());
            assertEquals(1, run.aws().callsTo("UpdateImagePermissions").size());
            assertEquals(List.of(), run.aws().modelViolations());
        }
    }

    @Test
    @DisplayName("a report-only run counts the copies and shares it would make and makes none")
    void reportOnlyCountsThem() throws Exception {
        try (SimulatedRun run = SimulatedRun.of(SCENARIO, INPUT.formatted(", \"dryRun\": true"))) {
            String mail = run.aws().publishedMessages().get(0).message();
            assertTrue(mail.contains("would copy to eu-west-1; would share with 210987654321"), mail);
            assertEquals(List.of("Publish"), run.aws().mutatingCalls().stream().map(RecordedCall::operation).toList());
        }
    }

    @Test
    @DisplayName("a copy to a Region the deployment does not work in is refused with a mail before any call, and no image is made")
    void copyOutsideTheWorkRegionsIsRefused() throws Exception {
        String toSaoPaulo = INPUT.formatted("").replace("\"copyToRegions\": [\"eu-west-1\"],",
                "\"copyToRegions\": [\"eu-west-1\", \"sa-east-1\"],");
        try (SimulatedRun run = SimulatedRun.of(SCENARIO, toSaoPaulo)) {
            assertEquals("InvalidInput", run.result.error());
            assertEquals(List.of("Publish"), run.aws().calls().stream().map(RecordedCall::operation).toList(),
                    "no AppStream or WorkSpaces call at all, only the mail");
            PublishedMessage mail = run.aws().publishedMessages().get(0);
            assertEquals("INPUT_REJECTED", mail.attributes().get("status"));
            assertTrue(mail.message().contains("images[0].copyToRegions[1]: \"sa-east-1\" is not a Region this deployment works in (its own"
                    + " us-east-1, and cdk.json's targets, images and additionalRegions: eu-west-1, us-east-1); add it to additionalRegions"
                    + " in cdk.json and deploy again"), mail.message());
            Scenario.Location home = run.aws().snapshot().location("123456789012", "us-east-1");
            assertEquals(List.of("Base-Win2022"), home.appstream().images().stream().map(Scenario.AppStreamImage::name).toList());
            assertEquals(List.of("wsi-0a1b2c3d4"), home.workspaces().images().stream().map(Scenario.WorkSpacesImage::id).toList());
        }
    }
}
