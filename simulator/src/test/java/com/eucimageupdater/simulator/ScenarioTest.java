package com.eucimageupdater.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.appstream.AppStreamClient;
import software.amazon.awssdk.services.appstream.model.OperationNotPermittedException;
import software.amazon.awssdk.services.appstream.model.ResourceInUseException;
import software.amazon.awssdk.services.workspaces.WorkSpacesClient;
import software.amazon.awssdk.services.workspaces.model.AccessDeniedException;
import software.amazon.awssdk.services.workspaces.model.ResourceAssociatedException;

class ScenarioTest {
    @Test
    void theDefaultScenarioHasImagesWithAndWithoutUpdatesThatAllBuildAndOneTopic() {
        Scenario scenario = Scenario.defaultScenario();

        // The monthly run's three, and for the drift report an Amazon Linux 2 image and a pipeline image nothing uses.
        assertEquals(5, scenario.appstream().images().size());
        assertEquals(2, scenario.appstream().images().stream().filter(Scenario.AppStreamImage::updateAvailable).count());
        assertEquals(3, scenario.workspaces().images().size());
        assertEquals(List.of(Scenario.BuildOutcome.AVAILABLE, Scenario.BuildOutcome.AVAILABLE),
                scenario.workspaces().images().stream().filter(Scenario.WorkSpacesImage::updateAvailable)
                        .map(image -> image.build().outcome()).toList());
        assertEquals(List.of("arn:aws:sns:us-east-1:123456789012:euc-image-updater"), scenario.sns().topics());
    }

    @Test
    void theDefaultScenarioHasFleetsAndBundlesForTheDriftReport() {
        Scenario scenario = Scenario.defaultScenario();

        assertEquals(List.of("Finance-Win2022", "Engineering-Win2019", "Tools-AL2"),
                scenario.appstream().fleets().stream().map(Scenario.Fleet::imageName).toList());
        assertEquals(List.of("WINDOWS_10", "WINDOWS_SERVER_2016"),
                scenario.workspaces().bundles().stream().map(BundleSpec::operatingSystemName).toList());
    }

