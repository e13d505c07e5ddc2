package com.eucimageupdater.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineTagsTest {

    private static ImageJob job(String executionName) {
        return new ImageJob(Service.APPSTREAM, "Base-Win2022", null, null, Map.of("team", "euc"), "2026-11-10", executionName,
                900, 32, "8 h", null, null, null);
    }

    @Test
    void newImagesCarryTheAdminsTagsAndTheSourceRunDateAndExecution() {
        assertEquals(Map.of("team", "euc", "euc-image-updater:source-image", "Base-Win2022", "euc-image-updater:run-date", "2026-11-10",
                "euc-image-updater:execution", "monthly-2026-11"), PipelineTags.forNewImage(job("monthly-2026-11")));
    }

    @Test
    void executionNameCharactersThatTagsRefuseAreReplaced() {
        String execution = PipelineTags.forNewImage(job("urgent!patch'(run)")).get(PipelineTags.EXECUTION);
        assertEquals("urgent-patch--run-", execution);
        assertTrue(ImageRules.TAG_TEXT.matcher(execution).matches());
    }

    @Test
    void anImageIsOursOnlyForTheSameSourceAndRunDate() {
        Map<String, String> tags = PipelineTags.forNewImage(job("first-run"));
        assertTrue(PipelineTags.madeFor(tags, job("second-run")), "another execution on the same day adopts it");
        assertFalse(PipelineTags.madeFor(Map.of("team", "euc"), job("first-run")));
        ImageJob nextMonth = new ImageJob(Service.APPSTREAM, "Base-Win2022", null, null, Map.of(), "2026-12-09", "run", 900, 32, "8 h",
                null, null, null);
        assertFalse(PipelineTags.madeFor(tags, nextMonth));
    }
}
