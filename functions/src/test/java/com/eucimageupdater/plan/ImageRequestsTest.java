package com.eucimageupdater.plan;

import com.eucimageupdater.lambda.JsonValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.model.ImageRequest;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.model.StagingGate;
import com.eucimageupdater.model.StreamingCheck;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageRequestsTest {

    private static ParsedImages parse(String json) throws Exception {
        return ImageRequests.parse(JsonValues.parse(json), "images");
    }

    private static void assertSingleProblem(String json, String expectedStart, String expectedRule) throws Exception {
        List<String> problems = parse(json).problems();
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith(expectedStart), problems.get(0));
        assertTrue(problems.get(0).contains(expectedRule), problems.get(0));
    }

    @Test
    void validImagesOfBothServicesAreAccepted() throws Exception {
        ParsedImages parsed = parse("""
                [{"service": "APPSTREAM", "image": "Base-Win2022", "displayName": "Base", "description": "Monthly: base",
                  "tags": {"team": "euc"}},
                 {"service": "workspaces", "image": "wsi-0a1b2c3d4", "description": "Finance desktop (Win10)"}]""");
        assertTrue(parsed.valid(), parsed.problems()::toString);
        assertEquals(List.of(
                new ImageRequest(Service.APPSTREAM, "Base-Win2022", "Base", "Monthly: base", Map.of("team", "euc")),
                new ImageRequest(Service.WORKSPACES, "wsi-0a1b2c3d4", null, "Finance desktop (Win10)", Map.of())), parsed.requests());
    }

    @Test
    void anUnknownFieldRefusesItsItemNamingEveryKnownFieldWhenNoneIsNear() throws Exception {
        ParsedImages parsed = parse("""
                [{"service": "APPSTREAM", "image": "Base-Win2022", "owner": "euc"}, {"service": "APPSTREAM", "image": "Office"}]""");
        assertEquals(List.of("images[0].owner: unknown field; the known fields are service, image, fleet, stagingFleets, fleets, bundle,"
                + " stagingBundles, bundles, displayName, description, tags, keep, account, region, copyToRegions, shareWithAccounts,"
                + " validationTimeoutMinutes, streamingCheck, canaryWorkspaces, rebuild"),
                parsed.problems());
        assertEquals(List.of("Office"), parsed.requests().stream().map(ImageRequest::image).toList(), "only the item meant as given");
    }

    @Test
    void misspeltFieldsOfEveryItemAreReportedAtOnceWithTheNearestField() throws Exception {
        ParsedImages parsed = parse("""
                [{"service": "APPSTREAM", "image": "Base-Win2022", "Fleets": ["prod"], "keeps": 2},
                 {"service": "APPSTREAM", "image": "Office", "stagingfleets": ["test"]},
                 {"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "bundels": ["wsb-0a1b2c3d4"]}]""");
        assertEquals(List.of("images[0].Fleets: unknown field; did you mean fleets?", "images[0].keeps: unknown field; did you mean keep?",
                "images[1].stagingfleets: unknown field; did you mean stagingFleets?",
                "images[2].bundels: unknown field; did you mean bundles?"), parsed.problems());
        assertEquals(List.of(), parsed.requests());
    }

    @Test
    void aMisspeltRequiredFieldIsOneProblemNotTwo() throws Exception {
        assertEquals(List.of("images[0].Service: unknown field; did you mean service?"),
                parse("[{\"Service\": \"APPSTREAM\", \"image\": \"Base-Win2022\"}]").problems());
        assertEquals(List.of("images[0].Image: unknown field; did you mean image?"),
                parse("[{\"service\": \"APPSTREAM\", \"Image\": \"Base-Win2022\"}]").problems());
    }

    @Test
    void theCallerSaysWhereAFieldOfAnotherPlaceBelongs() throws Exception {
        KnownKeys itemKeys = KnownKeys.fields(ImageRequests.ITEM_FIELDS).withElsewhere(List.of("dryRun"), "applies to the whole run");
        ParsedImages parsed = ImageRequests.parse(JsonValues.parse("[{\"service\": \"APPSTREAM\", \"image\": \"a\", \"dryRun\": true}]"),
                "images", itemKeys);
        assertEquals(List.of("images[0].dryRun: dryRun applies to the whole run"), parsed.problems());
    }

    @Test
    void missingListIsEmptyAndValid() {
        assertTrue(ImageRequests.parse(null, "images").valid());
        assertTrue(ImageRequests.parse(null, "images").requests().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown service              | [{"service": "EC2", "image": "x"}]                                       | images[0].service | must be "APPSTREAM" or "WORKSPACES"
            missing service              | [{"image": "x"}]                                                         | images[0].service | is required
            missing image                | [{"service": "APPSTREAM"}]                                               | images[0].image   | is required
            appstream name with a space  | [{"service": "APPSTREAM", "image": "my image"}]                          | images[0].image   | not an AppStream image name
            appstream name with a colon  | [{"service": "APPSTREAM", "image": "base:v2"}]                           | images[0].image   | no spaces or colons
            workspaces name not an id    | [{"service": "WORKSPACES", "image": "ws-123"}]                           | images[0].image   | not a WorkSpaces image id
            workspaces id upper case     | [{"service": "WORKSPACES", "image": "wsi-0A1B2C3D4"}]                    | images[0].image   | lowercase
            workspaces colon description | [{"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "description": "Patched 10:00"}] | images[0].description | no colon
            workspaces long description  | [{"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "description": "%s"}] | images[0].description | 1-256 characters
            workspaces display name      | [{"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "displayName": "x"}] | images[0].displayName | no display name
            display name too long        | [{"service": "APPSTREAM", "image": "a", "displayName": "%s"}]            | images[0].displayName | at most 100
            tag key reserved by aws      | [{"service": "APPSTREAM", "image": "a", "tags": {"aws:x": "1"}}]         | images[0].tags.aws:x | reserved by AWS
            tag key of the pipeline      | [{"service": "APPSTREAM", "image": "a", "tags": {"euc-image-updater:x": "1"}}] | images[0].tags.euc-image-updater:x | set by the pipeline
            tag value with bad character | [{"service": "APPSTREAM", "image": "a", "tags": {"team": "a*b"}}]        | images[0].tags.team (value) | may contain only
            tag value not a string       | [{"service": "APPSTREAM", "image": "a", "tags": {"team": 5}}]            | images[0].tags.team | must be strings
            tags not an object           | [{"service": "APPSTREAM", "image": "a", "tags": ["team"]}]               | images[0].tags | must be an object
            description with a substitution | [{"service": "APPSTREAM", "image": "a", "description": "for ${AWS::AccountId}"}] | images[0].description | may not contain "${"
            entry not an object          | ["Base-Win2022"]                                                         | images[0] | must be an object
            list not a list              | {"service": "APPSTREAM"}                                                 | images | must be a list
            """)
    void eachBrokenRuleIsReportedWithItsFieldAndRule(String rule, String json, String field, String message) throws Exception {
        assertSingleProblem(json.replace("%s", "d".repeat(257)), field + ":", message);
    }

    @Test
    void tooManyTagsLeaveRoomForThePipelinesOwn() throws Exception {
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < 48; i++) {
            tags.append(i == 0 ? "" : ",").append("\"k").append(i).append("\": \"v\"");
        }
        assertSingleProblem("[{\"service\": \"APPSTREAM\", \"image\": \"a\", \"tags\": {" + tags + "}}]", "images[0].tags:", "at most 45 tags");
    }

    @Test
    void eachProductionFleetTakesTwoOfTheTagsAndProductionTwoMore() throws Exception {
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < 39; i++) {
            tags.append(i == 0 ? "" : ",").append("\"k").append(i).append("\": \"v\"");
        }
        String item = "[{\"service\": \"APPSTREAM\", \"image\": \"a\", \"fleets\": [\"p1\", \"p2\"], \"tags\": {" + tags + "%s}}]";

        assertEquals(List.of(), parse(item.formatted("")).problems(), "39 tags and 2 production fleets: 39 + 2 x 2 + 2 = 45");
        assertSingleProblem(item.formatted(", \"k39\": \"v\""), "images[0].tags:",
                "40 tags, 0 staging and 2 production fleets: the new image records the roll-out in 6 tags");
    }

    @Test
    void aTagKeyLongerThan127CharactersIsRejected() throws Exception {
        assertSingleProblem("[{\"service\": \"APPSTREAM\", \"image\": \"a\", \"tags\": {\"" + "k".repeat(128) + "\": \"v\"}}]",
                "images[0].tags.", "must be 1-127 characters");
    }

    @Test
    void anImageListedTwiceIsReportedOnce() throws Exception {
        assertSingleProblem("""
                [{"service": "APPSTREAM", "image": "a"}, {"service": "WORKSPACES", "image": "wsi-0a1b2c3d4"},
                 {"service": "APPSTREAM", "image": "a"}]""", "images[2]:", "listed twice (also images[0])");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        ParsedImages parsed = parse("""
                [{"service": "EC2", "image": "x"}, {"service": "WORKSPACES", "image": "ws-1", "description": "a:b"},
                 {"service": "APPSTREAM", "image": "ok"}]""");
        assertEquals(3, parsed.problems().size(), parsed.problems()::toString);
        assertEquals(List.of("ok"), parsed.requests().stream().map(ImageRequest::image).toList());
    }

    @Test
    void problemsNameTheListAsTheCallerCallsIt() throws Exception {
        Object images = JsonValues.parse("[{\"service\": \"APPSTREAM\"}]");
        assertTrue(ImageRequests.parse(images, "context.images").problems().get(0).startsWith("context.images[0].image:"));
    }

    @Test
    void blankOptionalFieldsTakeTheirDefaults() throws Exception {
        ParsedImages parsed = parse("""
                [{"service": "APPSTREAM", "image": "a", "displayName": " ", "description": ""},
                 {"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "description": ""}]""");
        assertTrue(parsed.valid(), parsed.problems()::toString);
        assertEquals(null, parsed.requests().get(0).displayName());
        assertEquals(null, parsed.requests().get(1).description());
    }

    @Test
    void tagLengthsCountCharactersNotUtf16Units() throws Exception {
        String emoji = new String(Character.toChars(0x1D54F));
        assertEquals(1, ImageRequests.parse(List.of(Map.of("service", "APPSTREAM", "image", "a",
                "tags", Map.of("team", emoji.repeat(255)))), "images").requests().size());
    }

    @Test
    void appStreamSourcesThatDifferOnlyByADateWouldClaimTheSameNewName() throws Exception {
        ParsedImages parsed = ImageRequests.parse(JsonValues.parse("""
                [{"service": "APPSTREAM", "image": "Base"}, {"service": "WORKSPACES", "image": "wsi-0a1b2c3d4"},
                 {"service": "APPSTREAM", "image": "Base-2026-10-14"}]"""), "context.images");
        assertEquals(List.of("context.images[2].image: \"Base-2026-10-14\" and context.images[0] would both be updated to"
                + " \"Base-<run date>\" (a date suffix is replaced); keep one of them"), parsed.problems());
    }

    @Test
    void rollOutTargetsAndAFleetOrBundleAsTheSourceAreRead() throws Exception {
        ParsedImages parsed = parse("""
                [{"service": "APPSTREAM", "fleet": "Finance-Prod"},
                 {"service": "APPSTREAM", "image": "Base-Win2022", "stagingFleets": ["Base-Test"], "fleets": ["Base-Prod-1", "Base-Prod-2"],
                  "keep": 3},
                 {"service": "WORKSPACES", "bundle": "wsb-0a1b2c3d4"},
                 {"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "stagingBundles": ["wsb-1t2e3s4t5"], "bundles": ["wsb-9p8r7o6d5"],
                  "keep": 2}]""");

        assertEquals(List.of(), parsed.problems());
        assertEquals(new ImageRequest(Service.APPSTREAM, null, "Finance-Prod", null, null, Map.of(), List.of(), List.of(), null, 0, null,
                null, List.of(), List.of(), null, null),
                parsed.requests().get(0));
        assertEquals(new ImageRequest(Service.APPSTREAM, "Base-Win2022", null, null, null, Map.of(), List.of("Base-Test"),
                List.of("Base-Prod-1", "Base-Prod-2"), null, 3, null, null, List.of(), List.of(), null, null), parsed.requests().get(1));
        assertEquals("wsb-0a1b2c3d4", parsed.requests().get(2).fromTarget());
        assertEquals(List.of("wsb-9p8r7o6d5"), parsed.requests().get(3).productionTargets());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            image and fleet both      | [{"service": "APPSTREAM", "image": "a", "fleet": "f"}]                            | images[0]: give either "image" or "fleet", not both
            neither image nor fleet   | [{"service": "APPSTREAM", "fleets": ["f"]}]                                       | images[0].image: is required: the image to update, or "fleet"
            bundles on AppStream      | [{"service": "APPSTREAM", "image": "a", "bundles": ["wsb-0a1b2c3d4"]}]            | images[0].bundles: is for WORKSPACES images; APPSTREAM images roll out to fleets
            fleets on WorkSpaces      | [{"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "stagingFleets": ["f"]}]      | images[0].stagingFleets: is for APPSTREAM images
            bad fleet name            | [{"service": "APPSTREAM", "image": "a", "fleets": ["my fleet"]}]                  | images[0].fleets[0]: "my fleet" is not an AppStream fleet name
            bad bundle id             | [{"service": "WORKSPACES", "bundle": "bundle-1"}]                                 | images[0].bundle: "bundle-1" is not a WorkSpaces bundle id
            staged and production     | [{"service": "APPSTREAM", "image": "a", "stagingFleets": ["f"], "fleets": ["f"]}] | images[0].fleets: "f" is also in stagingFleets; a fleet is either staged or in production
            listed twice in a list    | [{"service": "APPSTREAM", "image": "a", "fleets": ["f", "f"]}]                    | images[0].fleets[1]: "f" is listed twice
            a target in two images    | [{"service": "APPSTREAM", "image": "a", "fleets": ["f"]}, {"service": "APPSTREAM", "fleet": "f"}] | images[1]: fleet "f" is also named by images[0]
            the source as a target    | [{"service": "APPSTREAM", "fleet": "f", "fleets": ["f"]}]                         | images[0].fleet: "f" is the source and also listed as a target
            keep zero                 | [{"service": "APPSTREAM", "image": "a", "keep": 0}]                               | images[0].keep: must be a whole number from 1 to 100
            fleets not a list         | [{"service": "APPSTREAM", "image": "a", "fleets": "f"}]                           | images[0].fleets: must be a list of fleets
            """)
    void rollOutFieldsAreCheckedWithTheirFieldAndRule(String rule, String json, String expected) throws Exception {
        List<String> problems = parse(json).problems();
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith(expected), problems.get(0));
    }

    @Test
    void anItemsValidationTimeoutIsAWholeNumberOfMinutesInRange() throws Exception {
        assertEquals(StagingGate.requested(45, null, List.of()), parse("""
                [{"service": "APPSTREAM", "image": "Base-Win2022", "validationTimeoutMinutes": 45}]""").requests().get(0).gate());
        assertSingleProblem("""
                [{"service": "APPSTREAM", "image": "Base-Win2022", "validationTimeoutMinutes": 0}]""",
                "images[0].validationTimeoutMinutes: ", "must be a whole number of minutes from 1 to 720");
        assertSingleProblem("""
                [{"service": "APPSTREAM", "image": "Base-Win2022", "validationTimeoutMinutes": "1h"}]""",
                "images[0].validationTimeoutMinutes: ", "got \"1h\"");
    }

    @Test
    void aStreamingCheckNamesAStackAndAUserOfTheirRulesOnOneOfTheItemsStagingFleets() throws Exception {
        assertEquals(new StreamingCheck("Base-Stack", "Base-Test", "gate-check"), parse("""
                [{"service": "APPSTREAM", "image": "Base-Win2022", "stagingFleets": ["Base-Test", "Base-Test-2"],
                  "streamingCheck": {"stack": "Base-Stack", "user": "gate-check"}}]""").requests().get(0).gate().streamingCheck());
        assertSingleProblem("""
                [{"service": "APPSTREAM", "image": "Base-Win2022", "stagingFleets": ["Base-Test"],
                  "streamingCheck": {"stack": "Base Stack", "user": "gate-check"}}]""",
                "images[0].streamingCheck.stack: ", "is not an AppStream stack name");
        assertSingleProblem("""
                [{"service": "APPSTREAM", "image": "Base-Win2022", "stagingFleets": ["Base-Test"],
                  "streamingCheck": {"stack": "Base-Stack", "user": "x"}}]""",
                "images[0].streamingCheck.user: ", "2-32 letters, digits");
        assertSingleProblem("""
                [{"service": "APPSTREAM", "image": "Base-Win2022", "stagingFleets": ["Base-Test"],
                  "streamingCheck": {"stack": "Base-Stack", "user": "gate-check", "fleet": "Base-Prod"}}]""",
                "images[0].streamingCheck.fleet: ", "is not one of stagingFleets");
        assertSingleProblem("""
                [{"service": "APPSTREAM", "image": "Base-Win2022", "streamingCheck": {"stack": "Base-Stack", "user": "gate-check"}}]""",
                "images[0].streamingCheck: ", "needs stagingFleets");
        assertSingleProblem("""
                [{"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "stagingBundles": ["wsb-1t2e3s4t5"],
                  "streamingCheck": {"stack": "Base-Stack", "user": "gate-check"}}]""",
                "images[0].streamingCheck: ", "is for APPSTREAM images");
    }

    @Test
    void canaryWorkspacesAreDistinctWorkSpaceIdsOfAWorkSpacesItemWithStagingBundlesAndAFewAtMost() throws Exception {
        assertEquals(List.of("ws-abc123def", "ws-0a1b2c3d4"), parse("""
                [{"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "stagingBundles": ["wsb-1t2e3s4t5"],
                  "canaryWorkspaces": ["ws-abc123def", "ws-0a1b2c3d4"]}]""").requests().get(0).gate().canaryWorkspaces());
        assertSingleProblem("""
                [{"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "stagingBundles": ["wsb-1t2e3s4t5"],
                  "canaryWorkspaces": ["ws-abc123def", "WS-1"]}]""",
                "images[0].canaryWorkspaces[1]: ", "is not a WorkSpace id");
        assertSingleProblem("""
                [{"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "stagingBundles": ["wsb-1t2e3s4t5"],
                  "canaryWorkspaces": ["ws-abc123def", "ws-abc123def"]}]""",
                "images[0].canaryWorkspaces[1]: ", "is listed twice");
        assertSingleProblem("""
                [{"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "bundles": ["wsb-1t2e3s4t5"],
                  "canaryWorkspaces": ["ws-abc123def"]}]""",
                "images[0].canaryWorkspaces: ", "needs stagingBundles");
        assertSingleProblem("""
                [{"service": "APPSTREAM", "image": "Base-Win2022", "stagingFleets": ["Base-Test"],
                  "canaryWorkspaces": ["ws-abc123def"]}]""",
                "images[0].canaryWorkspaces: ", "is for WORKSPACES images");
        assertSingleProblem("""
                [{"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "stagingBundles": ["wsb-1t2e3s4t5"],
                  "canaryWorkspaces": ["ws-canary0001", "ws-canary0002", "ws-canary0003", "ws-canary0004", "ws-canary0005",
                                       "ws-canary0006"]}]""",
                "images[0].canaryWorkspaces: ", "at most 5");
        assertSingleProblem("""
                [{"service": "WORKSPACES", "image": "wsi-0a1b2c3d4", "stagingBundles": ["wsb-1t2e3s4t5"],
                  "canaryWorkspaces": "ws-abc123def"}]""",
                "images[0].canaryWorkspaces: ", "must be a list of WorkSpace ids");
    }
}
