package com.eucimageupdater.local;

import static com.eucimageupdater.local.TestScenarios.appStream;
import static com.eucimageupdater.local.TestScenarios.workSpaces;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.simulator.PublishedMessage;
import com.eucimageupdater.simulator.RecordedCall;
import com.eucimageupdater.simulator.Scenario;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Copy and share, through the real ASL and handlers, against a simulated account with a second Region: the mail says
 * "copied" and "shared" only for what this run's calls made.
 */
class DistributionEndToEndTest {
    private static final String TODAY = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    private static final String SCENARIO = TestScenarios.scenario(appStream("Base-Win2022", true, "AVAILABLE"),
            workSpaces("wsi-0a1b2c3d4", "finance-win10", true, "AVAILABLE"), TestScenarios.NO_FAULTS)
            .replaceFirst("\\{\"region\"", "{\"accounts\": [{\"accountId\": \"123456789012\", \"regions\": {\"eu-west-1\": {}}}], \"region\"");
    private static final String INPUT = """
            {"images": [{"service": "APPSTREAM", "image": "Base-Win2022", "copyToRegions": ["eu-west-1"],
                         "shareWithAccounts": ["210987654321"]},
                        {"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "copyToRegions": ["eu-west-1"]}]%s}""";

    @Test
    @DisplayName("a new image is copied to the listed Region with its tags and shared with the listed account; the mail: copy started")
    void copiedAndShared() throws Exception {
        try (SimulatedRun run = SimulatedRun.of(SCENARIO, INPUT.formatted(""))) {
            assertTrue(run.result.succeeded(), () -> run.result.error() + " " + run.result.cause());
            String mail = run.aws().publishedMessages().get(0).message();
            assertTrue(mail.contains("copy started: eu-west-1; shared with 210987654321"), mail);
            assertTrue(mail.matches("(?s).*copy started: eu-west-1 \\(wsi-[0-9a-z]{9}\\).*"), mail);
            List<String> inIreland = run.aws().calls().stream().filter(RecordedCall::succeeded).filter(call -> "eu-west-1".equals(call.region()))
                    .map(RecordedCall::operation).filter(operation -> !operation.startsWith("Describe") && !operation.startsWith("List"))
                    .toList();
            assertEquals(List.of("CopyWorkspaceImage", "TagResource"), inIreland.stream().sorted().toList(),
                    "the AppStream copy is tagged there (CopyImage copies no tags); the WorkSpaces copy is made there with its tags");
            assertEquals(1, run.aws().callsTo("CopyImage").size());
            assertEquals(1, run.aws().callsTo("UpdateImagePermissions").size());
            assertEquals(List.of(), run.aws().modelViolations());
        }
    }

    @Test
    @DisplayName("a report-only run counts the copies and shares it would make and makes none")
    void reportOnlyCountsThem() throws Exception {
        try (SimulatedRun run = SimulatedRun.of(SCENARIO, INPUT.formatted(", \"dryRun\": true"))) {
            String mail = run.aws().publishedMessages().get(0).message();
            assertTrue(mail.contains("would copy to eu-west-1; would share with 210987654321"), mail);
            assertEquals(List.of("Publish"), run.aws().mutatingCalls().stream().map(RecordedCall::operation).toList());
        }
    }

    /** An earlier run today made Base-Win2022's update, copied it to eu-west-1 and shared it with 210987654321. */
    private static final String DISTRIBUTED_EARLIER = """
            {"region": "us-east-1", "accountId": "123456789012", "seed": 11,
             "appstream": {"images": [{"name": "Base-Win2022", "updateAvailable": true},
                 {"name": "Base-Win2022-%1$s", "sharedWithAccounts": ["210987654321"],
                  "tags": {"euc-image-updater:source-image": "Base-Win2022", "euc-image-updater:run-date": "%1$s",
                           "euc-image-updater:execution": "earlier-run", "euc-image-updater:lineage": "Base-Win2022"}}]},
             "sns": {"topics": ["arn:aws:sns:us-east-1:123456789012:euc-image-updater"]},
             "accounts": [{"accountId": "123456789012", "regions": {"eu-west-1": {"appstream": {"images": [
                 {"name": "Base-Win2022-%1$s", "tags": {"euc-image-updater:source-image": "Base-Win2022",
                  "euc-image-updater:run-date": "%1$s", "euc-image-updater:execution": "earlier-run",
                  "euc-image-updater:copied-from": "123456789012/us-east-1/Base-Win2022-%1$s"}}]}}}}]}""".formatted(TODAY);

