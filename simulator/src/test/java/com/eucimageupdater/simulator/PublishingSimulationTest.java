package com.eucimageupdater.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.HierarchyLevelLimitExceededException;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.SsmException;

/** EventBridge's PutEvents and Parameter Store's PutParameter and GetParameter, through the real SDK. */
class PublishingSimulationTest {
    private static final String ACCOUNT = "123456789012";

    private AwsSimulator simulator;
    private EventBridgeClient events;
    private SsmClient ssm;

    @BeforeEach
    void start() {
        simulator = AwsSimulator.start(Scenario.defaultScenario());
        events = SdkClients.eventBridge(simulator, Region.US_EAST_1);
        ssm = SdkClients.ssm(simulator, Region.US_EAST_1);
    }

    @AfterEach
    void stop() {
        events.close();
        ssm.close();
        simulator.close();
    }

    private static PutEventsRequestEntry entry(String detailType, String detail) {
        return PutEventsRequestEntry.builder().source("euc-image-updater").detailType(detailType).detail(detail).build();
    }

    @Test
    void eventsGoOntoTheDefaultBusOfTheSigningAccountAndRegionWithTheirDetailParsed() {
        PutEventsResponse answer = events.putEvents(r -> r.entries(entry("Image Updated", "{\"newImage\": \"Base-2026-11-10\"}")));

        assertEquals(0, answer.failedEntryCount());
        PublishedEvent published = simulator.publishedEvents().get(0);
        assertEquals(List.of(ACCOUNT, "us-east-1", "default", answer.entries().get(0).eventId(), "euc-image-updater", "Image Updated"),
                List.of(published.account(), published.region(), published.eventBus(), published.eventId(), published.source(),
                        published.detailType()));
        assertEquals("Base-2026-11-10", published.detail().path("newImage").asText());
        assertEquals(List.of(), simulator.modelViolations());
    }

    @Test
    void anEntryTheBusRefusesFailsAloneWithItsCodeWhileTheOthersArePublished() {
        PutEventsResponse answer = events.putEvents(r -> r.entries(entry("Image Updated", "{}"), entry("Rolled Back", "not json"),
                PutEventsRequestEntry.builder().source("aws.appstream").detailType("Image Updated").detail("{}").build(),
                entry("x".repeat(129), "{}")));

        assertEquals(3, answer.failedEntryCount());
        assertTrue(answer.entries().get(0).eventId() != null);
        assertEquals(List.of("MalformedDetail", "NotAuthorizedForSourceException", "InvalidArgument"),
                answer.entries().subList(1, 4).stream().map(result -> result.errorCode()).toList());
        assertEquals(1, simulator.publishedEvents().size());
    }

    @Test
    void moreThanTenEntriesOrNoneCompleteFailTheWholeRequest() {
        List<PutEventsRequestEntry> eleven = java.util.Collections.nCopies(11, entry("Image Updated", "{}"));

        EventBridgeException tooMany = assertThrows(EventBridgeException.class, () -> events.putEvents(r -> r.entries(eleven)));
        EventBridgeException incomplete = assertThrows(EventBridgeException.class, () -> events.putEvents(r -> r.entries(
                PutEventsRequestEntry.builder().source("euc-image-updater").build())));

        assertTrue(tooMany.getMessage().contains("Member must have length less than or equal to 10"), tooMany.getMessage());
        assertEquals("ValidationException", incomplete.awsErrorDetails().errorCode());
        assertEquals(List.of(), simulator.publishedEvents());
    }

    @Test
    void aParameterIsCreatedThenOverwrittenAsANewVersionAndReadBack() {
        String name = "/euc-image-updater/" + ACCOUNT + "/us-east-1/appstream/Base-Win2022";
        long first = ssm.putParameter(r -> r.name(name).value("Base-Win2022-2026-10-13").type(ParameterType.STRING)).version();
        long second = ssm.putParameter(r -> r.name(name).value("Base-Win2022-2026-11-10").type(ParameterType.STRING).overwrite(true)
                .description("production image")).version();

        assertEquals(List.of(1L, 2L), List.of(first, second));
        assertEquals("Base-Win2022-2026-11-10", ssm.getParameter(r -> r.name(name)).parameter().value());
        assertEquals("production image", simulator.parameter(ACCOUNT, "us-east-1", name).orElseThrow().description());
        assertThrows(ParameterAlreadyExistsException.class, () -> ssm.putParameter(r -> r.name(name).value("x")));
        assertThrows(ParameterNotFoundException.class, () -> ssm.getParameter(r -> r.name(name + "-missing")));
        assertEquals(List.of(), simulator.modelViolations());
    }

    @Test
    void parameterNamesFollowTheDocumentedRules() {
        assertThrows(HierarchyLevelLimitExceededException.class, () -> ssm.putParameter(r -> r.name("/a".repeat(16)).value("x")
                .type(ParameterType.STRING)));
        SsmException space = assertThrows(SsmException.class, () -> ssm.putParameter(r -> r.name("/euc-image-updater/a b").value("x")
                .type(ParameterType.STRING)));
        SsmException reserved = assertThrows(SsmException.class, () -> ssm.putParameter(r -> r.name("/aws/x").value("x")
                .type(ParameterType.STRING)));
        SsmException tooBig = assertThrows(SsmException.class, () -> ssm.putParameter(r -> r.name("/big").value("x".repeat(4097))
                .type(ParameterType.STRING)));

        assertEquals(List.of("ValidationException", "ValidationException", "ValidationException"), List.of(space, reserved, tooBig)
                .stream().map(refused -> refused.awsErrorDetails().errorCode()).toList());
        assertTrue(simulator.parameter(ACCOUNT, "us-east-1", "/big").isEmpty());
    }
}
