package com.eucimageupdater.build;

import com.eucimageupdater.lambda.JsonView;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.model.FailureStreak;
import com.eucimageupdater.model.ImageRequest;
import com.eucimageupdater.model.ImageUpdateException;
import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.PipelineTags;
import com.eucimageupdater.model.RunSettings;
import com.eucimageupdater.model.Service;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which lineages a scheduled run skips, and how each build's outcome changes the count on its source. */
class FailingLineagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Location HERE = new Location("123456789012", "us-east-1");

    /** Source images' tags as the service keeps them; an image it does not know cannot be read. */
    private final Map<String, Map<String, String>> tags = new HashMap<>();
    private final FailingLineages failing = new FailingLineages((service, location) -> new ScheduledFailures() {
        @Override
        public FailureStreak streakOf(String source) {
            if (!tags.containsKey(source)) {
                throw new ImageUpdateException("AppStream image \"" + source + "\" does not exist");
            }
            return FailureStreak.of(tags.get(source));
        }

        @Override
        public void record(String source, FailureStreak streak) {
            tags.get(source).put(PipelineTags.FAILED_MONTHS, streak.tagValue());
        }
    });

    private static RunSettings run(boolean scheduled, int disableAfterFailures, boolean dryRun) {
        return RunSettings.builder().runDate("2026-12-09").location(HERE).scheduled(scheduled).disableAfterFailures(disableAfterFailures)
                .dryRun(dryRun).build();
    }

    private void source(String image, String failedMonths) {
        tags.put(image, new HashMap<>(Map.of(PipelineTags.FAILED_MONTHS, failedMonths)));
    }

    /** One result per outcome, for the images Image-0, Image-1, ... */
    private static List<JsonView> results(String... outcomes) {
        List<JsonView> results = new ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            results.add(JsonView.of(Map.of("service", "APPSTREAM", "image", "Image-" + i, "outcome", outcomes[i])));
        }
        return results;
    }

    private static ImageRequest item(String image) {
        return new ImageRequest(Service.APPSTREAM, image, null, null, Map.of()).at(HERE);
    }

    @Test
    void aScheduledRunSkipsOnlyTheLineagesAtTheLimitAndSaysHowToTryThemByHand() {
        source("Base", "3/2026-11");
        source("Other", "2/2026-11");

        Map<ImageRequest, SkippedLineage> skipped = failing.skipped(List.of(item("Base"), item("Other"), item("Unknown")),
                run(true, 3, false));

        assertEquals(List.of(item("Base")), List.copyOf(skipped.keySet()), "an unreadable source is built, and its check says why");
        assertTrue(skipped.get(item("Base")).reason().endsWith("{\"images\":[{\"service\":\"APPSTREAM\",\"image\":\"Base\","
                + "\"account\":\"123456789012\",\"region\":\"us-east-1\"}]}"), skipped.get(item("Base")).reason());
    }

    @Test
    void aRunByHandAReportOnlyRunAndALimitOfZeroSkipNothing() {
        source("Base", "9/2026-11");

        assertEquals(Map.of(), failing.skipped(List.of(item("Base")), run(false, 3, false)));
        assertEquals(Map.of(), failing.skipped(List.of(item("Base")), run(true, 3, true)));
        assertEquals(Map.of(), failing.skipped(List.of(item("Base")), run(true, 0, false)));
    }

    @Test
    void aScheduledFailureCountsAMonthAndASuccessResetsAndAValidationFailureCountsToo() throws Exception {
        source("Image-0", "1/2026-11");
        source("Image-1", "2/2026-11");

        Map<String, String> notes = failing.record(results("VALIDATION_FAILED", "UPDATED"), run(true, 3, false), HERE);

        assertEquals("2/2026-12", tags.get("Image-0").get(PipelineTags.FAILED_MONTHS));
        assertEquals("0", tags.get("Image-1").get(PipelineTags.FAILED_MONTHS));
        assertEquals(Map.of("Image-0", "scheduled builds of this lineage failed 2 months in a row; at 3 scheduled runs skip it",
                "Image-1", "built: the count of failed scheduled months (2) is reset"), notes);
    }

    @Test
    void aFailureByHandIsNotCountedAndACountThatCannotBeKeptIsSaidNotThrown() throws Exception {
        source("Image-0", "1/2026-11");

        assertEquals(Map.of(), failing.record(results("FAILED"), run(false, 3, false), HERE));
        assertEquals("1/2026-11", tags.get("Image-0").get(PipelineTags.FAILED_MONTHS));
        assertEquals(Map.of("Image-1", "the count of failed scheduled months could not be kept on Image-1: AppStream image \"Image-1\""
                + " does not exist"), failing.record(results("UPDATED", "FAILED"), run(true, 3, false), HERE).entrySet().stream()
                .filter(note -> note.getKey().equals("Image-1")).collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        Map.Entry::getValue)));
    }
}