    @Test
    @DisplayName("a copy and a share an earlier run made are said to be there already, naming that run, and are not made again")
    void copiesAndSharesMadeEarlierAreThereAlreadyNotCopiedOrSharedByThisRun() throws Exception {
        try (SimulatedRun run = SimulatedRun.of(DISTRIBUTED_EARLIER, """
                {"images": [{"service": "APPSTREAM", "image": "Base-Win2022", "copyToRegions": ["eu-west-1"],
                             "shareWithAccounts": ["210987654321"]}]}""")) {
            assertTrue(run.result.succeeded(), () -> run.result.error() + " " + run.result.cause());
            String mail = run.aws().publishedMessages().get(0).message();
            assertTrue(mail.contains("ADOPTED    APPSTREAM  Base-Win2022 -> Base-Win2022-" + TODAY), mail);
            assertTrue(mail.contains("           already copied: eu-west-1 (by run earlier-run); already shared with 210987654321\n"),
                    mail);
            assertEquals(List.of(), run.aws().mutatingCalls().stream().filter(call -> call.operation().equals("CopyImage")
                    || call.operation().equals("UpdateImagePermissions") || "eu-west-1".equals(call.region())).toList(),
                    "nothing copied, shared or tagged in eu-west-1");
        }
    }

    /**
     * The organization demo's case: us-east-1's Base-Win2022 is copied to eu-west-1, where the same run updates eu-west-1's
     * own Base-Win2022 into an image of the same name (its build is quicker, so it holds the name first).
     */
    private static final String BOTH_REGIONS_BUILD = """
            {"region": "us-east-1", "accountId": "123456789012", "seed": 11,
             "appstream": {"images": [
                 {"name": "Base-Win2022", "updateAvailable": true, "build": {"outcome": "AVAILABLE", "pollsUntilDone": 4}}]},
             "sns": {"topics": ["arn:aws:sns:us-east-1:123456789012:euc-image-updater"]},
             "accounts": [{"accountId": "123456789012", "regions": {"eu-west-1": {"appstream": {"images": [
                 {"name": "Base-Win2022", "updateAvailable": true, "build": {"outcome": "AVAILABLE", "pollsUntilDone": 1}}]}}}}]}""";
    private static final String BOTH_REGIONS_INPUT = """
            {"images": [{"service": "APPSTREAM", "image": "Base-Win2022", "copyToRegions": ["eu-west-1"]},
                        {"service": "APPSTREAM", "image": "Base-Win2022", "account": "123456789012", "region": "eu-west-1"}]}""";

    @Test
    @DisplayName("an image eu-west-1 built itself in the same run under the copy's name is a conflict, left untouched, not 'copied'")
    void anImageTheDestinationBuiltInTheSameRunIsAConflictNotACopy() throws Exception {
        try (SimulatedRun run = SimulatedRun.of(BOTH_REGIONS_BUILD, BOTH_REGIONS_INPUT)) {
            assertEquals("ImageUpdatesFailed", run.result.error(), "a conflict fails the run, after the mail");
            assertTrue(!run.result.cause().contains("image failed"), "both images updated: " + run.result.cause());
            PublishedMessage mail = run.aws().publishedMessages().get(0);
            assertTrue(mail.subject().startsWith("euc-image-updater: 1 copy conflict; nothing to approve; 2 updated"), mail.subject());
            assertTrue(!TestScenarios.claimsACopyIn("eu-west-1", mail.message()), mail.message());
            assertTrue(mail.message().contains("CONFLICT, not copied to eu-west-1: AppStream image \"Base-Win2022-"), mail.message());
            assertTrue(mail.message().contains("is already in eu-west-1 and was built there by euc-image-updater from Base-Win2022 in run"),
                    mail.message());
            assertTrue(mail.message().contains("rename or delete it there, or remove eu-west-1 from copyToRegions, then run again"),
                    mail.message());
            assertEquals(List.of(), run.aws().callsTo("CopyImage"));
            assertEquals(List.of(), run.aws().callsTo("TagResource").stream()
                    .filter(call -> call.request().path("Tags").has("euc-image-updater:copied-from")).toList(),
                    "the image eu-west-1 built is not tagged as a copy");
            assertEquals(List.of(), run.aws().modelViolations());
        }
    }

