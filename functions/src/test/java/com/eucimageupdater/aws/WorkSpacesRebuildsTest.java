package com.eucimageupdater.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.RetryableAwsException;
import com.eucimageupdater.rebuild.BundleWorkspaces;
import com.eucimageupdater.rebuild.BundleWorkspaces.Connection;
import com.eucimageupdater.simulator.RecordedCall;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rebuild's adapter through the real SDK against the simulator, every request validated against the WorkSpaces model. */
class WorkSpacesRebuildsTest {
    private static final String SCENARIO = """
            {%s"workspaces": {
              "images": [{"id": "wsi-0a1b2c3d4", "name": "ws-win10-base"}],
              "bundles": [{"id": "wsb-rebuild01", "name": "win10-production", "imageId": "wsi-0a1b2c3d4",
                "namedWorkspaces": [
                  {"id": "ws-admin0001", "state": "ADMIN_MAINTENANCE", "lastConnectedHoursAgo": 48, "snapshotHoursAgo": 12},
                  {"id": "ws-online001", "connectionState": "CONNECTED", "lastConnectedHoursAgo": 1, "snapshotHoursAgo": 5},
                  {"id": "ws-never0001"}],
                "workspaceGroups": [{"count": 30, "idPrefix": "ws-fleet", "lastConnectedHoursAgo": 20, "snapshotHoursAgo": 3}]}]}}""";

    private static BundleWorkspaces rebuilds(SimulatedAccount account) {
        return account.imageServices().bundleWorkspaces(new Location("123456789012", "us-east-1"));
    }

    private static void assertAbout(Instant expected, Instant actual) {
        assertTrue(Duration.between(expected, actual).abs().compareTo(Duration.ofMinutes(5)) < 0, expected + " ~ " + actual);
    }

    @Test
    void readsEveryWorkspaceOfTheBundleAcrossPagesWithConnectionsAndSnapshots() {
        try (SimulatedAccount account = SimulatedAccount.start(SCENARIO.formatted(""))) {
            BundleWorkspaces workspaces = rebuilds(account);
            assertEquals("wsi-0a1b2c3d4", workspaces.imageOfBundle("wsb-rebuild01"));
            List<BundleWorkspaces.Desktop> desktops = workspaces.workspacesOf("wsb-rebuild01");
            assertEquals(33, desktops.size(), "more than a page of 25");
            Instant now = Instant.now();
            Connection online = workspaces.connections(List.of("ws-online001", "ws-never0001")).get("ws-online001");
            assertEquals("CONNECTED", online.state());
            assertAbout(now.minus(Duration.ofHours(1)), online.lastUserConnection());
            assertNull(workspaces.connections(List.of("ws-never0001")).get("ws-never0001").lastUserConnection());
            assertAbout(now.minus(Duration.ofHours(5)), workspaces.latestRebuildSnapshot("ws-online001"));
            assertNull(workspaces.latestRebuildSnapshot("ws-never0001"));
            assertEquals(List.of(), account.simulator().modelViolations());
        }
    }

    @Test
    void tagsAWorkspaceThenRebuildsItAloneAndReadsItsState() {
        try (SimulatedAccount account = SimulatedAccount.start(SCENARIO.formatted(""))) {
            BundleWorkspaces workspaces = rebuilds(account);
            assertNull(workspaces.rebuiltTag("ws-fleet0001"));
            workspaces.tagRebuilt("ws-fleet0001", "wsi-new123456");
            assertEquals("wsi-new123456", workspaces.rebuiltTag("ws-fleet0001"));
            assertNull(workspaces.rebuild("ws-fleet0001"));
            assertEquals("REBUILDING", workspaces.states(List.of("ws-fleet0001")).get("ws-fleet0001"));
            assertEquals(1, account.simulator().callsTo("RebuildWorkspaces").get(0).request().path("RebuildWorkspaceRequests").size());
            assertEquals(List.of(), account.simulator().modelViolations());
        }
    }

    @Test
    void aRebuildAwsRefusesComesBackAsItsCodeAndMessage() {
        try (SimulatedAccount account = SimulatedAccount.start(SCENARIO.formatted(""))) {
            String refusal = rebuilds(account).rebuild("ws-admin0001");
            assertTrue(refusal != null && refusal.contains("ADMIN_MAINTENANCE"), refusal);
        }
    }

    @Test
    void throttlingPastTheSdksAttemptsIsRetryableAndRebuildsNothing() {
        String throttled = "\"errors\": [{\"operation\": \"RebuildWorkspaces\", \"image\": \"ws-fleet0002\", \"type\": \"ThrottlingException\","
                + " \"message\": \"Rate exceeded\", \"times\": " + SimulatedAccount.SDK_ATTEMPTS + "}], ";
        try (SimulatedAccount account = SimulatedAccount.start(SCENARIO.formatted(throttled))) {
            assertThrows(RetryableAwsException.class, () -> rebuilds(account).rebuild("ws-fleet0002"));
            assertTrue(account.simulator().callsTo("RebuildWorkspaces").stream().noneMatch(RecordedCall::succeeded));
            assertEquals("AVAILABLE", rebuilds(account).states(List.of("ws-fleet0002")).get("ws-fleet0002"));
        }
    }
}
