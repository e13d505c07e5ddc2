package com.eucimageupdater.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.model.Approval;
import com.eucimageupdater.plan.DeploymentSettings;
import com.eucimageupdater.plan.RolloutDefaults;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whether a run can ask for an approval, judged from its input and the deployment's settings before it starts. */
class ApprovalPreviewTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PRODUCTION = """
            {"service": "APPSTREAM", "image": "Base-Win2022", "stagingFleets": ["Base-Test"], "fleets": ["Base-Prod-1", "Base-Prod-2"]}""";

    private static Optional<String> reason(String input, Approval configuredApproval) throws Exception {
        LocalWorkflow.Settings settings = new LocalWorkflow.Settings(new DeploymentSettings("[]", 900, 480, 5, "UTC", 1,
                new RolloutDefaults(configuredApproval, 72, 0, 24, 3, 60)), 1L, 1L, null);
        return ApprovalPreview.reason(LocalWorkflow.render(Definition.DEFAULT_FILE, settings, "us-east-1", "123456789012",
                "arn:aws:sns:us-east-1:123456789012:euc-image-updater"), JSON.readTree(input), "us-east-1", "123456789012");
    }

    private static Optional<String> reason(String input) throws Exception {
        return reason(input, Approval.REQUIRED);
    }

    @Test
    void anItemWithProductionTargetsAsksAndIsNamedWithThem() throws Exception {
        Optional<String> reason = reason("{\"images\": [" + PRODUCTION + "]}");
        assertEquals(Optional.of("APPSTREAM Base-Win2022 has production targets Base-Prod-1, Base-Prod-2; approval is \"required\""
                + " and it is no dry run"), reason);
    }

    @Test
    void aFleetOrBundleNamedAsTheSourceIsAProductionTarget() throws Exception {
        Optional<String> reason = reason("""
                {"images": [{"service": "WORKSPACES", "bundle": "wsb-0a1b2c3d4"}]}""");
        assertEquals(Optional.of("WORKSPACES the image of wsb-0a1b2c3d4 has production targets wsb-0a1b2c3d4; approval is"
                + " \"required\" and it is no dry run"), reason);
    }

    @Test
    void onlyStagingTargetsOrNoneAskNothing() throws Exception {
        assertEquals(Optional.empty(), reason("""
                {"images": [{"service": "APPSTREAM", "image": "Base-Win2022", "stagingFleets": ["Base-Test"]}]}"""));
        assertEquals(Optional.empty(), reason("{\"images\": [{\"service\": \"APPSTREAM\", \"image\": \"Base-Win2022\"}]}"));
    }

    @Test
    void aDryRunOrApprovalNoneFromTheInputOrTheDeploymentAsksNothing() throws Exception {
        assertEquals(Optional.empty(), reason("{\"images\": [" + PRODUCTION + "], \"dryRun\": true}"));
        assertEquals(Optional.empty(), reason("{\"images\": [" + PRODUCTION + "], \"approval\": \"none\"}"));
        assertEquals(Optional.empty(), reason("{\"images\": [" + PRODUCTION + "]}", Approval.NONE));
        assertTrue(reason("{\"images\": [" + PRODUCTION + "], \"approval\": \"required\"}", Approval.NONE).isPresent());
    }

    @Test
    void aRollbackAsksNothing() throws Exception {
        assertEquals(Optional.empty(), reason("{\"rollback\": \"monthly-2026-11\"}"));
    }

    @Test
    void aPromotionAsksUnlessApprovalIsNone() throws Exception {
        assertEquals(Optional.of("it promotes run \"monthly-2026-11\" and approval is \"required\""),
                reason("{\"promote\": \"monthly-2026-11\"}"));
        assertEquals(Optional.empty(), reason("{\"promote\": \"monthly-2026-11\", \"approval\": \"none\"}"));
        assertEquals(Optional.empty(), reason("{\"promote\": \"monthly-2026-11\"}", Approval.NONE));
    }

    @Test
    void anInputThePlanRefusesAsksNothingSinceTheRunStopsAtItsFirstStep() throws Exception {
        assertEquals(Optional.empty(), reason("""
                {"images": [{"service": "APPSTREAM", "image": "Base-Win2022", "fleets": ["not a fleet name!"]}]}"""));
    }

    @Test
    void manyItemsAreCountedAfterTheFirstThree() throws Exception {
        String items = String.join(",", java.util.stream.IntStream.rangeClosed(1, 5).mapToObj(i -> """
                {"service": "APPSTREAM", "image": "Image-%d", "fleets": ["Prod-%d"]}""".formatted(i, i)).toList());
        String reason = reason("{\"images\": [" + items + "]}").orElseThrow();
        assertTrue(reason.contains("APPSTREAM Image-3 has production targets Prod-3; and 2 more;"), reason);
    }
}
