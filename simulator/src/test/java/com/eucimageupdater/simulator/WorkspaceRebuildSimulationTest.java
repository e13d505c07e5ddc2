package com.eucimageupdater.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.workspaces.WorkSpacesClient;
import software.amazon.awssdk.services.workspaces.model.ConnectionState;
import software.amazon.awssdk.services.workspaces.model.DescribeWorkspacesConnectionStatusResponse;
import software.amazon.awssdk.services.workspaces.model.DescribeWorkspacesResponse;
import software.amazon.awssdk.services.workspaces.model.FailedWorkspaceChangeRequest;
import software.amazon.awssdk.services.workspaces.model.RebuildRequest;
import software.amazon.awssdk.services.workspaces.model.ResourceNotFoundException;
import software.amazon.awssdk.services.workspaces.model.Snapshot;
import software.amazon.awssdk.services.workspaces.model.Tag;
import software.amazon.awssdk.services.workspaces.model.WorkSpacesException;
import software.amazon.awssdk.services.workspaces.model.Workspace;
import software.amazon.awssdk.services.workspaces.model.WorkspaceConnectionStatus;
import software.amazon.awssdk.services.workspaces.model.WorkspaceState;

/**
 * workspaces-rebuild.json: a bundle of 36 WorkSpaces, six named (ready, stale snapshot, connected, in admin maintenance,
 * a rebuild that ends in ERROR, never connected) and a group of 30 alike (ws-fleet0001 to ws-fleet0030).
 */
class WorkspaceRebuildSimulationTest {
    private static final String BUNDLE = "wsb-rebuild01";

    private Instant started;
    private AwsSimulator simulator;
    private WorkSpacesClient workSpaces;

    @BeforeEach
    void start() throws Exception {
        started = Instant.now();
        simulator = AwsSimulator.start(Scenario.load(Path.of(getClass().getResource("/workspaces-rebuild.json").toURI())));
        workSpaces = SdkClients.workSpaces(simulator, 1);
    }

    @AfterEach
    void stop() {
        workSpaces.close();
        simulator.close();
    }

    @Test
    void describeWorkspacesOfABundleComesInPagesOfAtMostTwentyFive() {
        DescribeWorkspacesResponse first = workSpaces.describeWorkspaces(r -> r.bundleId(BUNDLE));
        DescribeWorkspacesResponse second = workSpaces.describeWorkspaces(r -> r.bundleId(BUNDLE).nextToken(first.nextToken()));
        List<String> paged = workSpaces.describeWorkspacesPaginator(r -> r.bundleId(BUNDLE).limit(10)).workspaces().stream()
                .map(Workspace::workspaceId).toList();

        assertEquals(25, first.workspaces().size());
        assertEquals(11, second.workspaces().size());
        assertNull(second.nextToken());
        assertEquals(36, paged.size());
        assertEquals("ws-fleet0001", paged.get(6));
        assertEquals("ws-fleet0030", paged.get(35));
    }

    @Test
    void aLimitOverTwentyFiveBreaksTheModel() {
        WorkSpacesException error = assertThrows(WorkSpacesException.class,
                () -> workSpaces.describeWorkspaces(r -> r.bundleId(BUNDLE).limit(26)));

        assertEquals("ValidationException", error.awsErrorDetails().errorCode());
        assertTrue(error.awsErrorDetails().errorMessage().contains(
                "Value '26' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 25"),
                error.awsErrorDetails().errorMessage());
    }

    @Test
    void connectionStatusGivesTheLastConnectionAsHoursBeforeTheStartAndWhenItWasChecked() {
        Instant before = Instant.now();
        Map<String, WorkspaceConnectionStatus> statuses = workSpaces.describeWorkspacesConnectionStatus(
                r -> r.workspaceIds("ws-ready0001", "ws-online001", "ws-never0001", "ws-unknown01")).workspacesConnectionStatus()
                .stream().collect(Collectors.toMap(WorkspaceConnectionStatus::workspaceId, status -> status));

        assertEquals(List.of("ws-never0001", "ws-online001", "ws-ready0001"), statuses.keySet().stream().sorted().toList());
        assertHoursBeforeStart(30, statuses.get("ws-ready0001").lastKnownUserConnectionTimestamp());
        assertEquals(ConnectionState.DISCONNECTED, statuses.get("ws-ready0001").connectionState());
        assertEquals(ConnectionState.CONNECTED, statuses.get("ws-online001").connectionState());
        assertHoursBeforeStart(0, statuses.get("ws-online001").lastKnownUserConnectionTimestamp());
        assertNull(statuses.get("ws-never0001").lastKnownUserConnectionTimestamp(), "never connected: no last connection");
        assertFalse(statuses.get("ws-never0001").connectionStateCheckTimestamp().isBefore(before.minusMillis(1)));
    }

