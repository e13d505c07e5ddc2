package com.eucimageupdater.report;

import static com.eucimageupdater.report.RunReporter.plural;

import com.eucimageupdater.lambda.JsonView;
import com.eucimageupdater.rebuild.SkipReason;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mail's WorkSpaces rebuilds, bundle by bundle, from the rebuild step's answers in this run (the state machine's
 * RebuildEachBundle results: a roll-out's {@code rollout.rebuilt}, a rollback's {@code rebuilt}): what was rebuilt (or, in
 * a report-only run, would be), skipped by reason, failed, still on the old image, and why the waves stopped; then the
 * command that moves everything back and rebuilds these WorkSpaces back.
 *
 * <p>Each result: {@code account}, {@code region}, {@code bundle}; {@code image} the image the WorkSpaces are rebuilt
 * onto (for a rollback, the bundle's image before) and {@code from} the one they leave; {@code mode} ROLLOUT, ROLLBACK or
 * PREVIEW (a monthly report-only run's: {@code image} is the name of the image its update would create);
 * {@code outcome} REBUILT, STOPPED, WOULD_REBUILD, REFUSED or FAILED (with the state machine's caught {@code error});
 * the counts {@code workspaces}, {@code rebuilt}, {@code alreadyRebuilt}, {@code stillOnOldImage}, {@code waves},
 * {@code wouldRebuild}, {@code failedCount}; the lists, capped by the step, {@code rebuiltIds}, {@code wouldRebuildIds},
 * {@code failed} ({@code workspaceId}, {@code state}, {@code reason}) and {@code skipped} ({@code reason}, {@code state},
 * {@code count}, {@code workspaceIds}); {@code stoppedBecause}.
 */
final class RebuildSection {
    private static final String INDENT = "           ";
    private static final String ROLLBACK = "ROLLBACK";
    private static final String WOULD_REBUILD = "WOULD_REBUILD";
    private static final String STOPPED = "STOPPED";
    private static final String REFUSED = "REFUSED";
    private static final String FAILED = "FAILED";

    private RebuildSection() {}

    /**
     * @param rebuilt each bundle's result; missing or empty when no rebuild ran
     * @param planned the roll-out plan's bundles to rebuild ({@code rollout.rebuilds}), with the item's settings (the window);
     *                missing in a rollback
     * @param executionId this execution's ARN, whose state machine and Region the rollback command names
     * @param imagesOf the execution whose images these are, which a rollback names
     * @param zone the schedule's time zone, in which the windows are
     * @return how many bundles need the admin: a WorkSpace failed, or the rebuild stopped, was refused or failed
     */
    static int write(JsonView rebuilt, JsonView planned, String executionId, String imagesOf, ZoneId zone, StringBuilder body) {
        if (rebuilt.isEmpty()) {
            return 0;
        }
        Map<String, String> windows = windows(planned, zone);
        boolean reportOnly = reportOnly(rebuilt);
        body.append(reportOnly ? "\nWorkSpaces that would be rebuilt now (report only: nothing was rebuilt; the rules applied to what AWS"
                + " answered now):\n"
                : rollback(rebuilt.path(0)) ? "\nWorkSpaces rebuilt back onto their bundle's image before the rolled-back run (as AWS"
                        + " answered in this run):\n"
                : "\nWorkSpaces rebuilt onto their bundle's new image, in waves (as AWS answered in this run):\n");
        int needAttention = 0;
        boolean rebuiltOntoNewImages = false;
        for (JsonView result : rebuilt) {
            needAttention += needsAttention(result) ? 1 : 0;
            rebuiltOntoNewImages |= !rollback(result) && result.path("rebuilt").asInt() + result.path("alreadyRebuilt").asInt() > 0;
            bundle(result, windows.get(key(result)), body);
        }
        if (rebuiltOntoNewImages && !reportOnly) {
            StartCommands commands = StartCommands.forExecution(executionId);
            String input = "{\"rollback\": \"" + imagesOf + "\", \"rebuild\": true}";
            body.append("To move everything back and rebuild these WorkSpaces back onto their bundle's image before (the same rules, waves"
                    + " and window): start the state machine with ").append(input).append(":\n  ").append(commands.posix(input))
                    .append("\nIn Windows PowerShell (in cmd.exe, without --%):\n  ").append(commands.windows(input)).append('\n');
        }
        return needAttention;
    }

    /** For the subject, e.g. "30 WorkSpaces rebuilt", "3 WorkSpaces would be rebuilt", "31 WorkSpaces rebuilt back"; null for none. */
    static String subjectPart(JsonView rebuilt) {
        if (rebuilt.isEmpty()) {
            return null;
        }
        boolean reportOnly = reportOnly(rebuilt);
        int count = 0;
        for (JsonView result : rebuilt) {
            count += result.path(reportOnly ? "wouldRebuild" : "rebuilt").asInt();
        }
        return plural(count, "WorkSpace") + (reportOnly ? " would be rebuilt" : " rebuilt") + (rollback(rebuilt.path(0)) ? " back" : "");
    }

    /** Whether the admin must look at this bundle: a WorkSpace failed, or the rebuild stopped, was refused or failed. */
    private static boolean needsAttention(JsonView result) {
        String outcome = result.path("outcome").asText();
        return !result.path("failed").isEmpty() || outcome.equals(STOPPED) || outcome.equals(REFUSED) || outcome.equals(FAILED);
    }

    /** A report-only run's rebuilds, which rebuilt nothing. */
    private static boolean reportOnly(JsonView rebuilt) {
        for (JsonView result : rebuilt) {
            if (result.path("outcome").asText().equals(WOULD_REBUILD)) {
                return true;
            }
        }
        return false;
    }

    private static boolean rollback(JsonView result) {
        return result.path("mode").asText().equals(ROLLBACK);
    }

    private static void bundle(JsonView result, String window, StringBuilder body) {
        String outcome = result.path("outcome").asText(FAILED);
        body.append(String.format("%-13s %s -> %s (from %s; account %s, %s)%n", outcome, result.path("bundle").asText(),
                result.path("image").asText(), result.path("from").asText(), result.path("account").asText(),
                result.path("region").asText()));
        if (result.has("error")) {
            body.append(INDENT).append("the rebuild step failed: ").append(ImageResult.reasonFromError(result.path("error"))).append('\n');
            return;
        }
        if (outcome.equals(REFUSED)) {
            body.append(INDENT).append("refused, nothing rebuilt: ").append(result.path("stoppedBecause").asText()).append('\n');
            return;
        }
        boolean reportOnly = outcome.equals(WOULD_REBUILD);
        body.append(INDENT).append(counts(result, reportOnly)).append('\n');
        ids(reportOnly ? "would rebuild: " : "rebuilt: ", result.path(reportOnly ? "wouldRebuildIds" : "rebuiltIds"),
                result.path(reportOnly ? "wouldRebuild" : "rebuilt").asInt(), body);
        for (JsonView skipped : result.path("skipped")) {
            ids((reportOnly ? "skipped now, " : "skipped, ") + skipReason(skipped) + ": ", skipped.path("workspaceIds"),
                    skipped.path("count").asInt(), body);
        }
        int failedCount = Math.max(result.path("failedCount").asInt(), result.path("failed").size());
        if (failedCount > result.path("failed").size()) {
            body.append(INDENT).append("failed: ").append(failedCount).append(", the first ").append(result.path("failed").size())
                    .append(" below\n");
        }
        for (JsonView failed : result.path("failed")) {
            body.append(INDENT).append("failed: ").append(failed.path("workspaceId").asText()).append(' ')
                    .append(failed.path("state").asText()).append(failed.has("reason") ? ": " + failed.path("reason").asText() : "")
                    .append('\n');
        }
        if (result.has("stoppedBecause")) {
            body.append(INDENT).append(outcome.equals(STOPPED) ? "stopped, no more waves: " : "done: ")
                    .append(result.path("stoppedBecause").asText()).append('\n');
        }
        if (window != null) {
            body.append(INDENT).append(window).append('\n');
        }
    }

    /** e.g. "40 WorkSpaces on the bundle: 30 rebuilt in 3 waves, 2 already rebuilt by an earlier run, 8 still on the old image". */
    private static String counts(JsonView result, boolean reportOnly) {
        List<String> parts = new ArrayList<>();
        if (reportOnly) {
            parts.add(result.path("wouldRebuild").asInt() + " would be rebuilt now");
        } else {
            parts.add(result.path("rebuilt").asInt() + (rollback(result) ? " rebuilt back" : " rebuilt") + " in "
                    + plural(result.path("waves").asInt(), "wave"));
        }
        if (result.path("alreadyRebuilt").asInt() > 0) {
            parts.add(result.path("alreadyRebuilt").asInt() + " already rebuilt onto " + result.path("image").asText()
                    + " by an earlier run");
        }
        if (!reportOnly) {
            parts.add(result.path("stillOnOldImage").asInt() + " still on "
                    + (rollback(result) ? result.path("from").asText() : "the old image"));
        }
        return plural(result.path("workspaces").asInt(), "WorkSpace") + " on the bundle: " + String.join(", ", parts);
    }

    /** A capped list of ids with its full count, e.g. "rebuilt: 30 (ws-1, ws-2 and 28 more)"; nothing when there are none. */
    private static void ids(String label, JsonView ids, int count, StringBuilder body) {
        if (count == 0 && ids.isEmpty()) {
            return;
        }
        List<String> listed = new ArrayList<>();
        ids.forEach(id -> listed.add(id.asText()));
        body.append(INDENT).append(label).append(count).append(listed.isEmpty() ? "" : " (" + String.join(", ", listed)
                + (count > listed.size() ? " and " + (count - listed.size()) + " more" : "") + ")").append('\n');
    }

    /** The rebuild step's skip reason in the mail's words, with the State it names; one it does not know, as the step named it. */
    private static String skipReason(JsonView skipped) {
        String reason = skipped.path("reason").asText();
        return Arrays.stream(SkipReason.values()).filter(known -> known.name().equals(reason)).findFirst().map(SkipReason::text)
                .orElse(reason) + (skipped.has("state") ? " (" + skipped.path("state").asText() + ")" : "");
    }

    /**
     * Each planned bundle's window, from the item's rebuild settings, e.g. "waves start only inside the window SAT, SUN from
     * 22:00 for 6 h (Europe/Paris); the run waits for it, and its mail comes after the last wave".
     */
    private static Map<String, String> windows(JsonView planned, ZoneId zone) {
        Map<String, String> windows = new HashMap<>();
        for (JsonView bundle : planned) {
            JsonView window = bundle.at("/settings/window");
            if (window.isMissing()) {
                continue;
            }
            List<String> days = new ArrayList<>();
            window.path("days").forEach(day -> days.add(day.asText()));
            windows.put(key(bundle), "waves start only inside the window " + String.join(", ", days) + " from "
                    + window.path("start").asText() + " for " + window.path("hours").asInt() + " h ("
                    + (zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId())
                    + "); the run waits for it, and its mail comes after the last wave");
        }
        return windows;
    }

    /** A bundle where it is: the same in the plan and in the results. */
    private static String key(JsonView bundle) {
        return bundle.path("account").asText() + " " + bundle.path("region").asText() + " " + bundle.path("bundle").asText();
    }
}
