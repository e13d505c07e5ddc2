package com.eucimageupdater.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.simulator.PublishedMessage;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Bad input is refused before any AWS call, all problems at once, and the mail says why. */
class BadInputEndToEndTest {
    private static final String SCENARIO = """
            {"region": "us-east-1", "accountId": "123456789012", "seed": 3,
             "appstream": {"images": [{"name": "Base-Win2022", "state": "AVAILABLE", "updateAvailable": true}]},
             "workspaces": {"images": [{"id": "wsi-0a1b2c3d4", "name": "desk", "state": "AVAILABLE", "updateAvailable": true}]},
             "sns": {"topics": ["arn:aws:sns:us-east-1:123456789012:euc-image-updater"]}}""";

    /** Each entry breaks one rule; the valid ones in between must not run either. */
    private static final List<String> MALFORMED = List.of(
            "{\"service\": \"EC2\", \"image\": \"i-0123\"}",
            "{\"image\": \"Base-Win2022\"}",
            "{\"service\": \"APPSTREAM\"}",
            "{\"service\": \"APPSTREAM\", \"image\": \"\"}",
            "{\"service\": \"APPSTREAM\", \"image\": \"my image\"}",
            "{\"service\": \"APPSTREAM\", \"image\": \"base:v2\"}",
            "{\"service\": \"APPSTREAM\", \"image\": \"" + "a".repeat(102) + "\"}",
            "{\"service\": \"APPSTREAM\", \"image\": \"-leading-dash\"}",
            "{\"service\": \"WORKSPACES\", \"image\": \"ws-123\"}",
            "{\"service\": \"WORKSPACES\", \"image\": \"wsi-ABCDEFGHI\"}",
            "{\"service\": \"WORKSPACES\", \"image\": \"wsi-0a1b2c3d4\", \"description\": \"Patched 2026-11-10T10:00\"}",
            "{\"service\": \"WORKSPACES\", \"image\": \"wsi-0a1b2c3d5\", \"description\": \"50% faster\"}",
            "{\"service\": \"WORKSPACES\", \"image\": \"wsi-0a1b2c3d6\", \"displayName\": \"Desk\"}",
            "{\"service\": \"APPSTREAM\", \"image\": \"Base-2\", \"displayName\": \"" + "d".repeat(101) + "\"}",
            "{\"service\": \"APPSTREAM\", \"image\": \"Base-3\", \"description\": \"" + "d".repeat(257) + "\"}",
            "{\"service\": \"APPSTREAM\", \"image\": \"Base-4\", \"tags\": {\"aws:owner\": \"x\"}}",
            "{\"service\": \"APPSTREAM\", \"image\": \"Base-5\", \"tags\": {\"team\": \"a*b\"}}",
            "{\"service\": \"APPSTREAM\", \"image\": \"Base-6\", \"tags\": {\"" + "k".repeat(128) + "\": \"v\"}}",
            "{\"service\": \"APPSTREAM\", \"image\": \"Base-7\", \"tags\": {\"team\": \"" + "v".repeat(256) + "\"}}",
            "{\"service\": \"APPSTREAM\", \"image\": \"Base-8\", \"tags\": [\"team\"]}",
            "{\"service\": \"APPSTREAM\", \"image\": \"Base-9\", \"tags\": {\"euc-image-updater:source-image\": \"x\"}}",
            "\"Base-Win2022\"",
            "{\"service\": \"APPSTREAM\", \"image\": \"Base-Win2022\"}",
            "{\"service\": \"APPSTREAM\", \"image\": \"Base-Win2022\"}");

    @Test
    @DisplayName("22 malformed images and a duplicate are all reported at once, by image and field, and nothing reaches AWS")
    void malformedInputChangesNothing() throws Exception {
        String input = "{\"images\": [" + String.join(",", MALFORMED) + "]}";
        try (SimulatedRun run = SimulatedRun.of(SCENARIO, input)) {
            assertEquals("InvalidInput", run.result.error());
            List<String> problems = SimulatedRun.JSON.convertValue(run.report().path("problems"),
                    SimulatedRun.JSON.getTypeFactory().constructCollectionType(List.class, String.class));
            assertEquals(MALFORMED.size() - 1, problems.size(), () -> String.join("\n", problems));
            for (int i = 0; i < MALFORMED.size() - 2; i++) {
                String at = "images[" + i + "]";
                assertTrue(problems.stream().anyMatch(problem -> problem.startsWith(at)), () -> at + " is reported: " + problems);
            }
            assertTrue(problems.get(problems.size() - 1).contains("listed twice"), problems::toString);

            assertEquals(List.of("Publish"), run.aws().calls().stream().map(call -> call.operation()).toList(),
                    "no AppStream or WorkSpaces call at all, only the mail");
            PublishedMessage mail = run.aws().publishedMessages().get(0);
            assertEquals("euc-image-updater: input rejected, 23 problems, nothing changed", mail.subject());
            assertTrue(mail.message().contains("- images[10].description: WorkSpaces descriptions may contain only"), mail.message());
            assertEquals("INPUT_REJECTED", mail.attributes().get("status"));
        }
    }

    @Test
    @DisplayName("no images in the input and none configured is refused with a hint")
    void nothingToRun() throws Exception {
        try (SimulatedRun run = SimulatedRun.of(SCENARIO, "{}")) {
            assertEquals("InvalidInput", run.result.error());
            assertTrue(run.aws().publishedMessages().get(0).message().contains("none are configured"));
        }
    }

    @Test
    @DisplayName("a batch too big for one run is refused up front with the limit enforced")
    void tooManyImagesForOneExecution() throws Exception {
        String images = IntStream.range(0, 1001)
                .mapToObj(i -> "{\"service\": \"APPSTREAM\", \"image\": \"Image-" + i + "\"}").collect(Collectors.joining(","));
        try (SimulatedRun run = SimulatedRun.of(SCENARIO, "{\"images\": [" + images + "]}")) {
            assertEquals("InvalidInput", run.result.error());
            String mail = run.aws().publishedMessages().get(0).message();
            assertTrue(mail.contains("- images: 1001 images in one run, and a run takes at most 1000"), mail);
            assertEquals(List.of("Publish"), run.aws().calls().stream().map(call -> call.operation()).toList());
        }
    }
}
