package com.eucimageupdater.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.rollback.PromotionPlanner;
import com.eucimageupdater.rollback.RollbackPlanner;

import com.eucimageupdater.model.ImageRequest;
import com.eucimageupdater.aws.ImageServices;
import com.eucimageupdater.model.Location;
import com.eucimageupdater.retire.RetentionPolicy.Decision;
import com.eucimageupdater.retire.RetentionPolicy.Keep;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.aws.SimulatedAccount;
import com.eucimageupdater.simulator.RecordedCall;
import com.eucimageupdater.simulator.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The roll-out's service work through the real SDK against the simulator's roll-out account (scenarios/rollout.json). */
class RolloutServicesTest {
    private static final String ACCOUNT = "123456789012";
    private static final Location HOME = new Location(ACCOUNT, "us-east-1");
    private SimulatedAccount account;
    private ImageServices services;

    @BeforeEach
    void start() {
        account = SimulatedAccount.start(Scenario.load(Path.of("..", "simulator", "scenarios", "rollout.json")));
        services = account.imageServices();
    }

    @AfterEach
    void everyRequestMetTheModel() {
        try {
            assertEquals(List.of(), account.simulator().modelViolations());
        } finally {
            account.close();
        }
    }

    private static ImageRequest item(Service service, String image, String fromTarget, List<String> staging, List<String> production) {
        return new ImageRequest(service, image, fromTarget, null, null, Map.of(), staging, production, null, 0, null, null, List.of(),
                List.of(), null, null);
    }

    private List<String> changes() {
        return account.simulator().mutatingCalls().stream().filter(RecordedCall::succeeded)
                .map(call -> call.operation() + " " + call.request()).toList();
    }

    @Test
    void aFleetAsTheSourceResolvesToItsImageAndMergesWithAnItemOfTheSameSourceIntoOneImageRecordingWhatProductionUses() {
        TargetResolver.Resolved resolved = new TargetResolver(services::targets).resolve(List.of(
                item(Service.APPSTREAM, null, "prod-win2022-a", List.of(), List.of()),
                item(Service.APPSTREAM, "Base-Win2022-2026-09-08", null, List.of("staging-win2022"), List.of("prod-win2022-b"))), HOME);

        assertEquals(List.of(), resolved.problems());
        assertEquals(List.of(new ImageRequest(Service.APPSTREAM, "Base-Win2022-2026-09-08", null, null, null, Map.of(),
                List.of("staging-win2022"), List.of("prod-win2022-a", "prod-win2022-b"), Map.of("prod-win2022-a", "Base-Win2022-2026-09-08",
                        "prod-win2022-b", "Base-Win2022-2026-09-08"), 0, null, null, List.of(), List.of(), null, null)), resolved.images());
        assertEquals(List.of(), changes());
    }

    @Test
    void elasticFleetsPlatformChangesOnRunningFleetsForeignBundlesAndMissingTargetsAreRefusedBeforeAnyChange() {
        TargetResolver.Resolved resolved = new TargetResolver(services::targets).resolve(List.of(
                item(Service.APPSTREAM, null, "apps-elastic", List.of(), List.of()),
                item(Service.APPSTREAM, "Engineering-Win2019", null, List.of("training-win2019"), List.of("prod-win2022-a")),
                item(Service.APPSTREAM, "Base-Win2022", null, List.of("no-such-fleet"), List.of()),
                item(Service.WORKSPACES, "wsi-0a1b2c3d4", null, List.of(), List.of("wsb-92tn3b7gx"))), HOME);

        assertEquals(4, resolved.problems().size(), resolved.problems()::toString);
        assertTrue(resolved.problems().get(0).startsWith("images[0] (account 123456789012, us-east-1).fleet: AppStream fleet \"apps-elastic\" is an Elastic fleet"));
        assertTrue(resolved.problems().get(1).startsWith("images[1] (account 123456789012, us-east-1).fleets: AppStream fleet \"prod-win2022-a\" runs WINDOWS_SERVER_2022"
                + " and is RUNNING, and \"Engineering-Win2019\" is WINDOWS_SERVER_2019"), resolved.problems().get(1));
        assertTrue(resolved.problems().get(2).startsWith("images[2] (account 123456789012, us-east-1).stagingFleets: AppStream fleet \"no-such-fleet\" does not exist"));
        assertTrue(resolved.problems().get(3).startsWith("images[3] (account 123456789012, us-east-1).bundles: WorkSpaces bundle wsb-92tn3b7gx belongs to AMAZON"));
        assertEquals(List.of(), resolved.images());
        assertEquals(List.of(), changes());
    }

