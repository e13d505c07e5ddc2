package com.eucimageupdater.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * What one execution can hold: Step Functions keeps at most 25,000 history events per execution, and the state
 * machine gives up after its own 7-day TimeoutSeconds. A run that could break either is refused up front,
 * rather than dying half-way without a mail.
 */
public final class RunLimits {
    /** The state machine's TimeoutSeconds (statemachine/image-updater.asl.json), in hours. */
    public static final int EXECUTION_TIMEOUT_HOURS = 336;
    /** Step Functions' 25,000, less room for retries and the states around the Map. */
    static final int HISTORY_EVENT_BUDGET = 24_000;
    /** Check, choice, start and the result: about 25 events per image with its Map iteration. */
    private static final int EVENTS_PER_IMAGE = 25;
    /** A Wait, a Lambda task and a Choice. */
    private static final int EVENTS_PER_POLL = 10;

    private RunLimits() {}

    /** How many polls fit in the maximum wait: the wait loop's bound. */
    public static int maxPolls(int pollIntervalSeconds, int maxWaitMinutes) {
        return Math.max(1, (int) Math.ceil(maxWaitMinutes * 60.0 / pollIntervalSeconds));
    }

    /**
     * @param subject what the problem is reported against, e.g. {@code images} or the cdk.json keys to change
     * @return the problems, empty when the run fits
     */
    public static List<String> problems(String subject, int images, int maxConcurrency, int pollIntervalSeconds, int maxWaitMinutes,
            int approvalTimeoutHours) {
        List<String> problems = new ArrayList<>();
        int maxPolls = maxPolls(pollIntervalSeconds, maxWaitMinutes);
        int eventsPerImage = EVENTS_PER_IMAGE + EVENTS_PER_POLL * maxPolls;
        if ((long) images * eventsPerImage > HISTORY_EVENT_BUDGET) {
            problems.add(subject + ": " + images + " images do not fit in one execution: each may poll " + maxPolls + " times (every "
                    + duration(pollIntervalSeconds) + " for up to " + duration(maxWaitMinutes * 60) + "), about " + eventsPerImage
                    + " execution history events, and this pipeline allows " + HISTORY_EVENT_BUDGET + " per execution (Step"
                    + " Functions stops one at 25,000; the rest is room for retries): " + (HISTORY_EVENT_BUDGET < eventsPerImage
                            ? "not even one image fits with these settings; poll less often or wait less"
                            : "at most " + HISTORY_EVENT_BUDGET / eventsPerImage + " images fit in one run with these settings; split"
                                    + " them over several runs, or poll less often"));
        }
        int rounds = Math.max(1, (images + maxConcurrency - 1) / maxConcurrency);
        int worstCaseHours = (int) Math.ceil(rounds * (maxWaitMinutes + 60) / 60.0) + approvalTimeoutHours;
        if (worstCaseHours > EXECUTION_TIMEOUT_HOURS) {
            problems.add(subject + ": " + images + " images, " + maxConcurrency + " at a time, each waiting up to "
                    + maxWaitMinutes + " min, then up to " + approvalTimeoutHours + " h for approval, could take " + worstCaseHours
                    + " h, more than the execution's " + EXECUTION_TIMEOUT_HOURS + " h timeout: process more images at a time, wait"
                    + " less for each, or for the approval");
        }
        return problems;
    }

    private static String duration(int seconds) {
        return seconds % 3600 == 0 ? seconds / 3600 + " h" : seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
