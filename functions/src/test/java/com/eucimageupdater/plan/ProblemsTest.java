package com.eucimageupdater.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void eachProblemNamesItsPlaceByFieldsAndListItemsFromTheTop() {
        Problems problems = new Problems();
        Problems image = problems.at("images").index(0);

        image.at("tags").at("team (value)").add("must be 0-256 characters, got 300");
        image.add("must be an object");
        problems.at("settings").at("timeZone").add("must be an IANA time zone");

        assertEquals(List.of("images[0].tags.team (value): must be 0-256 characters, got 300", "images[0]: must be an object",
                "settings.timeZone: must be an IANA time zone"), problems.all());
        assertEquals("images[0]", image.path());
    }

    @Test
    void aPlaceIsEmptyUntilAProblemIsFoundAtItOrInsideItWhateverIsFoundBesideIt() {
        Problems problems = new Problems();
        Problems first = problems.at("images").index(0);
        Problems second = problems.at("images").index(1);

        second.at("keep").add("must be a whole number");

        assertTrue(first.isEmpty());
        assertFalse(second.isEmpty());
        assertFalse(problems.isEmpty());
    }

    @Test
    void aCheckAddsTheRulesProblemOnlyForAValueThatBreaksIt() {
        Problems problems = new Problems();
        Problems region = problems.at("region");

        region.check(null, value -> "never asked");
        region.check("eu-west-1", value -> null);
        region.check("Ireland", value -> "must be an AWS Region name, got \"" + value + "\"");

        assertEquals(List.of("region: must be an AWS Region name, got \"Ireland\""), problems.all());
    }

    @Test
    void problemsFoundElsewhereCountAsFoundHere() {
        Problems problems = new Problems();

        problems.addAll(List.of("configuredImages[0].image: is required"));

        assertFalse(problems.isEmpty());
        assertEquals(List.of("configuredImages[0].image: is required"), problems.all());
    }
}
