package com.eucimageupdater.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.eucimageupdater.model.Location;

import com.eucimageupdater.model.Approval;

import com.eucimageupdater.model.ImageJob;
import com.eucimageupdater.model.ImageRequest;
import com.eucimageupdater.model.RunSettings;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.model.UpdateCheck;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildTimesTest {
    private static final int FOUR_MINUTES = 240;

    private static ImageJob job(Integer lastBuildMinutes, int pollIntervalSeconds, int maxWaitMinutes) {
        RunSettings run = RunSettings.builder().executionName("run").runDate("2026-11-10")
                .location(new Location("123456789012", "us-east-1")).pollIntervalSeconds(pollIntervalSeconds)
                .maxWaitMinutes(maxWaitMinutes).maxWaitText("").approval(Approval.NONE).expectedBuildMinutes(90).maxConcurrency(5)
                .timeZone("UTC").build();
        UpdateCheck check = new UpdateCheck(true, "Base", "updates", "Base-2026-11-10", "d", "Base", "Base", lastBuildMinutes);
        return new ImageJob(new ImageRequest(Service.APPSTREAM, "Base", null, null, Map.of()), run, check, null, null);
    }

    /** How many polls see a build of {@code buildMinutes}: the first, then one each interval until it is done. */
    private static int pollsToSee(int firstPollSeconds, int intervalSeconds, int buildMinutes) {
        int late = Math.max(0, buildMinutes * 60 - firstPollSeconds);
        return 1 + (late + intervalSeconds - 1) / intervalSeconds;
    }

    @Test
    void aThreeHourBuildAsLongAsLastMonthsIsSeenAtTheSecondPollWithinOneInterval() {
        int first = BuildTimes.firstPollSeconds(job(180, FOUR_MINUTES, 480), 0);

        assertEquals(176 * 60, first, "one interval before the lineage's last build time");
        assertEquals(2, pollsToSee(first, FOUR_MINUTES, 180), "instead of 12 at 15-minute polls");
        assertEquals(1, pollsToSee(first, FOUR_MINUTES, 175), "a faster build is seen at the first poll");
        assertEquals(3, pollsToSee(first, FOUR_MINUTES, 183));
    }

    @Test
    void withoutALineageBuildTimeTheDeploymentsExpectedBuildTimeIsUsed() {
        assertEquals(90 * 60 - FOUR_MINUTES, BuildTimes.firstPollSeconds(job(null, FOUR_MINUTES, 480), 0));
    }

    @Test
    void theFirstPollStaysWithinWhatIsLeftOfTheMaximumWaitAndIsAtLeastOneInterval() {
        assertEquals(60 * 60 - 600, BuildTimes.firstPollSeconds(job(180, FOUR_MINUTES, 60), 600), "an hour's wait, 10 minutes of it for quota");
        assertEquals(FOUR_MINUTES, BuildTimes.firstPollSeconds(job(3, FOUR_MINUTES, 480), 0));
    }
}
