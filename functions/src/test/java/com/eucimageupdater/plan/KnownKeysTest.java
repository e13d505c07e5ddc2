package com.eucimageupdater.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KnownKeysTest {
    private static final KnownKeys ITEM = KnownKeys.fields(List.of("service", "image", "fleets", "stagingFleets", "keep", "tags"))
            .withElsewhere(List.of("dryRun", "approval"), "applies to the whole run; put it at the top level");
    private static final KnownKeys TOP = KnownKeys.fields(List.of("images", "dryRun", "approval"))
            .withElsewhere(List.of("fleets", "keep"), "belongs to one image; put it in that image's item of \"images\"");
    private static final KnownKeys CONTEXT = KnownKeys.contextKeys(List.of("pollIntervalMinutes", "maxConcurrency",
            "maxConcurrencyOverall", "notificationEmails"));

    @Test
    @DisplayName("known keys give no problem, whatever their order")
    void knownKeysPass() {
        assertEquals(List.of(), ITEM.problems(List.of("tags", "service", "image"), "images[0]"));
        assertEquals(List.of(), CONTEXT.problems(List.of("maxConcurrency"), ""));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Fleets        | images[0] | images[0].Fleets: unknown field; did you mean fleets?
            stagingfleets | images[0] | images[0].stagingfleets: unknown field; did you mean stagingFleets?
            keeps         | images[2] | images[2].keeps: unknown field; did you mean keep?
            servcie       | images[0] | images[0].servcie: unknown field; did you mean service?
            dryrun        | input     | input.dryrun: unknown field; did you mean dryRun?
            imgaes        | input     | input.imgaes: unknown field; did you mean images?""")
    @DisplayName("an unknown key is named by its path with the nearest known key: same letters in another case, or a few edits")
    void nearestKnownKey(String key, String path, String problem) {
        KnownKeys keys = path.equals("input") ? TOP : ITEM;
        assertEquals(List.of(problem), keys.problems(List.of(key), path));
    }

    @Test
    @DisplayName("a known key in the wrong place says where it belongs, both ways")
    void knownKeyInTheWrongPlace() {
        assertEquals(List.of("images[0].dryRun: dryRun applies to the whole run; put it at the top level"),
                ITEM.problems(List.of("dryRun"), "images[0]"));
        assertEquals(List.of("input.fleets: fleets belongs to one image; put it in that image's item of \"images\""),
                TOP.problems(List.of("fleets"), "input"));
    }

    @Test
    @DisplayName("a misspelt key of the other place is suggested with where it belongs")
    void misspeltKeyOfTheOtherPlace() {
        assertEquals(List.of("images[1].Approval: unknown field; did you mean approval? approval applies to the whole run; put it at"
                + " the top level"), ITEM.problems(List.of("Approval"), "images[1]"));
    }

    @Test
    @DisplayName("with nothing near, the problem lists the known keys")
    void nothingNear() {
        assertEquals(List.of("input.colour: unknown field; the known fields are images, dryRun, approval"),
                TOP.problems(List.of("colour"), "input"));
        assertEquals(List.of("logGroup: unknown key; the known keys are pollIntervalMinutes, maxConcurrency, maxConcurrencyOverall,"
                + " notificationEmails"), CONTEXT.problems(List.of("logGroup"), ""));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "max-concurrency, maxConcurrency",
            "Max_Concurrency_Overall, maxConcurrencyOverall",
            "maxConcurency, maxConcurrency",
            "pollInterval, pollIntervalMinutes",
            "notificationEmailsList, notificationEmails"})
    @DisplayName("a context key is suggested across punctuation, typos and a shared beginning")
    void contextKeySuggestions(String key, String nearest) {
        assertEquals(Optional.of(nearest), CONTEXT.nearest(key));
        assertEquals(List.of(key + ": unknown key; did you mean " + nearest + "?"), CONTEXT.problems(List.of(key), ""));
    }

    @Test
    @DisplayName("a short key shares no beginning worth a guess, and an unrelated one gets none")
    void noGuess() {
        assertEquals(Optional.empty(), CONTEXT.nearest("max"));
        assertEquals(Optional.empty(), CONTEXT.nearest("region"));
    }

    @Test
    @DisplayName("a key that is blank or holds dots or spaces is quoted in its path")
    void oddKeysAreQuoted() {
        assertEquals(List.of("images[0].\"\": unknown field; the known fields are service, image, fleets, stagingFleets, keep, tags",
                        "images[0].\"tags.team\": unknown field; did you mean tags?"),
                ITEM.problems(List.of("", "tags.team"), "images[0]"));
    }

    @Test
    @DisplayName("every unknown key of an object is reported, in its order")
    void everyUnknownKeyAtOnce() {
        assertEquals(List.of("images[0].Fleets: unknown field; did you mean fleets?", "images[0].keeps: unknown field; did you mean keep?"),
                ITEM.problems(List.of("service", "Fleets", "image", "keeps"), "images[0]"));
    }

    @Test
    @DisplayName("spellsOneOf tells a key of ours written with other case or punctuation")
    void spellsOneOf() {
        assertTrue(CONTEXT.spellsOneOf("max-concurrency"));
        assertTrue(CONTEXT.spellsOneOf("POLL_INTERVAL_MINUTES"));
        assertFalse(CONTEXT.spellsOneOf("@aws-cdk/core:newStyleStackSynthesis"));
    }

    @Test
    @DisplayName("edits count a swap of two neighbours as one")
    void editDistance() {
        assertEquals(0, KnownKeys.edits("keep", "keep"));
        assertEquals(1, KnownKeys.edits("keeps", "keep"));
        assertEquals(1, KnownKeys.edits("imgaes", "images"));
        assertEquals(2, KnownKeys.edits("dryrn", "drynu"));
    }
}
