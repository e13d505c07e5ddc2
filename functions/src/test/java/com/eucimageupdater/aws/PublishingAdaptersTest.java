package com.eucimageupdater.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.model.Service;
import com.eucimageupdater.publish.DetailType;
import com.eucimageupdater.publish.EventBus;
import com.eucimageupdater.publish.LineageParameter;
import com.eucimageupdater.publish.LineageParameters;
import com.eucimageupdater.publish.RunEvent;
import com.eucimageupdater.simulator.Scenario;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** The EventBridge and Parameter Store adapters through the real SDK: batches, per-entry refusals, versions. */
class PublishingAdaptersTest {
    private static RunEvent event(int i) {
        return new RunEvent(DetailType.IMAGE_UPDATED, RunEvent.Detail.of("123456789012", "us-east-1", Service.APPSTREAM, "Base-" + i,
                "Base-" + i + "-2026-11-10", null, "monthly-2026-11"));
    }

    private static List<RunEvent> events(int count) {
        return IntStream.range(0, count).mapToObj(PublishingAdaptersTest::event).toList();
    }

    @Test
    void eventsGoTenACallInOrderEachWithTheSourceItsDetailTypeAndItsDetailAsAJsonString() throws Exception {
        try (SimulatedAccount account = SimulatedAccount.start(Scenario.defaultScenario())) {
            List<EventBus.Delivery> deliveries = new EventBridgeBus(account.eventBridge()).put(events(23));

            assertEquals(List.of(10, 10, 3), account.simulator().callsTo("PutEvents").stream()
                    .map(call -> call.request().path("Entries").size()).toList());
            assertTrue(deliveries.stream().allMatch(EventBus.Delivery::isPublished));
            assertEquals(events(23).stream().map(event -> event.detail().source()).toList(), account.simulator().publishedEvents().stream()
                    .map(published -> published.detail().path("source").asText()).toList());
            assertTrue(account.simulator().publishedEvents().stream().allMatch(published -> published.source().equals("euc-image-updater")
                    && published.detailType().equals("Image Updated")));
            assertEquals(List.of(), account.simulator().modelViolations());
        }
    }

    @Test
    void anEntryTheBusRefusesComesBackAsThatEventsErrorAndTheOthersAsPublished() throws Exception {
        try (ScriptedAwsJsonService events = new ScriptedAwsJsonService()) {
            events.reply(200, """
                    {"FailedEntryCount": 1, "Entries": [{"EventId": "e-1"}, {"ErrorCode": "ThrottlingException",
                     "ErrorMessage": "Rate exceeded"}, {"EventId": "e-3"}]}""");

            List<EventBus.Delivery> deliveries = new EventBridgeBus(events.client(EventBridgeClient.builder())).put(events(3));

            assertEquals(List.of(true, false, true), deliveries.stream().map(EventBus.Delivery::isPublished).toList());
            assertEquals("event Image Updated for Base-1 -> Base-1-2026-11-10 (APPSTREAM, 123456789012, us-east-1) not published:"
                    + " ThrottlingException: Rate exceeded", deliveries.get(1).failure());
            assertEquals("AWSEvents.PutEvents", events.requests().get(0).target());
        }
    }

    @Test
    void aCallTheBusRefusesWholeFailsEachEventOfItsBatchWithTheErrorAndTheNextBatchStillGoes() throws Exception {
        try (ScriptedAwsJsonService events = new ScriptedAwsJsonService()) {
            events.error("AccessDeniedException", "not authorized to perform: events:PutEvents")
                    .reply(200, "{\"FailedEntryCount\": 0, \"Entries\": [{\"EventId\": \"e-11\"}]}");

            List<EventBus.Delivery> deliveries = new EventBridgeBus(events.client(EventBridgeClient.builder())).put(events(11));

            assertEquals(10, deliveries.stream().filter(delivery -> "AccessDeniedException".equals(delivery.errorCode())).count());
            assertEquals("e-11", deliveries.get(10).eventId());
        }
    }

    @Test
    void aParameterIsWrittenAsAStandardStringOverwritingTheLastVersionAndARefusalIsAnswered() throws Exception {
        try (SimulatedAccount account = SimulatedAccount.start(Scenario.defaultScenario())) {
            SsmLineageParameters parameters = new SsmLineageParameters(account.ssm());
            LineageParameter first = new LineageParameter("/euc-image-updater/123456789012/us-east-1/appstream/Base", "Base-2026-10-13",
                    "why");

            parameters.write(first);
            LineageParameters.Written second = parameters.write(new LineageParameter(first.name(), "Base-2026-11-10", "why"));
            LineageParameters.Written refused = parameters.write(new LineageParameter("/a".repeat(16), "x", "why"));

            assertEquals(2L, second.version());
            assertEquals(List.of(true, true, true), account.simulator().callsTo("PutParameter").stream().map(call -> call.request()
                    .path("Overwrite").asBoolean() && call.request().path("Type").asText().equals("String")
                    && call.request().path("Tier").asText().equals("Standard")).toList());
            assertEquals("HierarchyLevelLimitExceededException", refused.errorCode());
            assertEquals("Base-2026-11-10", account.simulator().parameter("123456789012", "us-east-1", first.name()).orElseThrow().value());
        }
    }
}
