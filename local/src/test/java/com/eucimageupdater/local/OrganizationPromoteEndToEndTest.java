package com.eucimageupdater.local;

import static com.eucimageupdater.local.OrganizationScenario.FLEET;
import static com.eucimageupdater.local.OrganizationScenario.FLEET_IMAGE;
import static com.eucimageupdater.local.OrganizationScenario.HOME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.local.OrganizationScenario.Place;
import com.eucimageupdater.simulator.RecordedCall;
import com.eucimageupdater.simulator.Scenario;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A promote over an organization: the run's images are found, and rolled out, in every account and Region it worked in. */
class OrganizationPromoteEndToEndTest {
    private static final String MEMBER = "222222222222";

    @Test
    @DisplayName("a promote of a rejected run rolls each account and Region's image out to its own fleet there, through the member role")
    void promoteReachesEveryAccountAndRegion() throws Exception {
        OrganizationScenario organization = new OrganizationScenario(List.of(HOME, MEMBER), List.of("us-east-1", "eu-west-1"))
                .withFleetItem();
        try (SimulatedAccount account = new SimulatedAccount(Scenario.fromJson(organization.scenario()))) {
            ExecutionResult rejected = organization.run(account, organization.input().replace("\"none\"", "\"required\""),
                    LocalApproval.NO);
            assertTrue(rejected.succeeded(), rejected::toString);
            assertEquals(List.of(), updateFleets(account), "the fleet is production: nothing moved before the approval");

            ExecutionResult promoted = organization.run(account, "{\"promote\": \"" + SimulatedRun.executionName(rejected)
                    + "\", \"approval\": \"none\"}", LocalApproval.NO);

            assertTrue(promoted.succeeded(), promoted::toString);
            String newImage = FLEET_IMAGE + "-" + LocalDate.now(ZoneOffset.UTC);
            assertEquals(organization.places().stream().map(place -> place + " " + FLEET + " -> " + newImage).sorted().toList(),
                    updateFleets(account));
        }
    }

    /** Each UpdateFleet that succeeded, in the account and Region it was signed for. */
    private static List<String> updateFleets(SimulatedAccount account) {
        return account.simulator().callsTo("UpdateFleet").stream().filter(RecordedCall::succeeded)
                .map(call -> new Place(call.account(), call.region()) + " " + call.request().path("Name").asText() + " -> "
                        + call.request().path("ImageName").asText()).sorted().toList();
    }
}
