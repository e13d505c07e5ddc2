package com.eucimageupdater.plan;

import com.eucimageupdater.model.ImageRequest;
import com.eucimageupdater.model.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one run can hold. Each image is built in a child execution of its own (a Distributed Map), so Step Functions'
 * 25,000 history events bound one image's polls, not the run; the run's own data (256 KB) bounds its images; and the
 * state machine gives up after its own TimeoutSeconds. A run that could break any of them is refused up front,
 * rather than dying half-way without a mail.
 */
public final class RunLimits {
    /** The state machine's TimeoutSeconds (statemachine/image-updater.asl.json), in hours. */
    public static final int EXECUTION_TIMEOUT_HOURS = 336;
    /**
     * Images in one run: each one's item (about 200 bytes) and then its result (150-400 bytes) must fit in the run's
     * data, Step Functions' 256 KB, and its line in the one mail, SNS's 256 KB.
     */
    public static final int MAX_IMAGES = 1_000;
    /**
     * Images of one account and Region: their child execution holds their full results (about 1 KB each, with what was
     * staged) until it summarises them, within the 256 KB every execution's data may take.
     */
    public static final int MAX_IMAGES_PER_LOCATION = 200;
    /** The run's items as the resolve step writes them, with room left in the 256 KB for the run's settings. */
    static final int ITEMS_BUDGET_BYTES = 240_000;
    /** What the resolve step writes beyond the plan's own JSON of an item: its empty lists, left out by the plan. */
    private static final int RESOLVED_ITEM_OVERHEAD_BYTES = 90;
    /** The longest image identifier a target may use: an AppStream image name (WorkSpaces ids are shorter). */
    private static final int IMAGE_ID_MAX = 101;
    /** The first poll's delay when an image's lineage records no build time yet. */
    public static final int DEFAULT_EXPECTED_BUILD_MINUTES = 90;
    /** Step Functions' 25,000, less room for retries and the states around the wait loop. */
    static final int HISTORY_EVENT_BUDGET = 24_000;
    /** Check, choice, start, stage and the result. */
    private static final int EVENTS_PER_IMAGE = 25;
    /** A Wait, a Lambda task and a Choice. */
    private static final int EVENTS_PER_POLL = 10;

    private RunLimits() {}

    /** How many polls fit in the maximum wait: the wait loop's bound. */
    public static int maxPolls(int pollIntervalSeconds, int maxWaitMinutes) {
        return Math.max(1, (int) Math.ceil(maxWaitMinutes * 60.0 / pollIntervalSeconds));
    }

    /**
     * For a deployment's configured images, all in one account and Region.
     *
     * @param subject what the problem is reported against: the cdk.json keys to change
     * @return the problems, empty when the run fits
     */
    public static List<String> problems(String subject, int images, int maxConcurrency, int pollIntervalSeconds, int maxWaitMinutes,
            int approvalTimeoutHours) {
        Problems problems = new Problems();
        check(problems.at(subject), images, images, maxConcurrency, maxConcurrency, pollIntervalSeconds, maxWaitMinutes,
                approvalTimeoutHours);
        return problems.all();
    }

    /**
     * @param images the run's images as the problems name them
     * @param placed the run's images, each with its account and Region
     */
    static void check(Problems images, List<ImageRequest> placed, int maxConcurrency, int maxConcurrencyOverall, int pollIntervalSeconds,
            int maxWaitMinutes, int approvalTimeoutHours) {
        Map<Location, Long> perLocation = placed.stream().collect(Collectors.groupingBy(item -> new Location(item.account(), item.region()),
                Collectors.counting()));
        int busiest = perLocation.values().stream().mapToInt(Long::intValue).max().orElse(0);
        perLocation.forEach((location, count) -> {
            if (count > MAX_IMAGES_PER_LOCATION) {
                images.add(count + " images in account " + location.account() + ", " + location.region() + ", and one"
                        + " account and Region takes at most " + MAX_IMAGES_PER_LOCATION + " a run (their results must fit in its child"
                        + " execution's 256 KB of data): split them over several runs");
            }
        });
        check(images, placed.size(), busiest, maxConcurrency, maxConcurrencyOverall, pollIntervalSeconds, maxWaitMinutes,
                approvalTimeoutHours);
    }

