package com.eucimageupdater.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.appstream.AppStreamClient;
import software.amazon.awssdk.services.appstream.model.AppStreamException;
import software.amazon.awssdk.services.appstream.model.ConcurrentModificationException;
import software.amazon.awssdk.services.appstream.model.DescribeFleetsResponse;
import software.amazon.awssdk.services.appstream.model.Fleet;
import software.amazon.awssdk.services.appstream.model.FleetState;
import software.amazon.awssdk.services.appstream.model.FleetType;
import software.amazon.awssdk.services.appstream.model.Image;
import software.amazon.awssdk.services.appstream.model.ImageBuilder;
import software.amazon.awssdk.services.appstream.model.ImageState;
import software.amazon.awssdk.services.appstream.model.IncompatibleImageException;
import software.amazon.awssdk.services.appstream.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.appstream.model.OperationNotPermittedException;
import software.amazon.awssdk.services.appstream.model.PlatformType;
import software.amazon.awssdk.services.appstream.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.appstream.model.ResourceInUseException;
import software.amazon.awssdk.services.appstream.model.ResourceNotAvailableException;
import software.amazon.awssdk.services.appstream.model.ResourceNotFoundException;
import software.amazon.awssdk.services.appstream.model.SharedImagePermissions;

/** AppStream roll-out and retention: fleets, image builders, image sharing, delete and copy, through the real SDK. */
class FleetSimulationTest {
    private static final String SCENARIO = """
            { "appstream": { "pageSize": 2,
                "images": [
                  { "name": "Base-2025-05", "platform": "WINDOWS_SERVER_2022", "tags": { "team": "euc" } },
                  { "name": "Base-2025-06", "platform": "WINDOWS_SERVER_2022", "tags": { "team": "euc" } },
                  { "name": "Old-2019", "platform": "WINDOWS_SERVER_2019" },
                  { "name": "Shared-2025-04", "sharedWithAccounts": [ "210987654321" ] },
                  { "name": "Builder-Base" },
                  { "name": "Unused-2025-03", "created": "2025-03-11T06:00:00Z" },
                  { "name": "Pending-2025-06", "state": "PENDING" },
                  { "name": "AppStream-WinServer2022-01-01-2025", "visibility": "PUBLIC" } ],
                "fleets": [
                  { "name": "staging", "imageName": "Base-2025-05" },
                  { "name": "prod-a", "type": "ON_DEMAND", "imageName": "Base-2025-05" },
                  { "name": "prod-2019", "imageName": "Old-2019" },
                  { "name": "stopped", "state": "STOPPED", "imageName": "Old-2019" },
                  { "name": "starting", "state": "STARTING", "imageName": "Old-2019" },
                  { "name": "apps", "type": "ELASTIC", "platform": "WINDOWS_SERVER_2019" } ],
                "imageBuilders": [ { "name": "builder", "imageName": "Builder-Base" } ] } }
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

    @Test
    void describeFleetsGivesEachFleetsImageTypeStateAndPlatformPagedWithNextToken() {
        DescribeFleetsResponse first = appStream.describeFleets(r -> { });
        List<Fleet> all = new ArrayList<>(first.fleets());
        for (String token = first.nextToken(); token != null; ) {
            String page = token;
            DescribeFleetsResponse next = appStream.describeFleets(r -> r.nextToken(page));
            all.addAll(next.fleets());
            token = next.nextToken();
        }

        assertEquals(2, first.fleets().size());
        assertEquals(List.of("staging", "prod-a", "prod-2019", "stopped", "starting", "apps"), all.stream().map(Fleet::name).toList());
        Fleet staging = all.get(0);
        assertEquals("Base-2025-05", staging.imageName());
        assertEquals("arn:aws:appstream:us-east-1:123456789012:image/Base-2025-05", staging.imageArn());
        assertEquals("arn:aws:appstream:us-east-1:123456789012:fleet/staging", staging.arn());
        assertEquals(FleetType.ALWAYS_ON, staging.fleetType());
        assertEquals(FleetState.RUNNING, staging.state());
        assertEquals(PlatformType.WINDOWS_SERVER_2022, staging.platform());
        assertEquals(FleetType.ON_DEMAND, all.get(1).fleetType());
        assertNull(all.get(5).imageName(), "an Elastic fleet has no image");
        assertEquals(PlatformType.WINDOWS_SERVER_2019, all.get(5).platform());
        assertThrows(ResourceNotFoundException.class, () -> appStream.describeFleets(r -> r.names("staging", "nope")));
    }

    @Test
    void updateFleetMovesAFleetToAnImageOfItsPlatformAndLaterDescribesShowIt() {
        Fleet updated = appStream.updateFleet(r -> r.name("staging").imageName("Base-2025-06")).fleet();
        appStream.updateFleet(r -> r.name("prod-a").imageArn("arn:aws:appstream:us-east-1:123456789012:image/Base-2025-06"));

        assertEquals("Base-2025-06", updated.imageName());
        assertEquals(List.of("Base-2025-06", "Base-2025-06"), appStream.describeFleets(r -> r.names("staging", "prod-a")).fleets()
                .stream().map(Fleet::imageName).toList());
        assertEquals(List.of("UpdateFleet", "UpdateFleet"), simulator.mutatingCalls().stream().map(RecordedCall::operation).toList());
    }

    @Test
    void updateFleetRefusesWhatAwsRefusesAndChangesNothing() {
        assertThrows(InvalidParameterCombinationException.class, () -> appStream.updateFleet(r -> r.name("staging")
                .imageName("Base-2025-06").imageArn("arn:aws:appstream:us-east-1:123456789012:image/Base-2025-06")));
        assertThrows(ResourceNotFoundException.class, () -> appStream.updateFleet(r -> r.name("nope").imageName("Base-2025-06")));
        assertThrows(ResourceNotFoundException.class, () -> appStream.updateFleet(r -> r.name("staging").imageName("Nope")));
        assertThrows(InvalidParameterCombinationException.class, () -> appStream.updateFleet(r -> r.name("apps").imageName("Old-2019")));
        assertThrows(ResourceNotAvailableException.class, () -> appStream.updateFleet(r -> r.name("staging").imageName("Pending-2025-06")));
        IncompatibleImageException platform = assertThrows(IncompatibleImageException.class,
                () -> appStream.updateFleet(r -> r.name("prod-2019").imageName("Base-2025-06")));
        assertTrue(platform.awsErrorDetails().errorMessage().contains("stop the fleet"));
        assertThrows(ConcurrentModificationException.class, () -> appStream.updateFleet(r -> r.name("starting").imageName("Old-2019")));
        AppStreamException noName = assertThrows(AppStreamException.class, () -> appStream.updateFleet(r -> r.imageName("Base-2025-06")));

        assertEquals("ValidationException", noName.awsErrorDetails().errorCode());
        assertEquals(1, simulator.modelViolations().size());
        assertEquals(List.of("Base-2025-05", "Base-2025-05", "Old-2019"),
                List.of(fleetImage("staging"), fleetImage("prod-a"), fleetImage("prod-2019")));
        assertTrue(simulator.calls().stream().filter(call -> call.operation().equals("UpdateFleet")).noneMatch(RecordedCall::succeeded));
    }

    @Test
    void aStoppedFleetCanTakeAnImageOfAnotherPlatform() {
        Fleet updated = appStream.updateFleet(r -> r.name("stopped").imageName("Base-2025-06")).fleet();

        assertEquals(PlatformType.WINDOWS_SERVER_2022, updated.platform());
        assertEquals("Base-2025-06", fleetImage("stopped"));
    }

    @Test
    void describeImageBuildersGivesEachBuildersImage() {
        List<ImageBuilder> builders = appStream.describeImageBuilders(r -> { }).imageBuilders();

        assertEquals(1, builders.size());
        assertEquals("builder", builders.get(0).name());
        assertEquals("arn:aws:appstream:us-east-1:123456789012:image/Builder-Base", builders.get(0).imageArn());
        assertThrows(ResourceNotFoundException.class, () -> appStream.describeImageBuilders(r -> r.names("nope")));
    }

    @Test
    void imagePermissionsListTheSharedAccountsAndUpdatesAddOrChangeOne() {
        appStream.updateImagePermissions(r -> r.name("Base-2025-06").sharedAccountId("111122223333")
                .imagePermissions(p -> p.allowFleet(true).allowImageBuilder(false)));

        List<SharedImagePermissions> shared = appStream.describeImagePermissions(r -> r.name("Base-2025-06")).sharedImagePermissionsList();
        assertEquals(1, shared.size());
        assertEquals("111122223333", shared.get(0).sharedAccountId());
        assertTrue(shared.get(0).imagePermissions().allowFleet());
        assertEquals(false, shared.get(0).imagePermissions().allowImageBuilder());
        assertEquals(List.of("210987654321"), appStream.describeImagePermissions(r -> r.name("Shared-2025-04"))
                .sharedImagePermissionsList().stream().map(SharedImagePermissions::sharedAccountId).toList());
        assertEquals("TRUE", describe("Shared-2025-04").imageSharedWithOthersAsString());
        assertEquals("FALSE", describe("Unused-2025-03").imageSharedWithOthersAsString());
        assertThrows(ResourceNotFoundException.class, () -> appStream.describeImagePermissions(r -> r.name("Nope")));
        assertThrows(ResourceNotAvailableException.class, () -> appStream.updateImagePermissions(r -> r.name("Pending-2025-06")
                .sharedAccountId("111122223333").imagePermissions(p -> p.allowFleet(true))));
    }

    @Test
    void deleteImageRefusesAnImageInUseSharedOrNotOwnedAndRemovesAnUnusedOne() {
        assertThrows(ResourceInUseException.class, () -> appStream.deleteImage(r -> r.name("Base-2025-05")));
        ResourceInUseException builder = assertThrows(ResourceInUseException.class, () -> appStream.deleteImage(r -> r.name("Builder-Base")));
        assertTrue(builder.awsErrorDetails().errorMessage().contains("image builder builder"));
        assertThrows(OperationNotPermittedException.class, () -> appStream.deleteImage(r -> r.name("Shared-2025-04")));
        assertThrows(OperationNotPermittedException.class, () -> appStream.deleteImage(r -> r.name("AppStream-WinServer2022-01-01-2025")));
        assertThrows(ResourceNotFoundException.class, () -> appStream.deleteImage(r -> r.name("Nope")));

        Image deleted = appStream.deleteImage(r -> r.name("Unused-2025-03")).image();

        assertEquals("Unused-2025-03", deleted.name());
        assertEquals(ImageState.DELETING, deleted.state());
        assertEquals("2025-03-11T06:00:00Z", deleted.createdTime().toString());
        assertThrows(ResourceNotFoundException.class, () -> describe("Unused-2025-03"));
        appStream.deleteImagePermissions(r -> r.name("Shared-2025-04").sharedAccountId("210987654321"));
        appStream.deleteImage(r -> r.name("Shared-2025-04"));
    }

    @Test
    void copyImageCopiesWithoutTagsAndRefusesATakenName() {
        assertEquals("Base-2025-06-copy", appStream.copyImage(r -> r.sourceImageName("Base-2025-06")
                .destinationImageName("Base-2025-06-copy").destinationRegion("us-east-1")).destinationImageName());
        appStream.copyImage(r -> r.sourceImageName("Base-2025-06").destinationImageName("Base-2025-06").destinationRegion("eu-west-1"));

        Image copy = describe("Base-2025-06-copy");
        assertEquals(ImageState.AVAILABLE, copy.state());
        assertEquals(Map.of(), appStream.listTagsForResource(r -> r.resourceArn(copy.arn())).tags());
        assertThrows(ResourceAlreadyExistsException.class, () -> appStream.copyImage(r -> r.sourceImageName("Base-2025-05")
                .destinationImageName("Base-2025-06").destinationRegion("eu-west-1")));
        assertThrows(ResourceNotFoundException.class, () -> appStream.copyImage(r -> r.sourceImageName("Nope")
                .destinationImageName("X").destinationRegion("eu-west-1")));
        assertThrows(ResourceNotAvailableException.class, () -> appStream.copyImage(r -> r.sourceImageName("Pending-2025-06")
                .destinationImageName("X").destinationRegion("eu-west-1")));
    }

    @Test
    void scriptedErrorsAndFaultsApplyToTheRollOutCalls() {
        Scenario scripted = Scenario.fromJson(SCENARIO.replaceFirst("\\{", """
                { "errors": [ { "operation": "UpdateFleet", "image": "prod-a", "type": "ConcurrentModificationException", "times": 1 } ],"""));
        try (AwsSimulator faulty = AwsSimulator.start(scripted); AppStreamClient client = SdkClients.appStream(faulty, 1)) {
            assertThrows(ConcurrentModificationException.class, () -> client.updateFleet(r -> r.name("prod-a").imageName("Base-2025-06")));
            client.updateFleet(r -> r.name("prod-a").imageName("Base-2025-06"));

            assertEquals(2, faulty.mutatingCalls().size());
        }
    }

    private String fleetImage(String fleet) {
        return appStream.describeFleets(r -> r.names(fleet)).fleets().get(0).imageName();
    }

    private Image describe(String name) {
        return appStream.describeImages(r -> r.names(name)).images().get(0);
    }
}
