package com.eucimageupdater.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.lambda.JsonValues;
import com.eucimageupdater.model.RebuildSettings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An item's rebuild settings, checked before any AWS call: each broken rule names its field. */
class RebuildFieldsTest {
    private static final String WINDOW = "\"window\": {\"days\": [\"SAT\", \"SUN\"], \"start\": \"22:00\", \"hours\": 6}";

    private static ParsedImages parse(String item) throws Exception {
        return ImageRequests.parse(JsonValues.parse("[" + item + "]"), "images");
    }

    private static String workspaces(String rebuild) {
        return "{\"service\": \"WORKSPACES\", \"image\": \"wsi-0a1b2c3d4\", \"bundles\": [\"wsb-0a1b2c3d4\"],"
                + " \"rebuild\": " + rebuild + "}";
    }

    @Test
    void defaultsFillWhatTheItemLeavesOut() throws Exception {
        ParsedImages parsed = parse(workspaces("{\"batchSize\": 25, " + WINDOW + "}"));
        assertEquals(List.of(), parsed.problems());
        assertEquals(new RebuildSettings(1, 25, 0, 120, new RebuildSettings.Window(List.of("SAT", "SUN"), "22:00", 6)),
                parsed.requests().get(0).rebuild());
    }

    @Test
    void anItemWithoutRebuildRebuildsNothing() throws Exception {
        assertNull(parse("{\"service\": \"WORKSPACES\", \"image\": \"wsi-0a1b2c3d4\", \"bundles\": [\"wsb-0a1b2c3d4\"]}")
                .requests().get(0).rebuild());
    }

    @Test
    void appStreamItemsAreRefused() throws Exception {
        assertEquals(List.of("images[0].rebuild: rebuild is for WorkSpaces bundles; AppStream fleets replace instances as sessions end"),
                parse("{\"service\": \"APPSTREAM\", \"image\": \"Base\", \"fleets\": [\"Base-Prod\"], \"rebuild\": {\"batchSize\":"
                        + " 25, " + WINDOW + "}}").problems());
    }

    @Test
    void unknownKeysAreRefusedWithTheNearestKnownOne() throws Exception {
        assertEquals(List.of("images[0].rebuild.batchsize: unknown field; did you mean batchSize?",
                        "images[0].rebuild.batchSize: is required: a whole number from 1 to 500 (WorkSpaces rebuilt in each wave after the"
                                + " canary)",
                        "images[0].rebuild.window.hour: unknown field; did you mean hours?",
                        "images[0].rebuild.window.hours: is required: a whole number of hours from 1 to 24"),
                parse(workspaces("{\"batchsize\": 25, \"window\": {\"days\": [\"SAT\"], \"start\": \"22:00\", \"hour\": 6}}")).problems());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            canary over 50            | {"canary": 51, "batchSize": 25, WINDOW}             | images[0].rebuild.canary: must be a whole number from 0 to 50
            batchSize 0               | {"batchSize": 0, WINDOW}                            | images[0].rebuild.batchSize: must be a whole number from 1 to 500
            maxFailures negative      | {"batchSize": 5, "maxFailures": -1, WINDOW}         | images[0].rebuild.maxFailures: must be a whole number from 0 to 100
            waveTimeout under 30      | {"batchSize": 5, "waveTimeoutMinutes": 20, WINDOW}  | images[0].rebuild.waveTimeoutMinutes: must be a whole number from 30 to 720
            no window                 | {"batchSize": 5}                                    | images[0].rebuild.window: is required
            a day twice               | {"batchSize": 5, "window": {"days": ["SAT", "SAT"], "start": "22:00", "hours": 6}} | images[0].rebuild.window.days[1]: "SAT" is listed twice
            an unknown day            | {"batchSize": 5, "window": {"days": ["SAT", "Sunday"], "start": "22:00", "hours": 6}} | images[0].rebuild.window.days[1]: must be one of MON TUE WED THU FRI SAT SUN
            no days                   | {"batchSize": 5, "window": {"days": [], "start": "22:00", "hours": 6}} | images[0].rebuild.window.days: must be a non-empty list
            a start past 23:59        | {"batchSize": 5, "window": {"days": ["SAT"], "start": "24:00", "hours": 6}} | images[0].rebuild.window.start: must be a local time "HH:MM"
            hours over 24             | {"batchSize": 5, "window": {"days": ["SAT"], "start": "22:00", "hours": 25}} | images[0].rebuild.window.hours: must be a whole number from 1 to 24
            a window shorter than a wave | {"batchSize": 5, "waveTimeoutMinutes": 180, "window": {"days": ["SAT"], "start": "22:00", "hours": 2}} | images[0].rebuild.window.hours: 2 h is shorter than waveTimeoutMinutes (180)
            not an object             | 25                                                  | images[0].rebuild: must be an object
            """)
    void eachBrokenRuleNamesItsField(String rule, String rebuild, String expected) throws Exception {
        List<String> problems = parse(workspaces(rebuild.replace("WINDOW", WINDOW))).problems();
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith(expected), problems.get(0));
    }

    @Test
    void anItemWithoutProductionBundlesHasNothingToRebuild() throws Exception {
        assertEquals(List.of("images[0].rebuild: needs bundles (or \"bundle\"): the WorkSpaces rebuilt are those of the"
                        + " production bundles, after the roll-out"),
                parse("{\"service\": \"WORKSPACES\", \"image\": \"wsi-0a1b2c3d4\", \"rebuild\": {\"batchSize\": 5, " + WINDOW + "}}")
                        .problems());
    }
}
