package com.eucimageupdater.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.aws.PlannedJobs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineTagsTest {

    private static ImageJob job(String executionName) {
        return PlannedJobs.checked(PlannedJobs.inExecution(PlannedJobs.planned(Service.APPSTREAM, "Base-Win2022"), executionName),
                new UpdateCheck(true, "Base-Win2022", "updates", "Base-Win2022-2026-11-10", "d", "Base", "Base-Win2022", null));
    }

    @Test
    void newImagesCarryTheAdminsTagsAndTheSourceRunDateAndExecution() {
        assertEquals(Map.of("team", "euc", "euc-image-updater:source-image", "Base-Win2022", "euc-image-updater:run-date", "2026-11-10",
                "euc-image-updater:execution", "monthly-2026-11", "euc-image-updater:lineage", "Base-Win2022"),
                PipelineTags.forNewImage(job("monthly-2026-11")));
    }

    @Test
    void executionNameCharactersThatTagsRefuseAreReplaced() {
        String execution = PipelineTags.forNewImage(job("urgent!patch'(run)")).get(PipelineTags.EXECUTION);
        assertEquals("urgent-patch--run-", execution);
        assertTrue(ImageRules.TAG_TEXT.matcher(execution).matches());
    }

    private static final ImageStatus BUILDING = ImageStatus.of(ImageState.PENDING, "PENDING", null);

    private static String refusal(Map<String, String> tags, ImageStatus status, ImageJob job) {
        return assertThrows(ImageUpdateException.class, () -> PipelineTags.requireAdoptable("image X", tags, status, job)).getMessage();
    }

    @Test
    void anImageThisPipelineMadeFromTheSameSourceTodayIsAdoptedByAnyExecution() {
        assertDoesNotThrow(() -> PipelineTags.requireAdoptable("image X", PipelineTags.forNewImage(job("first-run")), BUILDING,
                job("second-run")));
    }

    @Test
    void anImageWithoutThePipelinesTagsOrFromAnotherDayIsNotAdopted() {
        assertTrue(refusal(Map.of("team", "euc"), BUILDING, job("run")).contains("was not made by euc-image-updater from Base-Win2022"));
        ImageJob nextMonth = ImageJob.planned(new ImageRequest(Service.APPSTREAM, "Base-Win2022", null, null, Map.of()),
                PlannedJobs.run("run", "2026-12-09"));
        assertTrue(refusal(PipelineTags.forNewImage(job("run")), BUILDING, nextMonth).contains("was not made by"));
    }

    @Test
    void anImageMadeTodayFromAnotherSourceNamesThatSource() {
        Map<String, String> tags = new java.util.HashMap<>(PipelineTags.forNewImage(job("run")));
        tags.put(PipelineTags.SOURCE_IMAGE, "Base-Win2022-2026-10-14");
        assertTrue(refusal(tags, BUILDING, job("run")).contains("from Base-Win2022-2026-10-14, not from Base-Win2022: both sources"));
    }

    @Test
    void aFailedImageFromEarlierTodayIsNotAdoptedButMustBeDeleted() {
        ImageStatus failed = ImageStatus.of(ImageState.FAILED, "FAILED", "IMAGE_UPDATE_FAILURE disk full");
        assertTrue(refusal(PipelineTags.forNewImage(job("run")), failed, job("run"))
                .contains("failed (IMAGE_UPDATE_FAILURE disk full); delete it and run again"));
    }

    /** The job of an item with two production fleets, as the resolve step leaves it. */
    private static ImageJob withProduction() {
        ImageJob job = job("monthly-2026-11");
        ImageRequest item = new ImageRequest(Service.APPSTREAM, "Base-Win2022", null, null, null, Map.of("team", "euc"), List.of("Test"),
                List.of("Prod-1", "Prod-2"), Map.of("Prod-1", "Base-Win2022", "Prod-2", "Base-Win2022-2026-09-08"), 3, null, null,
                List.of(), List.of(), null, null);
        return new ImageJob(item, job.run(), job.check(), null, null);
    }

    @Test
    void withProductionTargetsTheNewImageRecordsWhatEachUsedWhenReadAndTheRetention() {
        Map<String, String> tags = PipelineTags.forNewImage(withProduction());

        assertEquals("Base-Win2022", tags.get("euc-image-updater:prod:Prod-1"));
        assertEquals("Base-Win2022-2026-09-08", tags.get("euc-image-updater:prod:Prod-2"));
        assertEquals("3", tags.get("euc-image-updater:keep"));
        PipelineImage image = new PipelineImage("Base-Win2022-2026-11-10", "Base-Win2022-2026-11-10",
                ImageStatus.of(ImageState.AVAILABLE, "AVAILABLE", null), tags);
        assertEquals(Map.of("Prod-1", "Base-Win2022", "Prod-2", "Base-Win2022-2026-09-08"), image.productionImages());
        assertEquals(3, image.keep());
        assertEquals("Base-Win2022", image.source());
    }

    @Test
    void theTagsAFullyRolledOutImageCarriesAreTheOnesTheInputsBudgetCounts() {
        Map<String, String> tags = new HashMap<>(PipelineTags.forNewImage(withProduction()));
        tags.put(PipelineTags.BUILD_MINUTES, "95");
        tags.putAll(PipelineTags.rolloutRecord(tags, Map.of("Test", "Base-Win2022"), null));
        tags.putAll(PipelineTags.rolloutRecord(tags, Map.of("Prod-1", "Base-Win2022", "Prod-2", "Base-Win2022-2026-09-08"), "run"));

        assertEquals(1 + PipelineTags.COUNT + PipelineTags.rolloutTags(1, 2), tags.size(), tags::toString);
    }

    @Test
    void aRollOutRecordsWhoRolledItOutOnceAndTheImageIsFoundByEitherExecution() {
        Map<String, String> tags = new HashMap<>(PipelineTags.forNewImage(withProduction()));
        Map<String, String> record = PipelineTags.rolloutRecord(tags, Map.of("Prod-2", "Base-Win2022-2026-09-08"), "promote-of-november");
        assertEquals(Map.of("euc-image-updater:was:Prod-2", "Base-Win2022-2026-09-08", "euc-image-updater:rolled-out-by",
                "promote-of-november"), record);
        tags.putAll(record);

        assertEquals(Map.of(), PipelineTags.rolloutRecord(tags, Map.of("Prod-2", "Base-Win2022"), "another-promote"),
                "a retried roll-out keeps the first record");
        assertTrue(PipelineTags.ofRun(tags, "monthly-2026-11") && PipelineTags.ofRun(tags, "promote-of-november"));
        assertFalse(PipelineTags.ofRun(tags, "another-promote"));
        assertEquals(Map.of("Prod-2", "Base-Win2022-2026-09-08"), PipelineTags.previousImages(tags));
    }

    @Test
    void copiesInOtherRegionsCarryNoneOfTheRollOutsRecords() {
        Map<String, String> tags = new HashMap<>(PipelineTags.forNewImage(withProduction()));
        tags.putAll(PipelineTags.rolloutRecord(tags, Map.of("Prod-2", "Base-Win2022-2026-09-08"), "monthly-2026-11"));

        assertEquals(java.util.Set.of("team", "euc-image-updater:source-image", "euc-image-updater:run-date", "euc-image-updater:execution",
                "euc-image-updater:lineage", "euc-image-updater:copied-from"), PipelineTags.forCopy(tags,
                PlannedJobs.started(withProduction(),
                StartedImage.created("Base-Win2022-2026-11-10", "Base-Win2022-2026-11-10", 0))).keySet());
    }

    @Test
    void aCopyFromAnotherRegionIsNeverAdoptedAsThisRegionsUpdateThoughItKeepsItsSourceAndRunDate() {
        Map<String, String> copy = new java.util.HashMap<>(PipelineTags.forNewImage(job("run")));
        copy.put(PipelineTags.COPIED_FROM, "123456789012/us-east-1/Base-Win2022-2026-11-10");

        assertEquals("image X is euc-image-updater's copy of 123456789012/us-east-1/Base-Win2022-2026-11-10 (that item's copyToRegions),"
                + " not an update of Base-Win2022 made here, and holds the new image's name (remove this Region from that item's"
                + " copyToRegions, or rename or delete the copy, then run again)", refusal(copy, BUILDING, job("run")));
    }
}

