package com.eucimageupdater.retire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.model.PipelineTags;

import com.eucimageupdater.retire.RetentionPolicy.Decision;
import com.eucimageupdater.retire.RetentionPolicy.Keep;
import com.eucimageupdater.retire.RetentionPolicy.LineageImage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    private static LineageImage image(String name, String runDate) {
        return new LineageImage(name, name, runDate, "AVAILABLE", null, List.of());
    }

    @Test
    void theNewestKeepAreKeptAndOlderFreeImagesDeletedWhateverTheListOrder() {
        List<Decision> decisions = RetentionPolicy.decide(List.of(image("b-07", "2026-07-14"), image("b-10", "2026-10-13"),
                image("b-08", "2026-08-11"), image("b-11", "2026-11-10")), Keep.newest(2), Set.of(), Set.of());

        assertEquals(List.of(
                new Decision("b-11", "b-11", false, "among the newest 2"),
                new Decision("b-10", "b-10", false, "among the newest 2"),
                new Decision("b-08", "b-08", true, "older than the newest 2"),
                new Decision("b-07", "b-07", true, "older than the newest 2")), decisions);
    }

    @Test
    void aPreviewBeforeTheNewImageExistsKeepsOneFewerOfTheImagesThereNowAndSaysItCountsTheNewImage() {
        List<Decision> decisions = RetentionPolicy.decide(List.of(image("b-07", "2026-07-14"), image("b-10", "2026-10-13"),
                image("b-08", "2026-08-11")), Keep.newestWithTheNewImage(2), Set.of(), Set.of());

        assertEquals(List.of(
                new Decision("b-10", "b-10", false, "among the newest 2, counting the new image"),
                new Decision("b-08", "b-08", true, "older than the newest 2, counting the new image"),
                new Decision("b-07", "b-07", true, "older than the newest 2, counting the new image")), decisions);
    }

    @Test
    void anImageInUseSharedPendingOrSparedIsKeptSayingWhy() {
        List<Decision> decisions = RetentionPolicy.decide(List.of(image("new", "2026-11-10"),
                new LineageImage("fleet-img", "fleet-img", "2026-10-13", "AVAILABLE", "fleet Base-Prod", List.of()),
                new LineageImage("shared-img", "shared-img", "2026-09-08", "AVAILABLE", null, List.of("210987654321")),
                new LineageImage("pending-img", "pending-img", "2026-08-11", "PENDING", null, List.of()),
                image("source", "2026-07-14")), Keep.newest(1), Set.of("source"), Set.of());

        assertEquals(List.of("among the newest 1", "in use by fleet Base-Prod", "shared with account 210987654321", "it is PENDING",
                "the source or the new image of this run"), decisions.stream().map(Decision::reason).toList());
        assertEquals(List.of(), decisions.stream().filter(Decision::delete).toList());
    }

    @Test
    void aCopyFromAnotherRegionIsNeverAMemberOfALineageHereThoughItCarriesItsName() {
        Map<String, String> built = Map.of(PipelineTags.LINEAGE, "Base-Win2022", PipelineTags.RUN_DATE, "2026-10-13");
        Map<String, String> copied = Map.of(PipelineTags.LINEAGE, "Base-Win2022", PipelineTags.RUN_DATE, "2026-10-13",
                PipelineTags.COPIED_FROM, "111122223333/us-east-1/Base-Win2022-2026-10-13");

        assertTrue(RetentionPolicy.member("built", "built", "AVAILABLE", built, "Base-Win2022", null, List::of).isPresent());
        assertTrue(RetentionPolicy.member("copy", "copy", "AVAILABLE", copied, "Base-Win2022", null, List::of).isEmpty());
    }
}