    @Test
    void connectionStatusOfEveryWorkSpaceIsPagedAndTwentySixIdsBreakTheModel() {
        DescribeWorkspacesConnectionStatusResponse first = workSpaces.describeWorkspacesConnectionStatus(r -> { });
        DescribeWorkspacesConnectionStatusResponse second = workSpaces.describeWorkspacesConnectionStatus(
                r -> r.nextToken(first.nextToken()));
        List<String> ids = IntStream.rangeClosed(1, 26).mapToObj(i -> String.format("ws-fleet%04d", i)).toList();

        assertEquals(List.of(25, 11), List.of(first.workspacesConnectionStatus().size(), second.workspacesConnectionStatus().size()));
        assertNull(second.nextToken());
        WorkSpacesException error = assertThrows(WorkSpacesException.class,
                () -> workSpaces.describeWorkspacesConnectionStatus(r -> r.workspaceIds(ids)));
        assertTrue(error.awsErrorDetails().errorMessage().contains(
                "at 'workspaceIds' failed to satisfy constraint: Member must have length less than or equal to 25"));
    }

    @Test
    void snapshotsGiveTheScenarioSnapshotTimeThenAFreshOneWhenARebuildEndsAvailable() {
        List<Snapshot> before = workSpaces.describeWorkspaceSnapshots(r -> r.workspaceId("ws-ready0001")).rebuildSnapshots();
        assertEquals(1, before.size());
        assertHoursBeforeStart(6, before.get(0).snapshotTime());

        rebuild("ws-ready0001");
        assertEquals(WorkspaceState.REBUILDING, describe("ws-ready0001").state());
        Instant ended = Instant.now();
        assertEquals(WorkspaceState.AVAILABLE, describe("ws-ready0001").state());

        var after = workSpaces.describeWorkspaceSnapshots(r -> r.workspaceId("ws-ready0001"));
        assertEquals(2, after.rebuildSnapshots().size());
        assertFalse(after.rebuildSnapshots().get(0).snapshotTime().isBefore(ended.minusMillis(1)), "the newest comes first");
        assertEquals(after.rebuildSnapshots(), after.restoreSnapshots());
        assertHoursBeforeStart(3.5, workSpaces.describeWorkspaceSnapshots(r -> r.workspaceId("ws-fleet0030")).rebuildSnapshots()
                .get(0).snapshotTime());
    }

    @Test
    void aRebuildThatEndsInErrorLeavesNoSnapshotAndANeverSnapshottedWorkSpaceHasNone() {
        rebuild("ws-broken001");
        describe("ws-broken001");

        assertEquals(WorkspaceState.ERROR, describe("ws-broken001").state());
        assertTrue(workSpaces.describeWorkspaceSnapshots(r -> r.workspaceId("ws-broken001")).rebuildSnapshots().isEmpty());
        assertTrue(workSpaces.describeWorkspaceSnapshots(r -> r.workspaceId("ws-never0001")).restoreSnapshots().isEmpty());
    }

    @Test
    void snapshotsOfAnUnknownWorkSpaceAreNotFoundAndANonWorkSpaceIdBreaksTheModel() {
        assertThrows(ResourceNotFoundException.class, () -> workSpaces.describeWorkspaceSnapshots(r -> r.workspaceId("ws-unknown01")));
        WorkSpacesException error = assertThrows(WorkSpacesException.class,
                () -> workSpaces.describeWorkspaceSnapshots(r -> r.workspaceId("wsb-rebuild01")));

        assertEquals("1 validation error detected: Value 'wsb-rebuild01' at 'workspaceId' failed to satisfy constraint:"
                + " Member must satisfy regular expression pattern: ^ws-[0-9a-z]{8,63}$", error.awsErrorDetails().errorMessage());
    }

    @Test
    void aWorkSpaceInAdminMaintenanceIsNotRebuilt() {
        List<FailedWorkspaceChangeRequest> failed = workSpaces.rebuildWorkspaces(
                r -> r.rebuildWorkspaceRequests(RebuildRequest.builder().workspaceId("ws-admin0001").build())).failedRequests();

        assertEquals("InvalidResourceState.Workspace", failed.get(0).errorCode());
        assertTrue(failed.get(0).errorMessage().contains("is ADMIN_MAINTENANCE"), failed.get(0).errorMessage());
        assertEquals(WorkspaceState.ADMIN_MAINTENANCE, describe("ws-admin0001").state());
    }

