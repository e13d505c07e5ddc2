package com.eucimageupdater.local;

import static com.eucimageupdater.local.RolloutEndToEndTest.NEW_BASE;
import static com.eucimageupdater.local.RolloutEndToEndTest.ROLLOUT_RUN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.simulator.AwsSimulator;
import com.eucimageupdater.simulator.PublishedEvent;
import com.eucimageupdater.simulator.Scenario;
import com.eucimageupdater.simulator.SsmParameter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What other systems are told, through the real ASL on the simulator's roll-out account: the events on the default bus
 * and the lineages' parameters, asserted on what the simulated EventBridge and Parameter Store took.
 */
class PublishingEndToEndTest {
    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "us-east-1";
    private static final String BASE_PARAMETER = "/euc-image-updater/" + ACCOUNT + "/" + REGION + "/appstream/Base-Win2022";
    private static final String WORKSPACES_PARAMETER = "/euc-image-updater/" + ACCOUNT + "/" + REGION + "/workspaces/wsi-0a1b2c3d4";

    private static SimulatedAccount rolloutAccount(String extra) throws Exception {
        String scenario = RolloutEndToEndTest.rolloutAccount();
        return new SimulatedAccount(Scenario.fromJson(extra.isEmpty() ? scenario : scenario.replaceFirst("\\{", "{" + extra + ",")));
    }

    private static List<String> detailTypes(AwsSimulator aws) {
        return aws.publishedEvents().stream().map(PublishedEvent::detailType).toList();
    }

