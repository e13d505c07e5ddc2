package com.eucimageupdater.local;

import static com.eucimageupdater.local.OrganizationScenario.FLEET;
import static com.eucimageupdater.local.OrganizationScenario.FLEET_IMAGE;
import static com.eucimageupdater.local.OrganizationScenario.HOME;
import static com.eucimageupdater.local.OrganizationScenario.TOPIC_ARN;
import static com.eucimageupdater.local.TestScenarios.creates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.model.MemberAccess;
import com.eucimageupdater.local.OrganizationScenario.Place;
import com.eucimageupdater.plan.DeploymentSettings;
import com.eucimageupdater.plan.RolloutDefaults;
import com.eucimageupdater.simulator.PublishedMessage;
import com.eucimageupdater.simulator.RecordedCall;
import com.eucimageupdater.simulator.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One run over an organization on the simulator: three accounts in two Regions, a fleet named once and resolved in
 * every account and Region (cdk.json's targets), two images of each place named with their account and Region.
 * The member role is missing in one account, and one Region throttles 30% of its calls.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganizationEndToEndTest {
    private static final String MEMBER = "222222222222";
    private static final String ROLELESS = "333333333333";
    private static final Place THROTTLED = new Place(MEMBER, "eu-west-1");
    /** A name or id made from a place's tag: App-2ew1-0000, wsi-2ew100001, and the new WorkSpaces image's name desk-2ew100001-... */
    private static final Pattern PLACE_TAG = Pattern.compile("(?:App-|wsi-|desk-)([0-9][a-z]{2}[0-9])");

    private final OrganizationScenario organization = new OrganizationScenario(List.of(HOME, MEMBER, ROLELESS), List.of("us-east-1", "eu-west-1"))
            .withoutRole(ROLELESS).throttled(THROTTLED, 0.3).withFleetItem().images(12);
    private SimulatedAccount account;
    private ExecutionResult result;

    @BeforeAll
    void runOnce() throws Exception {
        account = new SimulatedAccount(Scenario.fromJson(organization.scenario()));
        result = organization.run(account, 5, 20, 1L, event -> { });
    }

    @AfterAll
    void close() {
        account.close();
    }

    private List<JsonNode> results() {
        return StreamSupport.stream(result.report().path("results").spliterator(), false).toList();
    }

    private static Place placeOf(JsonNode result) {
        return new Place(result.path("account").asText(), result.path("region").asText());
    }

    private List<RecordedCall> imageServiceCalls() {
        return account.simulator().calls().stream().filter(call -> call.service().equals("appstream") || call.service().equals("workspaces")).toList();
    }

    @Test
    @DisplayName("the fleet named once is resolved in every account and Region of the targets, and its image updated in each reachable one")
    void fleetItemIsResolvedInEveryTarget() {
        List<Place> updated = results().stream().filter(result -> result.path("image").asText().equals(FLEET_IMAGE))
                .peek(result -> assertEquals("UPDATED", result.path("outcome").asText(), result::toString)).map(OrganizationEndToEndTest::placeOf).toList();
        assertEquals(organization.places().stream().filter(place -> !place.account().equals(ROLELESS)).toList(), updated);
        List<Place> unreachable = results().stream().filter(result -> result.path("image").asText().equals(FLEET))
                .map(OrganizationEndToEndTest::placeOf).toList();
        assertEquals(List.of(new Place(ROLELESS, "us-east-1"), new Place(ROLELESS, "eu-west-1")), unreachable);
    }

    @Test
    @DisplayName("only the images of the account without the member role fail, each with a reason naming the role ARN; the others update")
    void missingRoleFailsOnlyThatAccountsImages() {
        String roleArn = "arn:aws:iam::" + ROLELESS + ":role/EucImageUpdaterMember";
        List<JsonNode> roleless = results().stream().filter(result -> result.path("account").asText().equals(ROLELESS)).toList();
        assertEquals(6, roleless.size(), "the fleet and two images in each of its Regions");
        roleless.forEach(result -> JsonAssert.failedWith(result, roleArn));
        List<JsonNode> others = results().stream().filter(result -> !result.path("account").asText().equals(ROLELESS)).toList();
        assertEquals(12, others.size());
        others.forEach(result -> assertEquals("UPDATED", result.path("outcome").asText(), result::toString));
        assertEquals("ExecutionFailed", result.status(), "a failed image fails the execution, after the mail");
    }

    @Test
    @DisplayName("every image of a throttled Region still updates: the retries absorb the throttling")
    void throttledRegionStillUpdatesEveryImage() {
        long throttled = account.simulator().callsIn(THROTTLED.account(), THROTTLED.region()).stream()
                .filter(call -> "ThrottlingException".equals(call.errorType())).count();
        assertTrue(throttled > 0, "the Region throttled no call");
        List<JsonNode> there = results().stream().filter(result -> placeOf(result).equals(THROTTLED)).toList();
        assertEquals(3, there.size());
        there.forEach(result -> assertEquals("UPDATED", result.path("outcome").asText(), result::toString));
    }

    @Test
    @DisplayName("one mail, grouped by account and Region, each image under the heading of its own place")
    void oneMailGroupedByAccountAndRegion() {
        List<PublishedMessage> mails = account.simulator().publishedMessages();
        assertEquals(1, mails.size(), () -> mails.stream().map(PublishedMessage::subject).toList().toString());
        Map<String, List<String>> sections = sections(mails.get(0).message());
        List<String> headings = organization.places().stream().map(place -> "Account " + place.account() + ", " + place.region()).toList();
        assertEquals(headings, List.copyOf(sections.keySet()));
        for (Place place : organization.places()) {
            List<String> expected = new ArrayList<>(List.of(place.account().equals(ROLELESS) ? FLEET : FLEET_IMAGE));
            organization.images().stream().filter(image -> image.place().equals(place)).forEach(image -> expected.add(image.image()));
            assertEquals(expected, sections.get("Account " + place.account() + ", " + place.region()));
        }
    }

    /** Each "Account ..., ...:" heading of the mail's results, with the image of each result line under it. */
    private static Map<String, List<String>> sections(String message) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : message.split("\n")) {
            if (line.startsWith("Production:")) {
                break;
            }
            if (line.startsWith("Account ")) {
                current = sections.computeIfAbsent(line.substring(0, line.indexOf(':')), ignored -> new ArrayList<>());
            } else if (current != null && (line.startsWith("UPDATED") || line.startsWith("FAILED"))) {
                current.add(line.split("\\s+")[2]);
            }
        }
        return sections;
    }

    @Test
    @DisplayName("every call about an account's image is signed with that account's credentials in its Region, and breaks no API rule")
    void callsAreSignedByTheAccountAndRegionTheyActOn() {
        Map<String, Place> byTag = organization.places().stream().collect(Collectors.toMap(Place::tag, Function.identity()));
        int attributed = 0;
        for (RecordedCall call : imageServiceCalls()) {
            assertNotNull(call.account(), () -> "refused credentials: " + call);
            Matcher tag = PLACE_TAG.matcher(call.request().toString());
            if (tag.find()) {
                Place place = byTag.get(tag.group(1));
                assertEquals(place, new Place(call.account(), call.region()), call::toString);
                attributed++;
            }
        }
        assertTrue(attributed > 40, "few calls named a place's image: " + attributed);
        assertTrue(imageServiceCalls().stream().anyMatch(call -> call.account().equals(MEMBER)), "no call signed by the member");
        assertTrue(imageServiceCalls().stream().noneMatch(call -> call.account().equals(ROLELESS)), "a call reached the roleless account");
        List<RecordedCall> assumeRoles = account.simulator().callsTo("AssumeRole");
        assertTrue(assumeRoles.stream().allMatch(call -> call.account().equals(HOME)), "AssumeRole from the home account's credentials");
        assertEquals(List.of(), account.simulator().modelViolations());
    }

    @Test
    @DisplayName("no image is created twice: one create per source image and place, despite the throttling")
    void noDuplicateCreates() {
        Map<String, Long> createsPerSource = creates(account.simulator()).stream().collect(Collectors.groupingBy(call -> call.account() + " "
                + call.region() + " " + call.request().path("existingImageName").asText(call.request().path("SourceImageId").asText()), Collectors.counting()));
        assertEquals(12, createsPerSource.size(), createsPerSource::toString);
        assertTrue(createsPerSource.values().stream().allMatch(count -> count == 1), createsPerSource::toString);
    }

    @Test
    @DisplayName("Step Functions would run each account and Region, and each image, as a child execution with a short history of its own")
    void eachAccountRegionAndImageIsAChildExecution() throws Exception {
        ExecutionHistories histories = ExecutionHistories.of(SimulatedRun.JSON.readTree(Definition.DEFAULT_FILE.toFile()), result.events());
        assertEquals(6, histories.childrenOf("BuildInEachAccountAndRegion").size());
        assertEquals(results().size(), histories.childrenOf("BuildImages").size());
        assertEquals(4, histories.childrenOf("RollOutToProduction").size(), "the fleet in each reachable place");
        ExecutionHistories.Execution largest = histories.largest();
        assertTrue(largest.historyEvents() < 200, largest::toString);
        assertTrue(histories.inlineHistoryEvents() > 3 * largest.historyEvents(), "one execution would hold every child's events");
        assertTrue(histories.largestPayload().bytes() < ExecutionHistories.PAYLOAD_LIMIT_BYTES);
    }

    @Test
    @DisplayName("the organization demo: us-east-1's Base-Win2022 copied to eu-west-1, which builds its own of that name, is a conflict")
    void organizationDemoReportsTheCopyToARegionBuildingTheSameNameAsAConflict() throws Exception {
        Path demo = Path.of("simulator", "scenarios", "organization.json");
        try (SimulatedAccount demoAccount = new SimulatedAccount(Scenario.fromJson(Files.readString(demo)))) {
            LocalWorkflow.Settings settings = new LocalWorkflow.Settings(new DeploymentSettings("[]", 900, 480, 5, "UTC", 1,
                    RolloutDefaults.DEFAULTS), 1L, 1L, LocalApproval.YES);
            ExecutionResult demoRun = LocalWorkflow.run(Definition.DEFAULT_FILE, SimulatedRun.JSON.readTree(
                    Path.of("events", "organization-run.json").toFile()), settings,
                    demoAccount.target(TOPIC_ARN, new MemberAccess(HOME, null, OrganizationScenario.EXTERNAL_ID)), event -> { });

            PublishedMessage mail = demoAccount.simulator().publishedMessages().get(0);
            assertTrue(!TestScenarios.claimsACopyIn("eu-west-1", mail.message()), mail.message());
            // Whichever holds the name first wins it: eu-west-1's own update (then the copy is the conflict), or the copy
            // (then eu-west-1's update is refused, naming the copy). Neither is ever reported as the other.
            boolean copyRefused = mail.message().contains("CONFLICT, not copied to eu-west-1: AppStream image \"Base-Win2022-");
            boolean updateRefused = mail.message().contains("is euc-image-updater's copy of 111111111111/us-east-1/Base-Win2022-");
            assertTrue(copyRefused != updateRefused, mail.message());
            assertTrue(mail.subject().startsWith(copyRefused ? "euc-image-updater: 1 image failed, 1 copy conflict;"
                    : "euc-image-updater: 2 images failed;"), mail.subject());
            assertEquals("ImageUpdatesFailed", demoRun.error());
            assertEquals(List.of(), demoAccount.simulator().modelViolations());
        }
    }
}
