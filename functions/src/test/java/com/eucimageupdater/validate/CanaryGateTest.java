package com.eucimageupdater.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.model.ImageRequest;
import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.RunSettings;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.model.StagingGate;
import com.eucimageupdater.model.StartedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gate's canary WorkSpaces, on a fake WorkSpaces that answers as scripted and records each rebuild asked for. */
class CanaryGateTest {
    private static final String NEW_IMAGE = "wsi-new123456";
    private static final String BUNDLE = "wsb-staging01";
    private static final String CANARY = "ws-canary001";
    private static final RunSettings RUN = RunSettings.builder().executionName("monthly-2026-11").runDate("2026-11-10")
            .location(new Location("123456789012", "us-east-1")).pollIntervalSeconds(240).build();

    private final Map<String, CanaryWorkspaces.Canary> workspaces = new HashMap<>();
    private final List<String> rebuilds = new ArrayList<>();
    private final Map<String, List<String>> recorded = new HashMap<>();
    private String bundleImage = NEW_IMAGE;
    private String rebuildRefusal;

    private final CanaryWorkspaces fake = new CanaryWorkspaces() {
        @Override
        public Canary describe(String workspaceId) {
            return workspaces.get(workspaceId);
        }

        @Override
        public String rebuild(String workspaceId) {
            rebuilds.add(workspaceId);
            return rebuildRefusal;
        }

        @Override
        public void recordRebuilt(String image, List<String> workspaceIds) {
            recorded.put(image, workspaceIds);
        }
    };

    private void canary(String state, String connection) {
        workspaces.put(CANARY, new CanaryWorkspaces.Canary(CANARY, BUNDLE, state, connection));
    }

    private ValidationProgress check(ValidationProgress previous) {
        ImageRequest item = new ImageRequest(Service.WORKSPACES, "wsi-old123456", null, null, null, Map.of(), List.of(BUNDLE),
                List.of("wsb-product01"), null, 0, null, null, List.of(), List.of(), null, new StagingGate(60, 3, null, List.of(CANARY)));
        ValidationJob job = new ValidationJob(item, RUN, StartedImage.created(NEW_IMAGE, "Base-2026-11-10", 0), previous);
        TargetHealth bundle = new TargetHealth("bundle", BUNDLE, bundleImage, "AVAILABLE", List.of(), null);
        return new StagedImageGate((service, location) -> target -> bundle, location -> {
            throw new AssertionError("WorkSpaces have no streaming check");
        }, location -> fake).check(job);
    }

    @Test
    void aCanaryIsRebuiltOnceAfterItsBundlePointsAtTheImageAndPassesWhenItIsAvailableAgain() {
        canary("AVAILABLE", "DISCONNECTED");
        ValidationProgress first = check(null);
        assertFalse(first.done());
        assertEquals(List.of(CANARY), first.rebuiltCanaries());

        canary("REBUILDING", "UNKNOWN");
        ValidationProgress second = check(first);
        assertFalse(second.done());
        assertEquals("canary " + CANARY + ": rebuilt from the staged bundle " + BUNDLE + "; DescribeWorkspaces: REBUILDING, not yet"
                + " AVAILABLE",
                second.checks().get(1).said());

        canary("AVAILABLE", "DISCONNECTED");
        ValidationProgress third = check(second);
        assertTrue(third.done() && third.passed(), third::toString);
        assertEquals("canary " + CANARY + ": rebuilt from the staged bundle " + BUNDLE + "; DescribeWorkspaces: AVAILABLE again",
                third.checks().get(1).said());
        assertEquals(List.of(CANARY), rebuilds, "one RebuildWorkspaces however many checks");
        assertEquals(Map.of(NEW_IMAGE, List.of(CANARY)), recorded, "the new image names the canaries rebuilt from it");
    }

    @Test
    void aCanaryIsNotRebuiltBeforeItsBundlePointsAtTheNewImage() {
        bundleImage = "wsi-old123456";
        canary("AVAILABLE", "DISCONNECTED");
        ValidationProgress progress = check(null);
        assertFalse(progress.done());
        assertEquals(List.of(), rebuilds);
        assertEquals(1, progress.checks().size(), "only the bundle was checked: " + progress);
    }

    @Test
    void aConnectedUsersCanaryIsNeverRebuiltAndFailsAtTheBoundSayingSo() {
        canary("AVAILABLE", "CONNECTED");
        ValidationProgress progress = null;
        for (int i = 0; i < 3; i++) {
            progress = check(progress);
        }
        assertTrue(progress.done() && !progress.passed());
        assertEquals(List.of(), rebuilds);
        assertEquals("canary " + CANARY + " still not ready after 60 min (3 checks): DescribeWorkspacesConnectionStatus: its user stayed"
                + " CONNECTED, so the canary was not rebuilt", progress.failure());
    }

    @Test
    void anUnhealthyCanaryAfterItsRebuildFailsAtOnceNamingItsState() {
        canary("AVAILABLE", "DISCONNECTED");
        ValidationProgress first = check(null);
        canary("UNHEALTHY", "UNKNOWN");
        ValidationProgress second = check(first);
        assertTrue(second.done() && !second.passed());
        assertEquals(2, second.polls(), "decided before the bound of 3");
        assertEquals("canary " + CANARY + ": rebuilt from the staged bundle " + BUNDLE + "; DescribeWorkspaces: UNHEALTHY",
                second.failure());
    }

    @Test
    void aCanaryInErrorAfterItsRebuildFailsTheImage() {
        canary("AVAILABLE", "DISCONNECTED");
        ValidationProgress first = check(null);
        canary("ERROR", "UNKNOWN");
        assertTrue(check(first).failure().endsWith("DescribeWorkspaces: ERROR"));
    }

    @Test
    void aRebuildAwsRefusesFailsTheImageWithAwsAnswer() {
        canary("STOPPING", "UNKNOWN");
        rebuildRefusal = "InvalidResourceStateException: The WorkSpace is STOPPING.";
        ValidationProgress progress = check(null);
        assertTrue(progress.done() && !progress.passed());
        assertEquals("canary " + CANARY + ": RebuildWorkspaces refused while STOPPING: InvalidResourceStateException: The WorkSpace is"
                + " STOPPING.", progress.failure());
        assertEquals(List.of(), progress.rebuiltCanaries());
        assertEquals(Map.of(), recorded);
    }
}