    private static JsonNode detail(AwsSimulator aws, String detailType, String service) {
        return aws.publishedEvents().stream().filter(event -> event.detailType().equals(detailType))
                .map(PublishedEvent::detail).filter(detail -> detail.path("service").asText().equals(service)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("an approved run publishes Image Updated, Approval Requested and Production Rolled Out, and writes each lineage's parameter")
    void anApprovedRunTellsOtherSystemsAtEachStep() throws Exception {
        try (SimulatedAccount account = rolloutAccount("")) {
            AwsSimulator aws = account.simulator();
            String execution = RolloutEndToEndTest.rolledOut(account);

            assertEquals(List.of("Image Updated", "Image Updated", "Approval Requested", "Approval Requested", "Production Rolled Out",
                    "Production Rolled Out"), detailTypes(aws));
            assertTrue(aws.publishedEvents().stream().allMatch(event -> event.source().equals("euc-image-updater")
                    && event.account().equals(ACCOUNT) && event.region().equals(REGION) && event.eventBus().equals("default")));
            assertEquals(SimulatedRun.JSON.readTree("""
                    {"account": "%s", "region": "%s", "service": "APPSTREAM", "source": "Base-Win2022-2026-10-13", "newImage": "%s",
                     "executionName": "%s"}""".formatted(ACCOUNT, REGION, NEW_BASE, execution)),
                    detail(aws, "Image Updated", "APPSTREAM"));
            assertEquals(SimulatedRun.JSON.readTree("""
                    {"account": "%s", "region": "%s", "service": "APPSTREAM", "source": "Base-Win2022-2026-10-13", "newImage": "%s",
                     "targets": ["prod-win2022-a", "prod-win2022-b"], "executionName": "%s"}""".formatted(ACCOUNT, REGION, NEW_BASE, execution)),
                    detail(aws, "Production Rolled Out", "APPSTREAM"));
            assertEquals(List.of("prod-win2022-a", "prod-win2022-b"), SimulatedRun.JSON.convertValue(
                    detail(aws, "Approval Requested", "APPSTREAM").path("targets"), List.class));
            JsonNode workSpaces = detail(aws, "Production Rolled Out", "WORKSPACES");
            assertTrue(workSpaces.path("newImage").asText().startsWith("wsi-") && workSpaces.path("newImageName").asText()
                    .startsWith("ws-win10-base-"), workSpaces::toString);
            assertTrue(RolloutEndToEndTest.indexOf(aws, "Publish", "approve the roll-out") < RolloutEndToEndTest.indexOf(aws, "PutEvents",
                    "Approval Requested"), "Approval Requested only once SNS took the approval mail");

            SsmParameter base = aws.parameter(ACCOUNT, REGION, BASE_PARAMETER).orElseThrow();
            assertEquals(List.of(NEW_BASE, "String", "Standard", 1L), List.of(base.value(), base.type(), base.tier(), base.version()));
            assertTrue(base.description().contains("rolled out to production by run " + execution), base.description());
            assertEquals(workSpaces.path("newImage").asText(), aws.parameter(ACCOUNT, REGION, WORKSPACES_PARAMETER).orElseThrow().value());
            String mail = RolloutEndToEndTest.lastMail(aws);
            assertTrue(mail.contains("  published: 2 Production Rolled Out\n  parameter " + BASE_PARAMETER + " = " + NEW_BASE
                    + " (version 1)\n"), mail);
            assertEquals(List.of(), aws.modelViolations());
        }
    }

    @Test
    @DisplayName("a rollback publishes Rolled Back for each move back and writes the lineage's parameter again, naming the image production runs")
    void aRollbackTellsOtherSystemsWhatMovedBack() throws Exception {
        try (SimulatedAccount account = rolloutAccount("")) {
            AwsSimulator aws = account.simulator();
            String execution = RolloutEndToEndTest.rolledOut(account);
            int before = aws.publishedEvents().size();

            ExecutionResult rollback = RolloutEndToEndTest.rollBack(account, execution);

            assertTrue(rollback.succeeded(), rollback::toString);
            List<PublishedEvent> rolledBack = aws.publishedEvents().subList(before, aws.publishedEvents().size());
            assertEquals(List.of("Rolled Back", "Rolled Back", "Rolled Back"), rolledBack.stream().map(PublishedEvent::detailType).toList());
            JsonNode production = rolledBack.stream().map(PublishedEvent::detail)
                    .filter(detail -> detail.path("targets").toString().contains("prod-win2022-a")).findFirst().orElseThrow();
            assertEquals(List.of(NEW_BASE, "Base-Win2022-2026-09-08", execution), List.of(production.path("newImage").asText(),
                    production.path("movedBackTo").asText(), production.path("rolledBackExecution").asText()));
            SsmParameter base = aws.parameter(ACCOUNT, REGION, BASE_PARAMETER).orElseThrow();
            assertEquals(List.of("Base-Win2022-2026-09-08", 2L), List.of(base.value(), base.version()),
                    "production's image again, not the staging fleet's");
            assertEquals("wsi-3c3c3c3c3", aws.parameter(ACCOUNT, REGION, WORKSPACES_PARAMETER).orElseThrow().value());
            assertTrue(RolloutEndToEndTest.lastMail(aws).contains("  published: 3 Rolled Back\n"), RolloutEndToEndTest.lastMail(aws));
        }
    }

    @Test
    @DisplayName("a report-only run publishes nothing, writes no parameter, and its mail says what it would publish")
    void aReportOnlyRunPublishesNothing() throws Exception {
        try (SimulatedAccount account = rolloutAccount("")) {
            AwsSimulator aws = account.simulator();

            ExecutionResult dryRun = LocalWorkflow.run(Definition.DEFAULT_FILE, SimulatedRun.JSON.readTree(
                            ROLLOUT_RUN.replace("\"approval\": \"required\"", "\"dryRun\": true")),
                    RolloutEndToEndTest.answering(LocalApproval.YES), account.target(SimulatedRun.topicArn(aws.scenario())), event -> { });

            assertTrue(dryRun.succeeded(), dryRun::toString);
            assertEquals(List.of(), aws.callsTo("PutEvents"));
            assertEquals(List.of(), aws.callsTo("PutParameter"));
            String mail = RolloutEndToEndTest.lastMail(aws);
            assertTrue(mail.contains(", report only: nothing was published:\n  would publish: 2 Image Updated\n"), mail);
        }
    }

    @Test
    @DisplayName("a bus that refuses events never stops the roll-out: the mails name each event and AWS's error, and the run fails")
    void aRefusedEventIsReportedNeverClaimed() throws Exception {
        String refusing = """
                "errors": [{"operation": "PutEvents", "type": "InternalException", "message": "EventBridge is down"}]""";
        try (SimulatedAccount account = rolloutAccount(refusing)) {
            AwsSimulator aws = account.simulator();

            ExecutionResult run = LocalWorkflow.run(Definition.DEFAULT_FILE, SimulatedRun.JSON.readTree(ROLLOUT_RUN),
                    RolloutEndToEndTest.answering(LocalApproval.YES), account.target(SimulatedRun.topicArn(aws.scenario())), event -> { });

            assertEquals("ImageUpdatesFailed", run.error(), run::toString);
            assertEquals(List.of(), aws.publishedEvents());
            assertEquals(NEW_BASE, aws.parameter(ACCOUNT, REGION, BASE_PARAMETER).orElseThrow().value(), "the parameter is its own call");
            assertTrue(RolloutEndToEndTest.moves(aws).contains("prod-win2022-a -> " + NEW_BASE), "production rolled out all the same");
            String mail = RolloutEndToEndTest.lastMail(aws);
            assertTrue(RolloutEndToEndTest.lastSubject(aws).contains("4 events or parameters not published"), RolloutEndToEndTest.lastSubject(aws));
            assertTrue(mail.contains("  event Production Rolled Out for Base-Win2022-2026-10-13 -> " + NEW_BASE + " (APPSTREAM, "
                    + ACCOUNT + ", " + REGION + ") not published: InternalException: EventBridge is down\n"), mail);
            assertTrue(!mail.contains("  published: "), "no event is said to have gone out");
            assertTrue(aws.publishedMessages().stream().anyMatch(notice -> notice.subject().startsWith(
                    "euc-image-updater: Approval Requested not published") && notice.message().contains("InternalException")));
        }
    }
}
