package com.eucimageupdater.rebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.model.RebuildSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worst case of a bundle's rebuild in its child execution's history. */
class HistoryBudgetTest {
    private static final RebuildSettings.Window WINDOW = new RebuildSettings.Window(List.of("SAT", "SUN"), "22:00", 6);

    @Test
    void twoThousandWorkspacesInWavesOf25FitInOneExecution() {
        RebuildSettings settings = new RebuildSettings(2, 25, 3, 120, WINDOW);
        assertEquals(81, HistoryBudget.waves(settings, 2_000), "the canary wave of 2, then 80 of 25");
        assertEquals(81 * 14 + 12 + 1, HistoryBudget.maxCalls(settings, 2_000));
        assertTrue(HistoryBudget.worstCaseEvents(settings, 2_000) <= HistoryBudget.MAX_EVENTS);
        assertNull(HistoryBudget.refusal(settings, 2_000));
    }

    @Test
    void noCanaryWaveWhenCanaryIsZero() {
        assertEquals(4, HistoryBudget.waves(new RebuildSettings(0, 25, 0, 120, WINDOW), 100));
    }

    @Test
    void aRefusalNamesTheSmallestBatchSizeThatFits() {
        RebuildSettings settings = new RebuildSettings(2, 10, 3, 120, WINDOW);
        String refusal = HistoryBudget.refusal(settings, 2_000);
        assertTrue(refusal.contains("set batchSize to 11 or more"), refusal);
    }
}
