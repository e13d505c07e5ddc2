package com.eucimageupdater.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.model.Approval;
import com.eucimageupdater.model.ImageJob;
import com.eucimageupdater.model.ImageRequest;
import com.eucimageupdater.model.RunSettings;
import com.eucimageupdater.model.ImageState;
import com.eucimageupdater.model.ImageStatus;
import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.model.StartedImage;
import com.eucimageupdater.model.UpdateCheck;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The image steps' JSON code agrees with Jackson databind, which the local runner and the tests use, on every field. */
class RecordJsonTest {
    private static final ObjectMapper DATABIND = new ObjectMapper();
    /** Every component of every image-step record set, so that a field added to one must be handled here too. */
    private static final ImageJob FULL_JOB = new ImageJob(
            new ImageRequest(Service.WORKSPACES, "wsi-0a1b2c3d4", "wsb-0a1b2c3d4", "Finance", "Monthly \"patch\"\n",
                    Map.of("team", "euc", "cost-center", "42"), List.of("wsb-1t2e3s4t5"), List.of("wsb-9p8r7o6d5", "wsb-8p8r7o6d5"),
                    Map.of("wsb-9p8r7o6d5", "wsi-3c3c3c3c3", "wsb-8p8r7o6d5", "wsi-0a1b2c3d4"), 3,
                    "210987654321", "eu-west-1", List.of("eu-central-1"), List.of("123456789012"), "unreachable"),
            RunSettings.builder().executionName("monthly-2026-11").runDate("2026-11-10").location(new Location("123456789012", "us-east-1"))
                    .pollIntervalSeconds(900).maxPolls(32).maxWaitMinutes(480).maxWaitText("8 h").approval(Approval.REQUIRED)
                    .approvalTimeoutSeconds(259200).dryRun(true).expectedBuildMinutes(90).maxConcurrency(5).timeZone("Europe/Paris")
                    .promote("monthly-2026-10").build(),
            new UpdateCheck(true, "ws-win10", "drivers", "ws-win10-2026-11-10", "Updated", "Finance (2026-11-10)", "wsi-0a1b2c3d4", 171),
            new StartedImage("wsi-7k2m9p4q1", "ws-win10-2026-11-10", true, "monthly-2026-11-first", true, 900, 1800, "quota",
                    "2026-11-10T06:00:00Z", 9720),
            new ImageStatus(ImageState.FAILED, "ERROR", "no disk", 7, "2026-11-10T07:45:00Z"));

    private static byte[] write(Record value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RecordJson.write(bytes, value);
        return bytes.toByteArray();
    }

    private static ImageJob read(String json) throws IOException {
        return RecordJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), ImageJob.class);
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
        assertEquals(FULL_JOB, RecordJson.read(new ByteArrayInputStream(DATABIND.writeValueAsBytes(FULL_JOB)), ImageJob.class));
        assertEquals(FULL_JOB, DATABIND.readValue(write(FULL_JOB), ImageJob.class));
        assertEquals(DATABIND.valueToTree(FULL_JOB), DATABIND.readTree(write(FULL_JOB)));
    }

    @Test
    void ignoresUnknownFieldsAndTakesNullOrAbsentAsDatabindDoes() throws IOException {
        ImageJob job = read("""
                {"item": {"service": "APPSTREAM", "image": "Base-Win2022", "displayName": null, "Comment": {"nested": [1, {"x": null}]},
                          "tags": {"team": "euc"}},
                 "run": {"pollIntervalSeconds": null, "runDate": "2026-11-10"}}""");

        assertEquals(new ImageJob(new ImageRequest(Service.APPSTREAM, "Base-Win2022", null, null, Map.of("team", "euc")),
                RunSettings.builder().runDate("2026-11-10").build(), null, null, null), job);
        assertEquals("{\"item\":{\"service\":\"APPSTREAM\",\"image\":\"Base-Win2022\",\"tags\":{\"team\":\"euc\"},"
                + "\"stagingTargets\":[],\"productionTargets\":[],\"keep\":0,\"copyToRegions\":[],\"shareWithAccounts\":[]},\"run\":{\"runDate\":\"2026-11-10\",\"pollIntervalSeconds\":0,"
                + "\"maxPolls\":0,\"maxWaitMinutes\":0,\"approvalTimeoutSeconds\":0,\"dryRun\":false,\"expectedBuildMinutes\":0,"
                + "\"maxConcurrency\":0}}",
                new String(write(job), StandardCharsets.UTF_8), "nulls left out");
    }

    @Test
    void anEnumWithItsOwnJsonFormIsWrittenAndReadInThatFormByBothMappers() throws IOException {
        assertTrue(new String(write(FULL_JOB), StandardCharsets.UTF_8).contains("\"approval\":\"required\""));
        assertTrue(DATABIND.writeValueAsString(FULL_JOB).contains("\"approval\":\"required\""));
        String none = "{\"item\": {\"service\": \"APPSTREAM\"}, \"run\": {\"approval\": \"none\"}}";
        assertEquals(Approval.NONE, read(none).run().approval());
        assertEquals(Approval.NONE, DATABIND.readValue(none, ImageJob.class).run().approval());

        UnreadableInput error = assertThrows(UnreadableInput.class, () -> read("{\"run\": {\"approval\": \"NONE\"}}"));
        assertTrue(error.getMessage().contains("approval: not one of [required, none]"), error.getMessage());
    }

    @Test
    void refusesAWrongTypeNamingTheField() {
        UnreadableInput error = assertThrows(UnreadableInput.class, () -> read("{\"item\": {\"service\": \"EC2\"}}"));
        assertTrue(error.getMessage().contains("service: not one of [APPSTREAM, WORKSPACES]"), error.getMessage());

        error = assertThrows(UnreadableInput.class, () -> read("{\"run\": {\"maxPolls\": \"many\"}}"));
        assertTrue(error.getMessage().contains("maxPolls: expected int, got VALUE_STRING"), error.getMessage());
    }
}