    @Test
    void aMoveRecordsThePreviousImageOnTheNewOneOnceAndARollbackMovesItBack() {
        TargetMover mover = new TargetMover(services::targets);
        List<TargetMover.Moved> moved = mover.move(Service.APPSTREAM, "Base-Win2022-2026-10-13", List.of("prod-win2022-a"), HOME, true,
                null);
        List<TargetMover.Moved> again = mover.move(Service.APPSTREAM, "Base-Win2022-2026-10-13", List.of("prod-win2022-a"), HOME, true,
                null);

        assertEquals("Base-Win2022-2026-09-08", moved.get(0).previous());
        assertEquals("Base-Win2022-2026-09-08", again.get(0).previous(), "a retried move keeps the first record");
        assertTrue(moved.get(0).note().contains("sessions in progress are not interrupted"));
        assertEquals(1, account.simulator().callsTo("UpdateFleet").size(), "the second move found the fleet already there");

        RollbackPlanner.Rollback rollback = new RollbackPlanner(services::rolloutRecords).plan("monthly-2026-10", List.of(HOME));
        assertEquals(List.of(), rollback.problems());
        assertEquals(List.of(new RollbackPlanner.MoveBack(Service.APPSTREAM, ACCOUNT, HOME.region(), "Base-Win2022-2026-09-08", "Base-Win2022-2026-10-13",
                List.of("prod-win2022-a"), Map.of("prod-win2022-a", "Base-Win2022-2026-10-13"), "Base-Win2022-2026-09-08", "Base-Win2022",
                false, List.of())), rollback.moves(), "the rolled-out image's source and lineage; its tags name no production target of the"
                + " run (no prod: tag); the image the fleet uses when checked");
    }

    @Test
    void aBundleMoveSaysHowManyExistingWorkSpacesKeepTheirImage() {
        List<TargetMover.Moved> moved = new TargetMover(services::targets).move(Service.WORKSPACES, "wsi-4d4d4d4d4", List.of("wsb-0a1b2c3d4"),
                HOME, true, null);

        assertEquals(new TargetMover.Moved("wsb-0a1b2c3d4", "wsi-3c3c3c3c3", "wsi-4d4d4d4d4", true,
                "4 existing WorkSpaces keep their image until rebuilt or recreated; new ones get the new image"), moved.get(0));
    }

    @Test
    void aBundleMoveWhoseWorkSpacesTheRunRebuildsSaysTheyAreRebuiltInWaves() {
        List<TargetMover.Moved> moved = new TargetMover(services::targets).move(Service.WORKSPACES, "wsi-4d4d4d4d4",
                List.of("wsb-0a1b2c3d4"), HOME, true, null, Set.of("wsb-0a1b2c3d4"));

        assertEquals("4 existing WorkSpaces are rebuilt onto it in waves (see the rebuilds below); new ones get the new image",
                moved.get(0).note());
    }

    @Test
    void aRollbackOfARunThatRolledNothingOutChangesNothingAndSaysSo() {
        RollbackPlanner.Rollback rollback = new RollbackPlanner(services::rolloutRecords).plan("never-ran", List.of(HOME));

        assertEquals(1, rollback.problems().size());
        assertTrue(rollback.problems().get(0).contains("records a roll-out by execution never-ran"), rollback.problems().get(0));
    }