    private static void check(Problems subject, int images, int busiestLocation, int maxConcurrency, int maxConcurrencyOverall,
            int pollIntervalSeconds, int maxWaitMinutes, int approvalTimeoutHours) {
        if (images > MAX_IMAGES) {
            subject.add(images + " images in one run, and a run takes at most " + MAX_IMAGES + " (their items and"
                    + " results must fit in Step Functions' 256 KB of execution data, and their lines in one mail): split them over several"
                    + " runs");
        }
        int maxPolls = maxPolls(pollIntervalSeconds, maxWaitMinutes);
        int eventsPerImage = EVENTS_PER_IMAGE + EVENTS_PER_POLL * maxPolls;
        if (eventsPerImage > HISTORY_EVENT_BUDGET) {
            subject.add("each image may poll " + maxPolls + " times (every " + duration(pollIntervalSeconds) + " for up to "
                    + duration(maxWaitMinutes * 60) + "), about " + eventsPerImage + " history events in its execution, and this pipeline"
                    + " allows " + HISTORY_EVENT_BUDGET + " per execution (Step Functions stops one at 25,000): poll less often or wait"
                    + " less");
        }
        int rounds = Math.max(1, Math.max(ceilDiv(busiestLocation, maxConcurrency), ceilDiv(images, maxConcurrencyOverall)));
        int worstCaseHours = (int) Math.ceil(rounds * (maxWaitMinutes + 60) / 60.0) + approvalTimeoutHours;
        if (worstCaseHours > EXECUTION_TIMEOUT_HOURS) {
            subject.add(images + " images, " + maxConcurrency + " at a time in each account and Region and "
                    + maxConcurrencyOverall + " in all, each waiting up to " + maxWaitMinutes + " min, then up to " + approvalTimeoutHours
                    + " h for approval, could take " + worstCaseHours + " h, more than the execution's " + EXECUTION_TIMEOUT_HOURS
                    + " h timeout: process more images at a time, wait less for each, or for the approval");
        }
    }

    /**
     * The gate after staging loops in the image's execution too (a Wait, a Lambda task and a Choice a check, as a poll):
     * its checks and the build's polls together must fit the history budget. Said only when the build's polls fit alone,
     * which {@link #problems} says otherwise.
     *
     * @param subject what the problem is reported against: the settings or items to change
     */
    public static List<String> gateProblems(String subject, int pollIntervalSeconds, int maxWaitMinutes, int validationTimeoutMinutes) {
        int polls = maxPolls(pollIntervalSeconds, maxWaitMinutes);
        int checks = maxPolls(pollIntervalSeconds, validationTimeoutMinutes);
        int events = EVENTS_PER_IMAGE + EVENTS_PER_POLL * (polls + checks);
        if (EVENTS_PER_IMAGE + EVENTS_PER_POLL * polls > HISTORY_EVENT_BUDGET || events <= HISTORY_EVENT_BUDGET) {
            return List.of();
        }
        return List.of(subject + ": each image may poll " + polls + " times and then check"
                + " its staged fleets and bundles " + checks + " times (every " + duration(pollIntervalSeconds) + " for up to "
                + duration(maxWaitMinutes * 60) + ", then up to " + duration(validationTimeoutMinutes * 60) + "), about " + events
                + " history events in its execution, and this pipeline allows " + HISTORY_EVENT_BUDGET + " per execution: poll less"
                + " often, wait less, or shorten validationTimeoutMinutes");
    }

    /**
     * Whether the items fit in the run's data once resolved.
     *
     * @param itemsJsonBytes the planned items' JSON, as the plan writes it
     */
    public static void checkData(Problems images, List<ImageRequest> items, int itemsJsonBytes) {
        long resolved = (long) itemsJsonBytes + (long) items.size() * RESOLVED_ITEM_OVERHEAD_BYTES
                + items.stream().mapToLong(RunLimits::productionImagesBytes).sum();
        if (resolved > ITEMS_BUDGET_BYTES) {
            images.add("the run's " + items.size() + " items take about " + resolved / 1000 + " KB of the execution's data, and at most "
                    + ITEMS_BUDGET_BYTES / 1000 + " KB fit beside the run's settings in Step Functions' 256 KB: split them over several"
                    + " runs, or give them fewer tags, fleets and bundles");
        }
    }

    /**
     * What the resolve step adds to an item with production targets: the image each one uses now, by its name, which the
     * new image records for a later promote ({@code "productionImages": {"<target>": "<image>", ...}}).
     */
    private static int productionImagesBytes(ImageRequest item) {
        List<String> targets = new ArrayList<>(item.productionTargets());
        if (item.fromTarget() != null) {
            targets.add(item.fromTarget());
        }
        return targets.isEmpty() ? 0 : "\"productionImages\":{},".length()
                + targets.stream().mapToInt(target -> target.length() + IMAGE_ID_MAX + "\"\":\"\",".length()).sum();
    }

    private static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }

    private static String duration(int seconds) {
        return seconds % 3600 == 0 ? seconds / 3600 + " h" : seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