    @Test
    @DisplayName("a copy that an earlier run made in eu-west-1 is never taken for eu-west-1's own update of the same name")
    void aCopyInTheDestinationIsNotAdoptedAsThatRegionsOwnUpdate() throws Exception {
        String copyThere = BOTH_REGIONS_BUILD.replace("""
                {"name": "Base-Win2022", "updateAvailable": true, "build": {"outcome": "AVAILABLE", "pollsUntilDone": 1}}]""", """
                {"name": "Base-Win2022", "updateAvailable": true, "build": {"outcome": "AVAILABLE", "pollsUntilDone": 1}},
                {"name": "Base-Win2022-%s", "tags": {"euc-image-updater:source-image": "Base-Win2022",
                 "euc-image-updater:run-date": "%s", "euc-image-updater:execution": "earlier",
                 "euc-image-updater:copied-from": "123456789012/us-east-1/Base-Win2022-%s"}}]"""
                .formatted(TODAY, TODAY, TODAY));
        try (SimulatedRun run = SimulatedRun.of(copyThere,
                "{\"images\": [{\"service\": \"APPSTREAM\", \"image\": \"Base-Win2022\", \"region\": \"eu-west-1\"}]}")) {
            assertEquals("FAILED", run.resultFor("Base-Win2022").path("outcome").asText());
            String reason = run.resultFor("Base-Win2022").path("reason").asText();
            assertTrue(reason.contains("is euc-image-updater's copy of 123456789012/us-east-1/Base-Win2022-" + TODAY
                    + " (that item's copyToRegions), not an update of Base-Win2022 made here"), reason);
            assertEquals(List.of(), TestScenarios.creates(run.aws()));
        }
    }

    @Test
    @DisplayName("a copy to a Region the deployment does not work in is refused with a mail before any call, and no image is made")
    void copyOutsideTheWorkRegionsIsRefused() throws Exception {
        String toSaoPaulo = INPUT.formatted("").replace("\"copyToRegions\": [\"eu-west-1\"],",
                "\"copyToRegions\": [\"eu-west-1\", \"sa-east-1\"],");
        try (SimulatedRun run = SimulatedRun.of(SCENARIO, toSaoPaulo)) {
            assertEquals("InvalidInput", run.result.error());
            assertEquals(List.of("Publish"), run.aws().calls().stream().map(RecordedCall::operation).toList(),
                    "no AppStream or WorkSpaces call at all, only the mail");
            PublishedMessage mail = run.aws().publishedMessages().get(0);
            assertEquals("INPUT_REJECTED", mail.attributes().get("status"));
            assertTrue(mail.message().contains("images[0].copyToRegions[1]: \"sa-east-1\" is not a Region this deployment works in (its own"
                    + " us-east-1, and cdk.json's targets, images and additionalRegions: eu-west-1, us-east-1); add it to additionalRegions"
                    + " in cdk.json and deploy again"), mail.message());
            Scenario.Location home = run.aws().snapshot().location("123456789012", "us-east-1");
            assertEquals(List.of("Base-Win2022"), home.appstream().images().stream().map(Scenario.AppStreamImage::name).toList());
            assertEquals(List.of("wsi-0a1b2c3d4"), home.workspaces().images().stream().map(Scenario.WorkSpacesImage::id).toList());
        }
    }
}
