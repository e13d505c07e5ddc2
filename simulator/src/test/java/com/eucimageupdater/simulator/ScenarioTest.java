package com.eucimageupdater.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioTest {
    @Test
    void theDefaultScenarioHasImagesWithAndWithoutUpdatesThatAllBuildAndOneTopic() {
        Scenario scenario = Scenario.defaultScenario();

        assertEquals(3, scenario.appstream().images().size());
        assertEquals(2, scenario.appstream().images().stream().filter(Scenario.AppStreamImage::updateAvailable).count());
        assertEquals(3, scenario.workspaces().images().size());
        assertEquals(List.of(Scenario.BuildOutcome.AVAILABLE, Scenario.BuildOutcome.AVAILABLE),
                scenario.workspaces().images().stream().filter(Scenario.WorkSpacesImage::updateAvailable)
                        .map(image -> image.build().outcome()).toList());
        assertEquals(List.of("arn:aws:sns:us-east-1:123456789012:euc-image-updater"), scenario.sns().topics());
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
}
