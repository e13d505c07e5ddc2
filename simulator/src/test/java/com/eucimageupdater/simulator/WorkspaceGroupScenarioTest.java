package com.eucimageupdater.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.workspaces.WorkSpacesClient;
import software.amazon.awssdk.services.workspaces.model.RebuildRequest;
import software.amazon.awssdk.services.workspaces.model.Tag;

/**
 * A bundle's workspaceGroups and the WorkSpace fields for rebuilds, as a scenario file holds them and a saved state keeps
 * them.
 */
class WorkspaceGroupScenarioTest {
    private static Scenario withBundle(String bundleFields) {
        return Scenario.fromJson("""
                { "workspaces": { "images": [ { "id": "wsi-0a1b2c3d4", "name": "ws-win10-base" } ],
                                  "bundles": [ { "id": "wsb-rebuild01", "name": "win10", "imageId": "wsi-0a1b2c3d4", %s } ] } }
                """.formatted(bundleFields));
    }

    @Test
    void aGroupDeclaresCountWorkSpacesNumberedInOrderWithUsersNamedLikeThem() {
        BundleSpec bundle = withBundle("""
                "namedWorkspaces": [ { "id": "ws-canary0001", "rebuildEndsIn": "ERROR" } ],
                "workspaceGroups": [ { "count": 12, "idPrefix": "ws-desk", "connectionState": "CONNECTED", "snapshotHoursAgo": 2 } ]
                """).workspaces().bundles().get(0);

        List<NamedWorkspace> workspaces = bundle.scriptedWorkspaces();
        assertEquals(13, workspaces.size());
        assertEquals(List.of("ws-canary0001", "ws-desk0001", "ws-desk0012"),
                List.of(workspaces.get(0).id(), workspaces.get(1).id(), workspaces.get(12).id()));
        assertEquals("desk0012", workspaces.get(12).userName());
        assertEquals("CONNECTED", workspaces.get(12).connectionState());
        assertEquals(2.0, workspaces.get(12).snapshotHoursAgo());
        assertNull(workspaces.get(12).lastConnectedHoursAgo());
    }

    @Test
    void aGroupWhoseIdsAreNotWorkSpaceIdsIsRefusedNamingIt() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> withBundle("\"workspaceGroups\": [ { \"count\": 2, \"idPrefix\": \"ws-Desk\" } ]"));

        assertTrue(refused.getMessage().contains("at workspaces.bundles[0].workspaceGroups[0]: WorkSpaces group ws-Desk makes ids"
                + " like ws-Desk0002, which are not WorkSpace ids"), refused.getMessage());
    }

    @Test
    void aWorkSpaceIdDeclaredTwiceInAPlaceIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> withBundle("""
                "namedWorkspaces": [ { "id": "ws-desk0002" } ], "workspaceGroups": [ { "count": 3, "idPrefix": "ws-desk" } ]"""));

        assertTrue(refused.getMessage().contains("WorkSpace ws-desk0002 is listed twice"), refused.getMessage());
    }

    @Test
    void negativeHoursAndAnEmptyGroupAreRefused() {
        IllegalArgumentException hours = assertThrows(IllegalArgumentException.class,
                () -> withBundle("\"namedWorkspaces\": [ { \"id\": \"ws-desk0001\", \"snapshotHoursAgo\": -1 } ]"));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> withBundle("\"workspaceGroups\": [ { \"count\": 0, \"idPrefix\": \"ws-desk\" } ]"));

        assertTrue(hours.getMessage().contains("WorkSpace ws-desk0001 snapshotHoursAgo must be 0 or more hours"), hours.getMessage());
        assertTrue(empty.getMessage().contains("WorkSpaces group ws-desk count must be at least 1"), empty.getMessage());
    }

    @Test
    void aSavedStateListsGroupMembersAsTheyAreWithTheirTagsAndSnapshotAges() throws Exception {
        Scenario saved;
        Path scenario = Path.of(getClass().getResource("/workspaces-rebuild.json").toURI());
        try (AwsSimulator simulator = AwsSimulator.start(Scenario.load(scenario));
             WorkSpacesClient workSpaces = SdkClients.workSpaces(simulator, 1)) {
            workSpaces.createTags(r -> r.resourceId("ws-fleet0002")
                    .tags(Tag.builder().key("euc-image-updater:rebuilt").value("wsi-0new00001").build()));
            workSpaces.rebuildWorkspaces(r -> r.rebuildWorkspaceRequests(RebuildRequest.builder().workspaceId("ws-ready0001").build()));
            workSpaces.describeWorkspaces(r -> r.workspaceIds("ws-ready0001"));
            workSpaces.describeWorkspaces(r -> r.workspaceIds("ws-ready0001"));
            saved = Scenario.fromJson(simulator.snapshot().toJson());
        }

        BundleSpec bundle = saved.workspaces().bundles().get(0);
        assertEquals(List.of(), bundle.workspaceGroups());
        Map<String, NamedWorkspace> named = bundle.namedWorkspaces().stream()
                .collect(Collectors.toMap(NamedWorkspace::id, Function.identity()));
        assertEquals(36, named.size());
        assertEquals(Map.of("euc-image-updater:rebuilt", "wsi-0new00001", "team", "finance"), named.get("ws-fleet0002").tags());
        assertTrue(named.get("ws-ready0001").snapshotHoursAgo() < 0.01, "the rebuild's fresh snapshot is kept");
        assertEquals(30, named.get("ws-ready0001").lastConnectedHoursAgo(), 0.01);
        assertEquals("ADMIN_MAINTENANCE", named.get("ws-admin0001").state());
    }
}
