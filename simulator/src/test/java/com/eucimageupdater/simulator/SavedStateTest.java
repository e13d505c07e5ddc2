package com.eucimageupdater.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.appstream.AppStreamClient;
import software.amazon.awssdk.services.appstream.model.AppStreamException;
import software.amazon.awssdk.services.appstream.model.ImageState;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.workspaces.WorkSpacesClient;
import software.amazon.awssdk.services.workspaces.model.Tag;

/**
 * A simulator's state saved as a scenario and loaded into another: everything a run changed is there, builds go on,
 * and nothing of the first run's faults or ids comes back.
 */
class SavedStateTest {
    private static final String MEMBER = "222222222222";
    private static final String SCENARIO = """
            {"region": "us-east-1", "accountId": "123456789012", "seed": 5,
             "faults": {"throttleRate": 0.0},
             "errors": [{"operation": "DescribeFleets", "type": "ThrottlingException", "times": 1}],
             "lambda": {"firstCalls": {"Check": 2}},
             "accounts": [{"accountId": "222222222222", "roles": [{"name": "EucImageUpdaterMember"}],
                           "regions": {"us-east-1": {"errors": [{"operation": "DescribeImages", "type": "ThrottlingException", "times": 1}],
                                                     "appstream": {"images": [{"name": "Member-Base"}]}}}}],
             "appstream": {"maxUpdatesInFlight": 4, "pageSize": 3,
               "images": [{"name": "Base", "updateAvailable": true, "tags": {"team": "euc"}, "build": {"pollsUntilDone": 1}},
                          {"name": "Slow", "updateAvailable": true, "build": {"pollsUntilDone": 5}},
                          {"name": "Broken", "updateAvailable": true, "build": {"outcome": "FAILED", "pollsUntilDone": 1,
                                                                                 "reason": "disk full", "errorCode": "DISK"}},
                          {"name": "Old", "created": "2024-01-01T00:00:00Z"}],
               "fleets": [{"name": "prod", "imageName": "Base", "desiredInstances": 2},
                          {"name": "apps", "type": "ELASTIC", "platform": "WINDOWS_SERVER_2019"}],
               "imageBuilders": [{"name": "builder", "imageName": "Base", "state": "STOPPED"}]},
             "workspaces": {"pageSize": 2,
               "images": [{"id": "wsi-000000001", "name": "desk", "updateAvailable": true, "updateDescription": "drivers",
                           "build": {"pollsUntilDone": 1}},
                          {"id": "wsi-000000002", "name": "dev", "updateAvailable": true,
                           "build": {"outcome": "ERROR", "pollsUntilDone": 1, "errorCode": "InsufficientDiskSpace", "reason": "20 GB"}},
                          {"id": "wsi-999999999", "name": "theirs", "ownerAccountId": "999988887777"}],
               "bundles": [{"id": "wsb-00000001", "name": "standard", "imageId": "wsi-000000001", "workspaces": 3},
                           {"id": "wsb-92tn3b7gx", "name": "Amazon's", "owner": "AMAZON", "imageId": "wsi-0aws10std", "workspaces": 1}]},
             "sns": {"topics": ["arn:aws:sns:us-east-1:123456789012:euc-image-updater"]}}""";

    private final List<AutoCloseable> closing = new ArrayList<>();
    private AwsSimulator first;
    private Scenario saved;
    private String newDesk;

    private <T extends AutoCloseable> T closed(T resource) {
        closing.add(resource);
        return resource;
    }

    private AppStreamClient appStream(AwsSimulator simulator, Region region) {
        return closed(SdkClients.appStream(simulator, 1, region, SdkClients.HOME));
    }

    private WorkSpacesClient workSpaces(AwsSimulator simulator) {
        return closed(SdkClients.workSpaces(simulator, 1));
    }

    private AwsCredentialsProvider member(AwsSimulator simulator) {
        return closed(StsAssumeRoleCredentialsProvider.builder().stsClient(closed(SdkClients.sts(simulator, SdkClients.HOME)))
                .refreshRequest(r -> r.roleArn("arn:aws:iam::" + MEMBER + ":role/EucImageUpdaterMember").roleSessionName("test"))
                .build());
    }

