package com.eucimageupdater.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.appstream.AppStreamClient;
import software.amazon.awssdk.services.appstream.model.AppStreamException;
import software.amazon.awssdk.services.appstream.model.ComputeCapacityStatus;
import software.amazon.awssdk.services.appstream.model.CreateStreamingUrlResponse;
import software.amazon.awssdk.services.appstream.model.Fleet;
import software.amazon.awssdk.services.appstream.model.FleetError;
import software.amazon.awssdk.services.appstream.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.appstream.model.ResourceNotAvailableException;
import software.amazon.awssdk.services.appstream.model.ResourceNotFoundException;

/** What a staged fleet reports after its move (afterMove) and CreateStreamingURL, through the real SDK. */
class StagedFleetSimulationTest {
    private static final String SCENARIO = """
            { "appstream": {
                "images": [ { "name": "Base-2025-05" }, { "name": "Base-2025-06" } ],
                "fleets": [
                  { "name": "replacing", "imageName": "Base-2025-05", "desiredInstances": 2, "afterMove": { "replacingDescribes": 1 },
                    "stacks": [ "test-stack" ] },
                  { "name": "broken", "imageName": "Base-2025-05", "desiredInstances": 2,
                    "afterMove": { "fleetErrors": [ { "errorCode": "IMAGE_NOT_FOUND", "errorMessage": "The image is gone" } ],
                                   "available": 0 } },
                  { "name": "stopped", "state": "STOPPED", "imageName": "Base-2025-05", "stacks": [ "training-stack" ] } ] } }
            """;

    private AwsSimulator simulator;
    private AppStreamClient appStream;

    @BeforeEach
    void start() {
        simulator = AwsSimulator.start(Scenario.fromJson(SCENARIO));
        appStream = SdkClients.appStream(simulator, 1);
    }

    @AfterEach
    void stop() {
        appStream.close();
        simulator.close();
    }

    private Fleet describe(String name) {
        return appStream.describeFleets(r -> r.names(name)).fleets().get(0);
    }

    @Test
    void aMovedFleetShowsNoInstanceForItsReplacingDescribesThenEveryDesiredOne() {
        assertEquals(2, describe("replacing").computeCapacityStatus().available());
        appStream.updateFleet(r -> r.name("replacing").imageName("Base-2025-06"));

        ComputeCapacityStatus replacing = describe("replacing").computeCapacityStatus();
        ComputeCapacityStatus replaced = describe("replacing").computeCapacityStatus();

        assertEquals(List.of(2, 0, 0), List.of(replacing.desired(), replacing.running(), replacing.available()));
        assertEquals(List.of(2, 2, 2), List.of(replaced.desired(), replaced.running(), replaced.available()));
    }

    @Test
    void aMovedFleetReportsItsScriptedFleetErrorsAndCapacityOnlyOnceMoved() {
        assertEquals(List.of(), describe("broken").fleetErrors());
        appStream.updateFleet(r -> r.name("broken").imageName("Base-2025-06"));

        Fleet broken = describe("broken");
        assertEquals(List.of(FleetError.builder().errorCode("IMAGE_NOT_FOUND").errorMessage("The image is gone").build()),
                broken.fleetErrors());
        assertEquals(0, broken.computeCapacityStatus().available());
    }

    @Test
    void createStreamingUrlHandsOutAUrlForAStackOfARunningFleetOnly() {
        Instant before = Instant.now();
        CreateStreamingUrlResponse url = appStream.createStreamingURL(r -> r.stackName("test-stack").fleetName("replacing")
                .userId("gate-check").validity(60L));

        assertTrue(url.streamingURL().startsWith("https://appstream2.us-east-1.aws.amazon.com/authenticate?parameters="), url::toString);
        assertTrue(!url.expires().isBefore(before.plus(Duration.ofSeconds(59))), url::toString);
        assertThrows(InvalidParameterCombinationException.class, () -> appStream.createStreamingURL(r -> r.stackName("training-stack")
                .fleetName("replacing").userId("gate-check")));
        assertThrows(ResourceNotAvailableException.class, () -> appStream.createStreamingURL(r -> r.stackName("training-stack")
                .fleetName("stopped").userId("gate-check")));
        assertThrows(ResourceNotFoundException.class, () -> appStream.createStreamingURL(r -> r.stackName("no-stack")
                .fleetName("replacing").userId("gate-check")));
        assertEquals(List.of(), simulator.mutatingCalls().stream().filter(call -> call.operation().equals("CreateStreamingURL")).toList());
    }

    @Test
    void createStreamingUrlIsValidatedAgainstTheModel() {
        assertThrows(AppStreamException.class, () -> appStream.createStreamingURL(
                r -> r.stackName("test-stack").fleetName("replacing").userId("x")));
        assertEquals(1, simulator.modelViolations().size());
    }
}
