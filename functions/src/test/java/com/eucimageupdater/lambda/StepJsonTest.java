package com.eucimageupdater.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.approve.AnsweredBy;
import com.eucimageupdater.approve.ApprovalAnswer;
import com.eucimageupdater.model.Approval;
import com.eucimageupdater.model.ImageJob;
import com.eucimageupdater.model.ImageRequest;
import com.eucimageupdater.model.ImageState;
import com.eucimageupdater.model.ImageStatus;
import com.eucimageupdater.model.RebuildSettings;
import com.eucimageupdater.model.RunSettings;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.model.StagingGate;
import com.eucimageupdater.model.StreamingCheck;
import com.eucimageupdater.model.StartedImage;
import com.eucimageupdater.model.UpdateCheck;
import com.eucimageupdater.rollout.RunItems;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The steps' JSON on the wire, byte for byte as the state machine has always read it, and as plain Jackson databind (which
 * the local runner and the tests use) reads and writes it.
 */
class StepJsonTest {
    private static final ObjectMapper DATABIND = new ObjectMapper();
    private static final RunSettings RUN = new RunSettings("monthly-2026-11", "2026-11-10", "123456789012", "us-east-1", 900, 32, 480,
            "8 h", Approval.REQUIRED, 259200, true, 90, 5, "Europe/Paris", "monthly-2026-10", 100, 24, true, 3);
    private static final UpdateCheck CHECK = new UpdateCheck(true, "ws-win10", "drivers", "ws-win10-2026-11-10", "Updated",
            "Finance (2026-11-10)", "wsi-0a1b2c3d4", 171);
    private static final StartedImage START = new StartedImage("wsi-7k2m9p4q1", "ws-win10-2026-11-10", true, "monthly-2026-11-first", true,
            900, 1800, "quota", "2026-11-10T06:00:00Z", 9720);
    private static final ImageStatus POLL = new ImageStatus(ImageState.FAILED, "ERROR", "no disk", 7, "2026-11-10T07:45:00Z");
    /** Every component of every image-step record set, so that a field added to one must be handled here too. */
    private static final ImageJob FULL_JOB = new ImageJob(
            new ImageRequest(Service.WORKSPACES, "wsi-0a1b2c3d4", "wsb-0a1b2c3d4", "Finance", "Monthly \"patch\"\n",
                    Map.of("team", "euc", "cost-center", "42"), List.of("wsb-1t2e3s4t5"), List.of("wsb-9p8r7o6d5", "wsb-8p8r7o6d5"),
                    Map.of("wsb-9p8r7o6d5", "wsi-3c3c3c3c3", "wsb-8p8r7o6d5", "wsi-0a1b2c3d4"), 3,
                    "210987654321", "eu-west-1", List.of("eu-central-1"), List.of("123456789012"), "unreachable",
                    new StagingGate(60, 15, new StreamingCheck("Finance-Stack", "wsb-1t2e3s4t5", "gate-check"),
                            List.of("ws-canary001")),
                    new RebuildSettings(2, 25, 3, 120, new RebuildSettings.Window(List.of("SAT", "SUN"), "22:00", 6))),
            RUN, CHECK, START, POLL);

    private static byte[] write(StepJson json, Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        json.write(bytes, value);
        return bytes.toByteArray();
    }

    private static String text(StepJson json, Object value) throws IOException {
        return new String(write(json, value), StandardCharsets.UTF_8);
    }