    @Test
    void retentionDeletesOnlyOldFreeImagesOfTheLineageAndSaysWhyTheOthersStay() {
        List<Decision> decisions = services.retirement(Service.APPSTREAM, HOME).retire("Base-Win2022", Keep.newest(2), Set.of(), Set.of(),
                true);

        assertEquals(Map.of(
                "Base-Win2022-2026-10-13", "among the newest 2",
                "Base-Win2022-2026-09-08", "among the newest 2",
                "Base-Win2022-2026-08-11", "older than the newest 2",
                "Partner-Win2022-2026-08-11", "shared with account 210987654321",
                "Base-Win2022-2026-07-14", "in use by image builder base-builder"),
                decisions.stream().collect(java.util.stream.Collectors.toMap(Decision::image, Decision::reason)));
        assertEquals(List.of("DeleteImage"), account.simulator().mutatingCalls().stream().map(RecordedCall::operation).toList());
        assertEquals(List.of("Base-Win2022", "Base-Win2022-2026-07-14", "Base-Win2022-2026-09-08", "Base-Win2022-2026-10-13"),
                account.appStream().describeImages(r -> r.type("PRIVATE")).images().stream().map(image -> image.name())
                        .filter(name -> name.startsWith("Base-")).sorted().toList());
    }

    @Test
    void aReportOnlyRetentionDecidesTheSameAndDeletesNothing() {
        List<Decision> decisions = services.retirement(Service.WORKSPACES, HOME).retire("wsi-0a1b2c3d4", Keep.newest(1), Set.of(),
                Set.of(), false);

        assertEquals(List.of("wsi-2b2b2b2b2"), decisions.stream().filter(Decision::delete).map(Decision::image).toList());
        assertEquals(List.of(), account.simulator().mutatingCalls());
    }

    /** The roll-out account with November's image of the Base lineage, built for two production fleets, in the given state. */
    private void withNovembersImage(String state) throws Exception {
        account.close();
        String scenario = Files.readString(Path.of("..", "simulator", "scenarios", "rollout.json")).replaceFirst("\"images\": \\[", """
                "images": [{"name": "Base-Win2022-2026-11-10", "state": "%s", "platform": "WINDOWS_SERVER_2022",
                  "tags": {"euc-image-updater:source-image": "Base-Win2022-2026-10-13", "euc-image-updater:run-date": "2026-11-10",
                  "euc-image-updater:execution": "monthly-2026-11", "euc-image-updater:lineage": "Base-Win2022",
                  "euc-image-updater:prod:prod-win2022-b": "Base-Win2022-2026-09-08",
                  "euc-image-updater:prod:prod-win2022-a": "Base-Win2022-2026-09-08", "euc-image-updater:keep": "3"}},""".formatted(state));
        account = SimulatedAccount.start(Scenario.fromJson(scenario));
        services = account.imageServices();
    }

    @Test
    void aPromoteFindsTheRunsImageWithTheProductionItRecordedAndChangesNothing() throws Exception {
        withNovembersImage("AVAILABLE");

        PromotionPlanner.Promotion promotion = new PromotionPlanner(services::rolloutRecords).plan("monthly-2026-11", List.of(HOME), null);

        assertEquals(List.of(), promotion.problems());
        assertEquals(List.of(new PromotionPlanner.StagedLocation(ACCOUNT, HOME.region(), List.of(new PromotionPlanner.StagedImage(
                Service.APPSTREAM, "Base-Win2022-2026-10-13", "STAGED", "Base-Win2022-2026-11-10", null, "AVAILABLE")),
                List.of(new ProductionRollout(Service.APPSTREAM, ACCOUNT, HOME.region(), "Base-Win2022-2026-10-13",
                        "Base-Win2022-2026-11-10", "Base-Win2022-2026-11-10", List.of("prod-win2022-a", "prod-win2022-b"), "Base-Win2022",
                        3)))), promotion.builds());
        assertEquals(List.of(), changes());
    }

    @Test
    void aPromoteOfAnImageStillBuildingIsRefusedUntilItIsAvailable() throws Exception {
        withNovembersImage("PENDING");

        PromotionPlanner.Promotion promotion = new PromotionPlanner(services::rolloutRecords).plan("monthly-2026-11", List.of(HOME), null);

        assertEquals(List.of("promote: account 123456789012, us-east-1: APPSTREAM image Base-Win2022-2026-11-10 is PENDING, not AVAILABLE:"
                + " only AVAILABLE images go to production (promote again once it is)"), promotion.problems());
        assertEquals(List.of(), promotion.builds());
    }
}