    @Test
    void aBundlesOperatingSystemMustBeOneWorkSpacesHas() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new BundleSpec("wsb-0a1b2c3d4", "office", null, null, "wsi-0a1b2c3d4", 1, null, "WINDOWS_95",
                        List.of(), List.of()));
        assertTrue(refused.getMessage().contains("operatingSystemName WINDOWS_95 is not one of"), refused.getMessage());
    }

    @Test
    void absentFieldsTakeDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scenario.json");
        Files.writeString(file, "{ \"appstream\": { \"images\": [ { \"name\": \"Base\" } ] } }");

        Scenario scenario = Scenario.load(file);

        assertEquals("us-east-1", scenario.region());
        assertEquals("123456789012", scenario.accountId());
        Scenario.AppStreamImage image = scenario.appstream().images().get(0);
        assertEquals("AVAILABLE", image.state());
        assertEquals("PRIVATE", image.visibility());
        assertEquals(Scenario.BuildOutcome.AVAILABLE, image.build().outcome());
        assertEquals(2, image.build().pollsUntilDone());
    }

    @Test
    void errorAndFailedAreTheSameOutcome() {
        Scenario scenario = Scenario.fromJson("""
                { "workspaces": { "images": [ { "id": "wsi-0a1b2c3d4", "name": "a", "build": { "outcome": "ERROR" } } ] },
                  "appstream": { "images": [ { "name": "b", "build": { "outcome": "failed" } } ] } }""");

        assertEquals(Scenario.BuildOutcome.FAILED, scenario.workspaces().images().get(0).build().outcome());
        assertEquals(Scenario.BuildOutcome.FAILED, scenario.appstream().images().get(0).build().outcome());
    }

    @Test
    void aScriptedErrorTypeMustBeAnErrorOfThatServicesModel() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Scenario.fromJson("""
                { "errors": [ { "operation": "CreateUpdatedImage", "type": "ResourceLimitExceededException" } ] }"""));

        assertTrue(error.getMessage().contains("appstream has no error ResourceLimitExceededException"), error.getMessage());
        Scenario.fromJson("""
                { "errors": [ { "operation": "CreateUpdatedWorkspaceImage", "type": "ResourceLimitExceededException" } ] }""");
    }

    @Test
    void anOperationOfSeveralServicesNeedsItsServiceNamed() {
        assertThrows(IllegalArgumentException.class, () -> Scenario.fromJson("""
                { "errors": [ { "operation": "TagResource", "type": "LimitExceededException" } ] }"""));

        Scenario scenario = Scenario.fromJson("""
                { "errors": [ { "service": "appstream", "operation": "TagResource", "type": "LimitExceededException" } ] }""");
        assertEquals("appstream", scenario.errors().get(0).service());
    }

    @Test
    void misspelledFieldsAndBadValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Scenario.fromJson("{ \"acountId\": \"1\" }"));
        assertThrows(IllegalArgumentException.class, () -> Scenario.fromJson(
                "{ \"workspaces\": { \"images\": [ { \"id\": \"ws-1\", \"name\": \"a\" } ] } }"));
        assertThrows(IllegalArgumentException.class, () -> Scenario.fromJson(
                "{ \"faults\": { \"throttleRate\": 0.8, \"serverErrorRate\": 0.5 } }"));
        assertThrows(IllegalArgumentException.class, () -> Scenario.fromJson(
                "{ \"appstream\": { \"images\": [ { \"name\": \"a\" }, { \"name\": \"a\" } ] } }"));
    }

    @Test
    void theSampleBadMonthScenarioLoadsWithFaultsAndAScriptedQuotaError() {
        Scenario scenario = Scenario.load(Path.of("scenarios", "bad-month.json"));

        assertEquals(0.2, scenario.faults().throttleRate());
        assertEquals("LimitExceededException", scenario.errors().get(0).type());
    }

    @Test
    void theSampleRolloutScenarioHasFleetsBundlesAndImagesForRetention() {
        Scenario scenario = Scenario.load(Path.of("scenarios", "rollout.json"));

        assertEquals(List.of("ALWAYS_ON", "ALWAYS_ON", "ON_DEMAND", "ON_DEMAND", "ELASTIC"),
                scenario.appstream().fleets().stream().map(Scenario.Fleet::type).toList());
        assertEquals(List.of("123456789012", "AMAZON"), scenario.workspaces().bundles().stream()
                .map(bundle -> bundle.ownedBy("123456789012") ? "123456789012" : bundle.owner()).toList());
        try (AwsSimulator simulator = AwsSimulator.start(scenario);
             AppStreamClient appStream = SdkClients.appStream(simulator, 1);
             WorkSpacesClient workSpaces = SdkClients.workSpaces(simulator, 1)) {
            assertThrows(ResourceInUseException.class, () -> appStream.deleteImage(r -> r.name("Base-Win2022-2026-07-14")));
            assertThrows(OperationNotPermittedException.class, () -> appStream.deleteImage(r -> r.name("Partner-Win2022-2026-08-11")));
            assertThrows(ResourceInUseException.class, () -> appStream.deleteImage(r -> r.name("Base-Win2022-2026-09-08")));
            appStream.deleteImage(r -> r.name("Base-Win2022-2026-08-11"));
            assertThrows(ResourceAssociatedException.class, () -> workSpaces.deleteWorkspaceImage(r -> r.imageId("wsi-3c3c3c3c3")));
            assertThrows(AccessDeniedException.class, () -> workSpaces.deleteWorkspaceImage(r -> r.imageId("wsi-1a1a1a1a1")));
            workSpaces.deleteWorkspaceImage(r -> r.imageId("wsi-2b2b2b2b2"));
            assertEquals(4, workSpaces.describeWorkspaces(r -> r.bundleId("wsb-0a1b2c3d4")).workspaces().size());
        }
    }

    @Test
    void fleetsBuildersAndBundlesMustReferToTheScenariosImages() {
        IllegalArgumentException fleet = assertThrows(IllegalArgumentException.class, () -> Scenario.fromJson(
                "{ \"appstream\": { \"fleets\": [ { \"name\": \"f\", \"imageName\": \"Nope\" } ] } }"));
        IllegalArgumentException elastic = assertThrows(IllegalArgumentException.class, () -> Scenario.fromJson("""
                { "appstream": { "images": [ { "name": "a" } ],
                                 "fleets": [ { "name": "f", "type": "ELASTIC", "imageName": "a" } ] } }"""));
        IllegalArgumentException builder = assertThrows(IllegalArgumentException.class, () -> Scenario.fromJson(
                "{ \"appstream\": { \"imageBuilders\": [ { \"name\": \"b\", \"imageName\": \"Nope\" } ] } }"));
        IllegalArgumentException bundle = assertThrows(IllegalArgumentException.class, () -> Scenario.fromJson(
                "{ \"workspaces\": { \"bundles\": [ { \"id\": \"wsb-00000000a\", \"name\": \"b\", \"imageId\": \"wsi-000000000\" } ] } }"));
        IllegalArgumentException state = assertThrows(IllegalArgumentException.class, () -> Scenario.fromJson("""
                { "appstream": { "images": [ { "name": "a" } ], "fleets": [ { "name": "f", "state": "RUNNNING", "imageName": "a" } ] } }"""));

        assertTrue(fleet.getMessage().contains("AppStream fleet f has imageName Nope, which is not one of appstream.images"), fleet.getMessage());
        assertTrue(elastic.getMessage().contains("an ELASTIC fleet has no imageName"), elastic.getMessage());
        assertTrue(builder.getMessage().contains("image builder b has imageName Nope"), builder.getMessage());
        assertTrue(bundle.getMessage().contains("its imageId wsi-000000000 must be one of workspaces.images"), bundle.getMessage());
        assertTrue(state.getMessage().contains("state RUNNNING is not one of [STARTING, RUNNING, STOPPING, STOPPED]"), state.getMessage());
        Scenario.fromJson("""
                { "workspaces": { "bundles": [ { "id": "wsb-00000000a", "name": "b", "owner": "AMAZON", "imageId": "wsi-000000000" } ] } }""");
    }

    @Test
    void sharedAccountsAndCreatedTimesAreChecked() {
        IllegalArgumentException account = assertThrows(IllegalArgumentException.class, () -> Scenario.fromJson(
                "{ \"appstream\": { \"images\": [ { \"name\": \"a\", \"sharedWithAccounts\": [ \"12345\" ] } ] } }"));
        IllegalArgumentException created = assertThrows(IllegalArgumentException.class, () -> Scenario.fromJson(
                "{ \"appstream\": { \"images\": [ { \"name\": \"a\", \"created\": \"2026-10-13\" } ] } }"));

        assertTrue(account.getMessage().contains("AppStream image a sharedWithAccounts: 12345 is not a 12-digit account id"), account.getMessage());
        assertTrue(created.getMessage().contains("AppStream image a created 2026-10-13 is not an ISO-8601 instant"), created.getMessage());
    }

    @Test
    void theReadmeScenarioExampleLoads() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```json", readme.indexOf("## Scenario format")) + "```json".length();

        Scenario scenario = Scenario.fromJson(readme.substring(start, readme.indexOf("```", start)));

        assertEquals(2, scenario.appstream().fleets().size());
        assertEquals(2, scenario.workspaces().bundles().size());
    }

    @Test
    void theOrganizationScenarioHasMembersWithRolesRegionsAndAnAccountWithoutRoles() {
        Scenario scenario = Scenario.load(Path.of("scenarios", "organization.json"));

        assertEquals(List.of("111111111111", "222222222222", "333333333333", "444444444444"),
                scenario.accounts().stream().map(Scenario.Account::accountId).toList());
        assertEquals("euc-image-updater-org", scenario.accounts().get(1).roles().get(0).externalId());
        assertEquals(List.of(), scenario.accounts().get(3).roles());
        assertEquals(0.3, scenario.location("111111111111", "eu-west-1").faults().throttleRate());
        assertEquals(0.0, scenario.location("222222222222", "eu-west-1").faults().throttleRate());
        assertEquals(7, scenario.locations().size());
        assertEquals(List.of(), scenario.location("222222222222", "ap-southeast-2").appstream().images());
    }

    @Test
    void aRegionWithoutFaultsTakesTheTopLevelOnesAndErrorsStayInTheirRegion() {
        Scenario scenario = Scenario.fromJson("""
                { "faults": { "throttleRate": 0.1 },
                  "errors": [ { "operation": "DescribeImages", "type": "ThrottlingException" } ],
                  "accounts": [ { "accountId": "222222222222", "regions": { "eu-west-1": {
                    "errors": [ { "operation": "DescribeFleets", "type": "ThrottlingException" } ] } } } ] }""");

        Scenario.Location member = scenario.location("222222222222", "eu-west-1");
        assertEquals(0.1, member.faults().throttleRate());
        assertEquals(List.of("DescribeFleets"), member.errors().stream().map(Scenario.ScriptedError::operation).toList());
        assertEquals(List.of(), scenario.location("222222222222", "us-east-1").errors());
        assertEquals(scenario.seed(), scenario.location("123456789012", "us-east-1").seed());
    }

    @Test
    void accountsRegionsAndRolesAreValidatedNamingTheField() {
        assertInvalid("{ \"accounts\": [ { \"accountId\": \"2222\" } ] }", "at accounts[0]: accountId: 2222 is not a 12-digit account id");
        assertInvalid("{ \"region\": \"Ireland\" }", "region: Ireland is not a Region name like eu-west-1");
        assertInvalid("{ \"accounts\": [ { \"accountId\": \"222222222222\", \"regions\": { \"eu_west_1\": {} } } ] }",
                "at accounts[0]: regions.eu_west_1: eu_west_1 is not a Region name like eu-west-1");
        assertInvalid("{ \"accounts\": [ { \"accountId\": \"222222222222\", \"roles\": [ { \"name\": \"a/b\" } ] } ] }",
                "at accounts[0].roles[0]: name: a/b is not [\\w+=,.@-]{1,64}");
        assertInvalid("{ \"accounts\": [ { \"accountId\": \"222222222222\", \"roles\": [ { \"name\": \"r\", \"externalId\": \"x\" } ] } ] }",
                "externalId of role r: x is not");
        assertInvalid("{ \"accounts\": [ { \"accountId\": \"222222222222\" }, { \"accountId\": \"222222222222\" } ] }",
                "accounts[1].accountId: account 222222222222 is listed twice");
        assertInvalid("{ \"accounts\": [ { \"accountId\": \"123456789012\", \"regions\": { \"us-east-1\": {} } } ] }",
                "accounts[0].regions.us-east-1: the home account's home Region is the top level");
        assertInvalid("{ \"accounts\": [ { \"accountId\": \"222222222222\", \"regions\": { \"eu-west-1\": {}, \"eu-west-1\": {} } } ] }",
                "Duplicate field 'eu-west-1'");
        assertInvalid("""
                { "accounts": [ { "accountId": "222222222222", "regions": { "eu-west-1": { "workspaces": {
                  "bundles": [ { "id": "wsb-00000000a", "name": "b", "imageId": "wsi-000000000" } ] } } } } ] }""",
                "accounts[0].regions.eu-west-1.workspaces.bundles: WorkSpaces bundle wsb-00000000a is the account's own, so its"
                        + " imageId wsi-000000000 must be one of accounts[0].regions.eu-west-1.workspaces.images");
        assertInvalid("{ \"accounts\": [ { \"accountId\": \"222222222222\", \"regions\": { \"eu-west-1\": {"
                + " \"appstream\": { \"images\": [ { \"name\": \"a\" }, { \"name\": \"a\" } ] } } } } ] }",
                "at accounts[0].regions.eu-west-1.appstream: Duplicate AppStream image name a");
        assertInvalid("{ \"sts\": { \"credentialSeconds\": 0 } }", "sts.credentialSeconds must be at least 1");
    }

    @Test
    void whatASaveWritesIsCheckedWhenItLoads() {
        assertInvalid("""
                { "appstream": { "images": [ { "name": "Base" },
                    { "name": "Base-new", "building": { "updateOf": "Base", "started": "2026-05-28T06:00:00Z", "polls": 1 } } ] } }""",
                "AppStream image Base-new is AVAILABLE and building: only a PENDING image is still building");
        assertInvalid("""
                { "workspaces": { "images": [ { "id": "wsi-000000002", "name": "new", "state": "PENDING",
                    "building": { "updateOf": "wsi-000000001", "started": "2026-05-28T06:00:00Z", "polls": 1 } } ] } }""",
                "WorkSpaces image wsi-000000002 is building from wsi-000000001, which is not one of the images");
        assertInvalid("""
                { "appstream": { "images": [ { "name": "Base", "sharedWithAccounts": [ "222222222222" ],
                    "imagePermissions": { "222222222222": { "allowFleet": true } } } ] } }""",
                "AppStream image Base: account 222222222222 is in both sharedWithAccounts and imagePermissions; list it once");
        assertInvalid("""
                { "workspaces": { "bundles": [ { "id": "wsb-00000001", "name": "b", "imageId": "wsi-000000001", "lastUpdated": "May" } ],
                    "images": [ { "id": "wsi-000000001", "name": "a" } ] } }""",
                "WorkSpaces bundle wsb-00000001 lastUpdated May is not an ISO-8601 instant");
        assertInvalid("{ \"generation\": -1 }", "generation cannot be negative");
    }

    private static void assertInvalid(String json, String expected) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Scenario.fromJson(json));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }
}