    private static ImageJob read(String json) throws IOException {
        return StepJson.records().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), ImageJob.class);
    }

    @Test
    void theSampleSetsEveryComponentOfEveryImageStepRecord() throws Exception {
        for (Record record : new Record[] {FULL_JOB, FULL_JOB.item(), FULL_JOB.run(), FULL_JOB.check(), FULL_JOB.start(), FULL_JOB.poll()}) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                assertNotNull(component.getAccessor().invoke(record), () -> record.getClass().getSimpleName() + "." + component.getName());
            }
        }
    }

    @Test
    void readsWhatDatabindWritesAndWritesWhatDatabindReads() throws IOException {
        assertEquals(FULL_JOB, StepJson.records().read(new ByteArrayInputStream(DATABIND.writeValueAsBytes(FULL_JOB)), ImageJob.class));
        assertEquals(FULL_JOB, DATABIND.readValue(write(StepJson.records(), FULL_JOB), ImageJob.class));
        assertEquals(DATABIND.valueToTree(FULL_JOB), DATABIND.readTree(write(StepJson.records(), FULL_JOB)));
    }

    @Test
    void writesTheImageStepsRecordsByteForByteInDeclarationOrder() throws IOException {
        // One entry per map: a map copied by Map.copyOf has no fixed order, on the wire as in the step.
        ImageJob job = new ImageJob(new ImageRequest(Service.WORKSPACES, "wsi-0a1b2c3d4", "wsb-0a1b2c3d4", "Finance", "Monthly \"patch\"\n",
                Map.of("team", "euc"), List.of("wsb-1t2e3s4t5"), List.of("wsb-9p8r7o6d5", "wsb-8p8r7o6d5"), Map.of("wsb-9p8r7o6d5",
                        "wsi-3c3c3c3c3"), 3, "210987654321", "eu-west-1", List.of("eu-central-1"), List.of("123456789012"), "unreachable",
                null),
                RUN, CHECK, START, POLL);

        assertEquals("{\"item\":{\"service\":\"WORKSPACES\",\"image\":\"wsi-0a1b2c3d4\",\"fromTarget\":\"wsb-0a1b2c3d4\",\"displayName\":\"Finance\","
                + "\"description\":\"Monthly \\\"patch\\\"\\n\",\"tags\":{\"team\":\"euc\"},\"stagingTargets\":[\"wsb-1t2e3s4t5\"],"
                + "\"productionTargets\":[\"wsb-9p8r7o6d5\",\"wsb-8p8r7o6d5\"],\"productionImages\":{\"wsb-9p8r7o6d5\":\"wsi-3c3c3c3c3\"},"
                + "\"keep\":3,\"account\":\"210987654321\",\"region\":\"eu-west-1\",\"copyToRegions\":[\"eu-central-1\"],"
                + "\"shareWithAccounts\":[\"123456789012\"],\"unreachable\":\"unreachable\"},"
                + "\"run\":{\"executionName\":\"monthly-2026-11\",\"runDate\":\"2026-11-10\",\"account\":\"123456789012\",\"region\":\"us-east-1\","
                + "\"pollIntervalSeconds\":900,\"maxPolls\":32,\"maxWaitMinutes\":480,\"maxWaitText\":\"8 h\",\"approval\":\"required\","
                + "\"approvalTimeoutSeconds\":259200,\"dryRun\":true,\"expectedBuildMinutes\":90,\"maxConcurrency\":5,\"timeZone\":\"Europe/Paris\","
                + "\"promote\":\"monthly-2026-10\",\"surveyRows\":100,\"promoteAfterHours\":24,\"scheduled\":true,\"disableAfterFailures\":3},"
                + "\"check\":{\"updateAvailable\":true,\"sourceName\":\"ws-win10\",\"detail\":\"drivers\",\"newImageName\":\"ws-win10-2026-11-10\","
                + "\"newImageDescription\":\"Updated\",\"newImageDisplayName\":\"Finance (2026-11-10)\",\"lineage\":\"wsi-0a1b2c3d4\","
                + "\"lastBuildMinutes\":171},"
                + "\"start\":{\"newImage\":\"wsi-7k2m9p4q1\",\"newImageName\":\"ws-win10-2026-11-10\",\"adopted\":true,"
                + "\"adoptedFrom\":\"monthly-2026-11-first\",\"waitingForQuota\":true,\"quotaWaitSeconds\":900,\"retryInSeconds\":1800,"
                + "\"quotaReason\":\"quota\",\"startedAt\":\"2026-11-10T06:00:00Z\",\"firstPollSeconds\":9720},"
                + "\"poll\":{\"state\":\"FAILED\",\"serviceState\":\"ERROR\",\"reason\":\"no disk\",\"pollsDone\":7,"
                + "\"observedAt\":\"2026-11-10T07:45:00Z\"}}", text(StepJson.records(), job));
    }

    @Test
    void ignoresUnknownFieldsAndTakesNullOrAbsentAsDatabindDoes() throws IOException {
        ImageJob job = read("""
                {"item": {"service": "APPSTREAM", "image": "Base-Win2022", "displayName": null, "Comment": {"nested": [1, {"x": null}]},
                          "tags": {"team": "euc"}},
                 "run": {"pollIntervalSeconds": null, "runDate": "2026-11-10"}}""");

        assertEquals(new ImageJob(new ImageRequest(Service.APPSTREAM, "Base-Win2022", null, null, Map.of("team", "euc")),
                new RunSettings(null, "2026-11-10", null, null, 0, 0, 0, null, null, 0, false, 0, 0, null, null, null, null, null, null), null, null, null), job);
        assertEquals("{\"item\":{\"service\":\"APPSTREAM\",\"image\":\"Base-Win2022\",\"tags\":{\"team\":\"euc\"},"
                + "\"stagingTargets\":[],\"productionTargets\":[],\"keep\":0,\"copyToRegions\":[],\"shareWithAccounts\":[]},\"run\":{\"runDate\":\"2026-11-10\",\"pollIntervalSeconds\":0,"
                + "\"maxPolls\":0,\"maxWaitMinutes\":0,\"approvalTimeoutSeconds\":0,\"dryRun\":false,\"expectedBuildMinutes\":0,"
                + "\"maxConcurrency\":0}}",
                text(StepJson.records(), job), "nulls left out");
    }

    @Test
    void aResolvedItemKeepsItsEmptyListsWhereThePlansAnnotationsLeaveThemOut() throws IOException {
        ImageRequest item = new ImageRequest(Service.APPSTREAM, "Base-Win2022", null, null, Map.of());
        RunItems resolved = new RunItems("monthly-2026-11", "2026-11-10", 5, null, List.of(item), List.of(), 1, List.of());

        assertEquals("{\"executionName\":\"monthly-2026-11\",\"runDate\":\"2026-11-10\",\"maxConcurrency\":5,\"images\":[{\"service\":\"APPSTREAM\","
                + "\"image\":\"Base-Win2022\",\"tags\":{},\"stagingTargets\":[],\"productionTargets\":[],\"keep\":0,\"copyToRegions\":[],"
                + "\"shareWithAccounts\":[]}],\"builds\":[],\"locationsAtOnce\":1,\"problems\":[]}", text(StepJson.records(), resolved));
        assertEquals("{\"service\":\"APPSTREAM\",\"image\":\"Base-Win2022\",\"keep\":0}", text(StepJson.annotated(), item));
    }

    /** One record per inclusion rule the steps' types use, with a component of each kind those types have. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Always(String text, Object free, List<String> list, Map<String, Object> map, Service service, Approval approval) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NonNull(String text, Object free, List<String> list, int count, boolean flag, Approval approval, Always always) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record NonEmpty(String text, Object free, List<String> list, Map<String, String> map, int count, boolean flag, NonNull nested) {}

    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    record NonDefault(int count, Integer boxed, long big, boolean flag, String text, List<String> list, Map<String, Integer> map,
            Object free, Service service, NonEmpty nested) {}

    @Test
    void theAnnotatedShapeWritesEachInclusionRuleAsDatabindDid() throws IOException {
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("kept", null);
        withNull.put("empty", List.of());
        List<String> nulls = new ArrayList<>();
        nulls.add(null);
        Always always = new Always(null, withNull, nulls, new HashMap<>(), Service.WORKSPACES, Approval.REQUIRED);
        NonNull nonNull = new NonNull("", Map.of(), List.of(), 0, false, Approval.NONE, always);
        List<Record> samples = List.of(always, new Always(null, null, null, null, null, null),
                nonNull, new NonNull(null, null, null, 7, true, null, null),
                new NonEmpty("", Map.of(), List.of(), Map.of(), 0, false, nonNull),
                new NonEmpty("x", List.of(""), List.of(""), Map.of("k", ""), 3, true, null),
                new NonDefault(0, 0, 0L, false, "", List.of(), Map.of(), Map.of(), null, null),
                new NonDefault(0, null, 0L, false, null, null, null, List.of(), Service.APPSTREAM,
                        new NonEmpty(null, null, null, null, 0, false, null)),
                new NonDefault(-1, 2, 3_000_000_000L, true, " ", List.of("a"), Map.of("a", 0), "", Service.WORKSPACES, null));

        for (Record sample : samples) {
            assertEquals(DATABIND.writeValueAsString(sample), text(StepJson.annotated(), sample), sample.toString());
        }
        assertEquals("{\"count\":-1,\"boxed\":2,\"big\":3000000000,\"flag\":true,\"text\":\" \",\"list\":[\"a\"],"
                + "\"map\":{\"a\":0},\"free\":\"\",\"service\":\"WORKSPACES\"}", text(StepJson.annotated(), samples.get(8)));
        assertEquals("{\"text\":null,\"free\":{\"kept\":null,\"empty\":[]},\"list\":[null],\"map\":{},\"service\":\"WORKSPACES\","
                + "\"approval\":\"required\"}", text(StepJson.annotated(), always), "no annotation: every component, nulls as null");
    }

    @Test
    void theAnnotatedShapeReadsTheRunWideStepsFreeFormJsonAsPlainMapsAndLists() throws IOException {
        String json = "{\"text\": \"a\", \"free\": {\"b\": [1, 2.5, null, true, {}], \"a\": \"x\"}, \"service\": \"APPSTREAM\","
                + " \"approval\": \"none\", \"unknown\": 1}";

        Always read = StepJson.annotated().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Always.class);

        assertEquals(DATABIND.readValue(json, Always.class), read);
        assertEquals("{\"b\":[1,2.5,null,true,{}],\"a\":\"x\"}", JsonValues.shown(read.free()), "in the input's order");
    }

    @Test
    void theEndpointsAnswerLeavesOutWhatTheBrowserDidNotSay() throws IOException {
        assertEquals("{\"decision\":\"approved\",\"answeredBy\":{\"sourceIp\":\"192.0.2.1\"}}",
                text(StepJson.records(), new ApprovalAnswer("approved", AnsweredBy.browser("192.0.2.1", null, null))));
    }

    @Test
    void anEnumWithItsOwnJsonFormIsWrittenAndReadInThatForm() throws IOException {
        assertTrue(text(StepJson.records(), FULL_JOB).contains("\"approval\":\"required\""));
        assertEquals(Approval.NONE, read("{\"item\": {\"service\": \"APPSTREAM\"}, \"run\": {\"approval\": \"none\"}}").run().approval());

        UnreadableInput error = assertThrows(UnreadableInput.class,
                () -> read("{\"item\": {\"service\": \"APPSTREAM\"}, \"run\": {\"approval\": \"NONE\"}}"));
        assertTrue(error.getMessage().startsWith("run.approval: "), error.getMessage());
    }

    @Test
    void refusesAWrongTypeNamingTheField() {
        UnreadableInput error = assertThrows(UnreadableInput.class, () -> read("{\"item\": {\"service\": \"EC2\"}}"));
        assertTrue(error.getMessage().startsWith("item.service: Cannot deserialize value of type `com.eucimageupdater.model.Service` from String"
                + " \"EC2\": not one of the values accepted for Enum class: ["), error.getMessage());

        error = assertThrows(UnreadableInput.class, () -> read("{\"run\": {\"maxPolls\": \"many\"}}"));
        assertTrue(error.getMessage().startsWith("run.maxPolls: Cannot deserialize value of type `int` from String \"many\""), error.getMessage());
    }

    @Test
    void namesTheListItemWhoseFieldCannotBeRead() {
        UnreadableInput error = assertThrows(UnreadableInput.class, () -> StepJson.records().read(new ByteArrayInputStream(
                "{\"images\": [{\"service\": \"APPSTREAM\"}, {\"service\": \"EC2\"}]}".getBytes(StandardCharsets.UTF_8)), RunItems.class));

        assertTrue(error.getMessage().startsWith("images[1].service: Cannot deserialize value of type `com.eucimageupdater.model.Service`"),
                error.getMessage());
    }

    @Test
    void readsAWholeNumberGivenAsTextAndRefusesOneOutOfRange() throws IOException {
        assertEquals(32, read("{\"item\": {\"service\": \"APPSTREAM\"}, \"run\": {\"maxPolls\": \"32\"}}").run().maxPolls());

        UnreadableInput error = assertThrows(UnreadableInput.class,
                () -> read("{\"item\": {\"service\": \"APPSTREAM\"}, \"run\": {\"maxPolls\": 3000000000}}"));
        assertTrue(error.getMessage().startsWith("run.maxPolls: Cannot deserialize value of type `int` from "), error.getMessage());
    }

    @Test
    void refusesTextOrATruthValueOfTheWrongKindNamingTheField() throws IOException {
        UnreadableInput error = assertThrows(UnreadableInput.class,
                () -> read("{\"item\": {\"service\": \"APPSTREAM\", \"image\": {\"name\": \"Base\"}}, \"run\": {}}"));
        assertTrue(error.getMessage().startsWith("item.image: Cannot deserialize value of type `java.lang.String` from "), error.getMessage());

        error = assertThrows(UnreadableInput.class, () -> read("{\"item\": {\"service\": \"APPSTREAM\"}, \"run\": {\"dryRun\": \"yes\"}}"));
        assertTrue(error.getMessage().startsWith("run.dryRun: Cannot deserialize value of type `boolean` from String \"yes\""),
                error.getMessage());
        assertTrue(read("{\"item\": {\"service\": \"APPSTREAM\"}, \"run\": {\"dryRun\": \"true\"}}").run().dryRun());
    }

    @Test
    void aRecordThatRefusesItsFieldsSaysWhyInItsOwnWords() {
        UnreadableInput error = assertThrows(UnreadableInput.class, () -> read("{\"item\": {\"service\": \"APPSTREAM\"}}"));

        assertEquals("item and run: every image job carries its request and the run's settings", error.getMessage());
    }
}