    @Test
    void rebuildingTwoWorkSpacesInOneCallBreaksTheModelAndRebuildsNeither() {
        WorkSpacesException error = assertThrows(WorkSpacesException.class, () -> workSpaces.rebuildWorkspaces(
                r -> r.rebuildWorkspaceRequests(RebuildRequest.builder().workspaceId("ws-ready0001").build(),
                        RebuildRequest.builder().workspaceId("ws-stale0001").build())));

        assertTrue(error.awsErrorDetails().errorMessage().contains(
                "at 'rebuildWorkspaceRequests' failed to satisfy constraint: Member must have length less than or equal to 1"));
        assertEquals(WorkspaceState.AVAILABLE, describe("ws-ready0001").state());
        assertEquals(WorkspaceState.AVAILABLE, describe("ws-stale0001").state());
    }

    @Test
    void aWorkSpaceIsTaggedLikeAnImageAndAGroupCarriesItsScenarioTags() {
        workSpaces.createTags(r -> r.resourceId("ws-fleet0007").tags(tag("euc-image-updater:rebuilt", "wsi-0new00001")));

        assertEquals(Map.of("euc-image-updater:rebuilt", "wsi-0new00001", "team", "finance"), tags("ws-fleet0007"));
        assertEquals(Map.of("team", "finance"), tags("ws-fleet0008"));
        assertEquals(Map.of(), tags("ws-ready0001"));
        assertThrows(ResourceNotFoundException.class, () -> workSpaces.describeTags(r -> r.resourceId("ws-unknown01")));
        assertThrows(ResourceNotFoundException.class,
                () -> workSpaces.createTags(r -> r.resourceId("ws-unknown01").tags(tag("euc-image-updater:rebuilt", "wsi-0new00001"))));
        WorkSpacesException tooLong = assertThrows(WorkSpacesException.class,
                () -> workSpaces.createTags(r -> r.resourceId("ws-ready0001").tags(tag("k".repeat(128), "v"))));
        assertEquals("ValidationException", tooLong.awsErrorDetails().errorCode());
        assertEquals(Map.of(), tags("ws-ready0001"));
    }

    @Test
    void throttlingScriptedOnOneWorkSpacesRebuildIsRetriedByTheSdkAndRebuildsNothingUntilItGoesThrough() throws Exception {
        String scenario = Files.readString(Path.of(getClass().getResource("/workspaces-rebuild.json").toURI())).replaceFirst("\\{",
                "{ \"errors\": [ { \"operation\": \"RebuildWorkspaces\", \"image\": \"ws-ready0001\","
                        + " \"type\": \"ThrottlingException\", \"message\": \"Rate exceeded\", \"times\": 2 } ],");
        try (AwsSimulator throttled = AwsSimulator.start(Scenario.fromJson(scenario));
             WorkSpacesClient once = SdkClients.workSpaces(throttled, 1);
             WorkSpacesClient retrying = SdkClients.workSpaces(throttled, 3)) {
            AwsServiceException error = assertThrows(AwsServiceException.class, () -> once.rebuildWorkspaces(
                    r -> r.rebuildWorkspaceRequests(RebuildRequest.builder().workspaceId("ws-ready0001").build())));
            assertTrue(error.isThrottlingException());
            assertEquals(WorkspaceState.AVAILABLE,
                    once.describeWorkspaces(r -> r.workspaceIds("ws-ready0001")).workspaces().get(0).state());
            once.rebuildWorkspaces(r -> r.rebuildWorkspaceRequests(RebuildRequest.builder().workspaceId("ws-stale0001").build()));

            retrying.rebuildWorkspaces(r -> r.rebuildWorkspaceRequests(RebuildRequest.builder().workspaceId("ws-ready0001").build()));

            assertEquals(List.of(false, true, false, true),
                    throttled.callsTo("RebuildWorkspaces").stream().map(RecordedCall::succeeded).toList());
            assertEquals(WorkspaceState.REBUILDING,
                    once.describeWorkspaces(r -> r.workspaceIds("ws-ready0001")).workspaces().get(0).state());
        }
    }

    private void rebuild(String workspaceId) {
        assertTrue(workSpaces.rebuildWorkspaces(r -> r.rebuildWorkspaceRequests(RebuildRequest.builder().workspaceId(workspaceId).build()))
                .failedRequests().isEmpty());
    }

    private Workspace describe(String workspaceId) {
        return workSpaces.describeWorkspaces(r -> r.workspaceIds(workspaceId)).workspaces().get(0);
    }

    private Map<String, String> tags(String resourceId) {
        return workSpaces.describeTags(r -> r.resourceId(resourceId)).tagList().stream().collect(Collectors.toMap(Tag::key, Tag::value));
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    /** Within the few seconds between this test's start and the simulator's. */
    private void assertHoursBeforeStart(double hours, Instant actual) {
        Instant expected = started.minusMillis(Math.round(hours * 3_600_000));
        assertTrue(Math.abs(Duration.between(expected, actual).toMillis()) < 5_000, "expected about " + expected + ", got " + actual);
    }
}
