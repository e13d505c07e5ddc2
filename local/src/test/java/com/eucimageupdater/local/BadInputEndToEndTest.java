package com.eucimageupdater.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.simulator.PublishedMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

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

    /** The run's problems as the mail lists them, one per line, once it is clear that nothing reached AppStream or WorkSpaces. */
    private static List<String> mailedProblems(SimulatedRun run) {
        assertEquals("InvalidInput", run.result.error());
        assertEquals(List.of("Publish"), run.aws().calls().stream().map(call -> call.operation()).toList(),
                "no AppStream or WorkSpaces call at all, only the mail");
        assertEquals(List.of(), TestScenarios.creates(run.aws()));
        PublishedMessage mail = run.aws().publishedMessages().get(0);
        assertEquals("INPUT_REJECTED", mail.attributes().get("status"));
        assertTrue(mail.subject().startsWith("euc-image-updater: input rejected, "), mail.subject());
        return mail.message().lines().filter(line -> line.startsWith("- ")).map(line -> line.substring(2)).toList();
    }

    static Stream<Arguments> misspeltOrMisplacedFields() {
        String item = "{\"service\": \"APPSTREAM\", \"image\": \"Base-Win2022\"";
        return Stream.of(
                Arguments.of("{\"images\": [" + item + "}], \"dryrun\": true}", "input.dryrun: unknown field; did you mean dryRun?"),
                Arguments.of("{\"images\": [" + item + ", \"dryRun\": true}]}",
                        "images[0].dryRun: dryRun applies to the whole run; put it at the top level"),
                Arguments.of("{\"images\": [" + item + "}], \"fleets\": [\"prod-win2022\"]}",
                        "input.fleets: fleets belongs to one image; put it in that image's item of \"images\""));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("misspeltOrMisplacedFields")
    @DisplayName("a misspelt or misplaced field refuses the run, saying what was meant, and no image is built")
    void misspeltOrMisplacedFieldBuildsNothing(String input, String problem) throws Exception {
        try (SimulatedRun run = SimulatedRun.of(SCENARIO, input)) {
            assertEquals(List.of(problem), mailedProblems(run));
        }
    }

    @Test
    @DisplayName("misspelt item fields (Fleets, stagingfleets, keeps) are each refused with the field they meant")
    void misspeltItemFieldsAreRefused() throws Exception {
        String input = """
                {"images": [{"service": "APPSTREAM", "image": "Base-Win2022", "Fleets": ["prod-win2022"], "stagingfleets": ["test"],
                             "keeps": 2}]}""";
        try (SimulatedRun run = SimulatedRun.of(SCENARIO, input)) {
            assertEquals(List.of("images[0].Fleets: unknown field; did you mean fleets?",
                    "images[0].stagingfleets: unknown field; did you mean stagingFleets?",
                    "images[0].keeps: unknown field; did you mean keep?"), mailedProblems(run));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"Comment\": \"Insert your JSON here\",", "{\"scheduledTime\": \"2026-11-11T06:00:00Z\","})
    @DisplayName("the console's Comment and the schedule's scheduledTime (on the run day) are accepted beside the images")
    void acceptedExtras(String opening) throws Exception {
        String input = opening + " \"images\": [{\"service\": \"APPSTREAM\", \"image\": \"Base-Win2022\"}]}";
        try (SimulatedRun run = SimulatedRun.of(SCENARIO, input)) {
            assertTrue(run.result.succeeded(), () -> run.result.error() + " " + run.result.cause());
            assertEquals(List.of("Base-Win2022"), TestScenarios.createdSources(run.aws()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            []                                            | a list (the images go in {"images": [...]})
            [{"service": "APPSTREAM", "image": "Base"}]   | a list (the images go in {"images": [...]})
            `""`                                          | ""
            42                                            | 42
            null                                          | nothing (an empty input, or null)""")
    @DisplayName("an input that is not an object is refused like any bad input: one problem, a mail, InvalidInput")
    void inputThatIsNotAnObject(String input, String shown) throws Exception {
        try (SimulatedRun run = SimulatedRun.of(SCENARIO, input)) {
            assertEquals(List.of("input: must be a JSON object such as {\"images\": [...]}, or {} for the configured images; got " + shown),
                    mailedProblems(run));
        }
    }

    @Test
    @DisplayName("an empty --input file runs as an empty input: refused with a mail, exit 1")
    void emptyInputFile(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Path empty = Files.writeString(dir.resolve("empty.json"), " \n");
        int exit = LocalRun.run(new String[] {"--wait-ms", "1", "--input", empty.toString()}, new PrintStream(output, true, UTF_8));
        String printed = output.toString(UTF_8);
        assertEquals(1, exit, printed);
        assertTrue(printed.contains("Subject: euc-image-updater: input rejected, 1 problem, nothing changed"), printed);
        assertTrue(printed.contains("- input: must be a JSON object such as {\"images\": [...]}, or {} for the configured images; got"
                + " nothing (an empty input, or null)"), printed);
        assertTrue(printed.contains("Execution FAILED") && printed.contains("InvalidInput"), printed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `{"images": [\\n  {"service": "APPSTREAM",\\n   "image": "x",}\\n]}` | line 3, column 17 | Unexpected character ('}'
            `{"images": []} {}`                                                | line 1, column 16 | a second value follows
            `{"dryRun": tru}`                                                  | line 1, column 12 | Unrecognized token 'tru'""")
    @DisplayName("malformed JSON given to --input is refused before any run, naming its line and column")
    void malformedInputFile(String text, String where, String reason, @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("input.json"), text.replace("\\n", "\n"));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = LocalRun.run(new String[] {"--input", file.toString()}, new PrintStream(output, true, UTF_8));
        String printed = output.toString(UTF_8);
        assertEquals(2, exit, printed);
        assertTrue(printed.startsWith("--input " + file + ": is not valid JSON at " + where + ": " + reason), printed);
    }
}