    /** A month of changes, each through the API: builds that end AVAILABLE, FAILED or not yet, moves, shares, copies, tags, a delete. */
    @BeforeEach
    void runAMonth() {
        first = closed(AwsSimulator.start(Scenario.fromJson(SCENARIO)));
        AppStreamClient appStream = appStream(first, Region.US_EAST_1);
        // The month's own faults, met once here.
        assertThrows(AppStreamException.class, () -> appStream.describeFleets(r -> { }));
        assertThrows(AppStreamException.class,
                () -> closed(SdkClients.appStream(first, 1, Region.US_EAST_1, member(first))).describeImages(r -> { }));
        appStream.createUpdatedImage(r -> r.existingImageName("Base").newImageName("Base-new").newImageTags(Map.of("run", "one")));
        appStream.createUpdatedImage(r -> r.existingImageName("Slow").newImageName("Slow-new"));
        appStream.createUpdatedImage(r -> r.existingImageName("Broken").newImageName("Broken-new"));
        for (int i = 0; i < 2; i++) {
            appStream.describeImages(r -> r.names("Base-new", "Slow-new", "Broken-new"));
        }
        appStream.updateFleet(r -> r.name("prod").imageName("Base-new").displayName("Production"));
        appStream.updateImagePermissions(r -> r.name("Base-new").sharedAccountId(MEMBER)
                .imagePermissions(p -> p.allowFleet(true).allowImageBuilder(false)));
        appStream.copyImage(r -> r.sourceImageName("Base-new").destinationImageName("Base-copy").destinationRegion("eu-west-1"));
        appStream.deleteImage(r -> r.name("Old"));
        appStream.tagResource(r -> r.resourceArn("arn:aws:appstream:us-east-1:123456789012:image/Base-new").tags(Map.of("more", "yes")));

        WorkSpacesClient workSpaces = workSpaces(first);
        newDesk = workSpaces.createUpdatedWorkspaceImage(r -> r.sourceImageId("wsi-000000001").name("desk-new").description("new desk")
                .tags(Tag.builder().key("run").value("one").build())).imageId();
        String newDev = workSpaces.createUpdatedWorkspaceImage(r -> r.sourceImageId("wsi-000000002").name("dev-new").description("new dev"))
                .imageId();
        for (int i = 0; i < 2; i++) {
            workSpaces.describeWorkspaceImages(r -> r.imageIds(newDesk, newDev));
        }
        workSpaces.updateWorkspaceBundle(r -> r.bundleId("wsb-00000001").imageId(newDesk));
        workSpaces.updateWorkspaceImagePermission(r -> r.imageId(newDesk).sharedAccountId(MEMBER).allowCopyImage(true));
        workSpaces.createTags(r -> r.resourceId(newDesk).tags(Tag.builder().key("more").value("yes").build()));

        saved = Scenario.fromJson(first.snapshot().toJson());
    }

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    /** What each account shows of itself, in the order a client would ask. */
    private List<Object> answers(AwsSimulator simulator) {
        AppStreamClient home = appStream(simulator, Region.US_EAST_1);
        AppStreamClient ireland = appStream(simulator, Region.EU_WEST_1);
        AppStreamClient memberAppStream = closed(SdkClients.appStream(simulator, 1, Region.US_EAST_1, member(simulator)));
        WorkSpacesClient workSpaces = workSpaces(simulator);
        WorkSpacesClient memberWorkSpaces = closed(SdkClients.workSpaces(simulator, 1, Region.US_EAST_1, member(simulator)));
        List<Object> answers = new ArrayList<>();
        home.describeImagesPaginator(r -> { }).forEach(page -> answers.addAll(page.images()));
        for (String image : List.of("Base", "Base-new", "Slow-new", "Broken-new")) {
            answers.add(home.listTagsForResource(r -> r.resourceArn("arn:aws:appstream:us-east-1:123456789012:image/" + image)).tags());
            answers.add(home.describeImagePermissions(r -> r.name(image)).sharedImagePermissionsList());
        }
        everyPage(token -> home.describeFleets(r -> r.nextToken(token)), page -> page.fleets(), page -> page.nextToken(), answers);
        answers.add(home.describeImageBuilders(r -> { }).imageBuilders());
        answers.add(ireland.describeImages(r -> { }).images());
        answers.add(memberAppStream.describeImages(r -> { }).images());
        everyPage(token -> workSpaces.describeWorkspaceImages(r -> r.nextToken(token)), page -> page.images(), page -> page.nextToken(),
                answers);
        answers.add(workSpaces.describeTags(r -> r.resourceId(newDesk)).tagList());
        answers.add(workSpaces.describeWorkspaceImagePermissions(r -> r.imageId(newDesk)).imagePermissions());
        workSpaces.describeWorkspaceBundlesPaginator(r -> { }).bundles().forEach(answers::add);
        workSpaces.describeWorkspaceBundlesPaginator(r -> r.owner("AMAZON")).bundles().forEach(answers::add);
        workSpaces.describeWorkspacesPaginator(r -> { }).workspaces().forEach(answers::add);
        answers.add(memberWorkSpaces.describeWorkspaceImages(r -> { }).images());
        return answers;
    }

    /** Describes without a paginator in the SDK, page after page. */
    private static <P> void everyPage(Function<String, P> describe, Function<P, List<?>> items, Function<P, String> nextToken,
            List<Object> answers) {
        String token = null;
        do {
            P page = describe.apply(token);
            answers.addAll(items.apply(page));
            token = nextToken.apply(page);
        } while (token != null);
    }

