package com.eucimageupdater.build;

import com.eucimageupdater.lambda.JsonValues;
import com.eucimageupdater.lambda.JsonView;
import com.eucimageupdater.model.FailureStreak;
import com.eucimageupdater.model.ImageRequest;
import com.eucimageupdater.model.ImageUpdateException;
import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.RunSettings;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.model.ServicePorts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * disableAfterFailures: a lineage whose scheduled builds failed that many months in a row is skipped by scheduled runs
 * (a run by hand that lists it always tries). The count is a tag on the lineage's source image ({@link FailureStreak}),
 * read by the resolve step before a scheduled run builds, and kept by each account and Region's summary after it: one
 * more for a scheduled build that failed, back to none for any build that succeeded. 0 turns all of it off.
 */
public final class FailingLineages {
    /** A validation gate's failure is a failed build too. */
    private static final Set<String> FAILED = Set.of("FAILED", "VALIDATION_FAILED");
    private static final Set<String> BUILT = Set.of("UPDATED");

    private final ServicePorts<ScheduledFailures> services;

    public FailingLineages(ServicePorts<ScheduledFailures> services) {
        this.services = services;
    }

    /**
     * The items a scheduled run skips, each with why and the input of a run by hand that tries it; none for a run by hand.
     * An image whose tags cannot be read is built, and its check says what is wrong with it.
     */
    public Map<ImageRequest, SkippedLineage> skipped(List<ImageRequest> items, RunSettings run) {
        Map<ImageRequest, SkippedLineage> skipped = new LinkedHashMap<>();
        int limit = limit(run);
        if (!run.bySchedule() || limit == 0 || run.dryRun()) {
            return skipped;
        }
        for (ImageRequest item : items) {
            if (item.unreachable() != null) {
                continue;
            }
            FailureStreak streak;
            try {
                streak = services.forService(item.service(), item.location(run.location())).streakOf(item.image());
            } catch (ImageUpdateException unreadable) {
                continue;
            }
            if (streak.skips(limit)) {
                skipped.put(item, new SkippedLineage(item.service(), item.image(), "its scheduled builds failed " + streak.months()
                        + " months in a row (the last in " + streak.last() + "; disableAfterFailures is " + limit + "), so scheduled"
                        + " runs skip it until one of its builds succeeds. To try it again, start a run by hand that lists it (it"
                        + " always tries; a success resets the count): " + byHand(item)));
            }
        }
        return skipped;
    }

    /**
     * Keeps the count of each image's lineage after its build, on its source image: one more month for a scheduled run's
     * failed build, none after any successful build; a report-only run changes nothing.
     *
     * @param results the build Map's results of one account and Region
     * @return for each image whose count this run read or changed, the mail's line saying so (or why it could not)
     */
    public Map<String, String> record(List<JsonView> results, RunSettings run, Location location) {
        Map<String, String> notes = new LinkedHashMap<>();
        int limit = limit(run);
        if (limit == 0 || run.dryRun()) {
            return notes;
        }
        for (JsonView result : results) {
            String outcome = result.path("outcome").asText();
            boolean failed = FAILED.contains(outcome) && run.bySchedule();
            if (!failed && !BUILT.contains(outcome)) {
                continue;
            }
            String image = result.path("image").asText();
            try {
                ScheduledFailures source = services.forService(Service.valueOf(result.path("service").asText()), location);
                FailureStreak before = source.streakOf(image);
                FailureStreak after = failed ? before.failedOn(run.runDate()) : FailureStreak.NONE;
                if (!after.equals(before)) {
                    source.record(image, after);
                }
                if (failed) {
                    notes.put(image, "scheduled builds of this lineage failed " + after.months()
                            + (after.months() == 1 ? " month" : " months") + " in a row" + (after.skips(limit) ? ": scheduled runs skip it from now on (disableAfterFailures is " + limit
                            + "); a run by hand that lists it still tries it" : "; at " + limit + " scheduled runs skip it"));
                } else if (before.months() > 0) {
                    notes.put(image, "built: the count of failed scheduled months (" + before.months() + ") is reset");
                }
            } catch (RuntimeException unrecorded) {
                // The summary must not be lost to the count: the mail says it was not kept.
                notes.put(image, "the count of failed scheduled months could not be kept on " + image + ": " + unrecorded.getMessage());
            }
        }
        return notes;
    }

    private static int limit(RunSettings run) {
        return run == null || run.disableAfterFailures() == null ? 0 : run.disableAfterFailures();
    }

    /** The input of a run by hand that builds the item as this run would have: its image, targets, retention and place. */
    private static String byHand(ImageRequest item) {
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("service", item.service().name());
        image.put("image", item.image());
        if (!item.stagingTargets().isEmpty()) {
            image.put(item.service().rules().stagingField(), item.stagingTargets());
        }
        if (!item.productionTargets().isEmpty()) {
            image.put(item.service().rules().productionField(), item.productionTargets());
        }
        if (item.keep() > 0) {
            image.put("keep", item.keep());
        }
        image.put("account", item.account());
        image.put("region", item.region());
        return JsonValues.shown(Map.of("images", List.of(image)));
    }
}