    @Test
    void aSimulatorStartedFromTheSavedStateAnswersAsTheOneItWasSavedFrom() {
        AwsSimulator second = closed(AwsSimulator.start(saved));
        List<Object> before = answers(first);
        List<Object> after = answers(second);
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i), after.get(i), "answer " + i);
        }
        assertTrue(before.toString().contains("Production") && before.toString().contains("Base-copy")
                && before.toString().contains("disk full") && before.toString().contains("InsufficientDiskSpace"), before.toString());
    }

    @Test
    void aLoadedStateSavesAgainAsItWasOneGenerationOn() {
        assertEquals(1, saved.generation());
        Scenario again = closed(AwsSimulator.start(saved)).snapshot();
        assertEquals(2, again.generation());
        assertEquals(saved.toJson().replace("\"generation\" : 1", "\"generation\" : 2"), again.toJson());
    }

    @Test
    void anUpdateStillBuildingGoesOnFromWhereItWasAndClearsItsSourcesUpdate() {
        Scenario.AppStreamImage slow = saved.appstream().images().stream().filter(image -> image.name().equals("Slow-new")).findFirst()
                .orElseThrow();
        assertEquals(new Scenario.Building("Slow", slow.building().started(), 2), slow.building());
        AppStreamClient appStream = appStream(closed(AwsSimulator.start(saved)), Region.US_EAST_1);
        List<ImageState> states = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            states.add(appStream.describeImages(r -> r.names("Slow-new")).images().get(0).state());
        }
        assertEquals(List.of(ImageState.PENDING, ImageState.PENDING, ImageState.PENDING, ImageState.AVAILABLE), states,
                "five describes in all, two of them before the save");
        assertFalse(appStream.createUpdatedImage(r -> r.existingImageName("Slow").newImageName("Slow-again").dryRun(true))
                .canUpdateImage());
    }

    @Test
    void aSavedStateKeepsNoFaultsScriptedErrorsOrLambdaFaultsSoALaterRunDoesNotMeetThemAgain() {
        Scenario fresh = Scenario.fromJson(SCENARIO);
        assertEquals(1, fresh.errors().size());
        assertEquals(List.of(), saved.errors());
        assertEquals(new Scenario.Faults(0, 0, null), saved.faults());
        assertEquals(new Scenario.LambdaFaults(0, null, null), saved.lambda());
        Scenario.RegionState member = saved.accounts().get(0).regions().get("us-east-1");
        assertEquals(List.of(), member.errors());
        assertEquals(null, member.faults());
        try (AppStreamClient appStream = SdkClients.appStream(closed(AwsSimulator.start(saved)), 1)) {
            assertEquals(2, appStream.describeFleets(r -> { }).fleets().size(),
                    "the scenario's one-off DescribeFleets error is not answered");
        }
    }

    @Test
    void aLaterGenerationNeverMakesAnIdAnEarlierOneMade() {
        WorkSpacesClient earlier = workSpaces(first);
        String failed = earlier.createUpdatedWorkspaceImage(r -> r.sourceImageId("wsi-000000002").name("dev-again").description("again"))
                .imageId();
        earlier.describeWorkspaceImages(r -> r.imageIds(failed));
        earlier.describeWorkspaceImages(r -> r.imageIds(failed));
        earlier.deleteWorkspaceImage(r -> r.imageId(failed));
        String topic = saved.sns().topics().get(0);
        String firstMessage = closed(SdkClients.sns(first, 1)).publish(r -> r.topicArn(topic).message("one")).messageId();

        AwsSimulator later = closed(AwsSimulator.start(Scenario.fromJson(first.snapshot().toJson())));
        WorkSpacesClient workSpaces = workSpaces(later);
        String made = workSpaces.createUpdatedWorkspaceImage(r -> r.sourceImageId("wsi-000000002").name("dev-later").description("later"))
                .imageId();
        assertNotEquals(failed, made);
        assertNotEquals(newDesk, made);
        assertNotEquals(firstMessage, closed(SdkClients.sns(later, 1)).publish(r -> r.topicArn(topic).message("two")).messageId());
        assertEquals(answers(first).stream().filter(answer -> answer.toString().contains("WorkspaceId")).toList(),
                answers(later).stream().filter(answer -> answer.toString().contains("WorkspaceId")).toList(),
                "the WorkSpaces launched from the bundles keep their ids");
    }

    @Test
    void aSaveIsWholeOrNothingAndLoadsBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("account.json");
        Files.writeString(file, "the previous save");
        saved.save(file);
        assertEquals(saved, Scenario.load(file));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no partial file left behind");
        }
        Function<Scenario, String> regions = scenario -> scenario.accounts().stream()
                .map(account -> account.accountId() + " " + account.regions().keySet()).toList().toString();
        assertEquals("[222222222222 [us-east-1], 123456789012 [eu-west-1]]", regions.apply(saved),
                "the copy's Region is kept; the member's view of the share is its owner's to make again");
    }
}
