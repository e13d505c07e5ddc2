package com.eucimageupdater.report;

import static com.eucimageupdater.report.RunReporter.plural;

import com.eucimageupdater.report.BundleRebuild.Mode;
import com.eucimageupdater.report.BundleRebuild.Outcome;
import com.eucimageupdater.report.BundleRebuild.Skipped;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mail's WorkSpaces rebuilds, bundle by bundle, from the rebuild step's answers in this run: what was rebuilt (or, in a
 * report-only run, would be), skipped by reason, failed, still on the old image, and why the waves stopped; then the
 * command that moves everything back and rebuilds these WorkSpaces back.
 */
final class RebuildSection {
    private static final String INDENT = "           ";

    private RebuildSection() {}

    /**
     * @param rollout the roll-out plan, whose production items carry their rebuild settings (the window); null in a rollback
     * @param executionId this execution's ARN, whose state machine and Region the rollback command names
     * @param imagesOf the execution whose images these are, which a rollback names
     * @param zone the schedule's time zone, in which the windows are
     * @return how many bundles need the admin: a WorkSpace failed, or the rebuild stopped, was refused or failed
     */
    static int write(List<BundleRebuild> rebuilds, JsonNode rollout, String executionId, String imagesOf, ZoneId zone,
            StringBuilder body) {
        if (rebuilds.isEmpty()) {
            return 0;
        }
        Map<String, String> windows = windows(rollout, zone);
        Mode mode = rebuilds.get(0).mode();
        boolean reportOnly = reportOnly(rebuilds);
        body.append(reportOnly ? "\nWorkSpaces that would be rebuilt now (report only: nothing was rebuilt; the rules applied to what AWS"
                + " answered now):\n"
                : mode == Mode.ROLLBACK ? "\nWorkSpaces rebuilt back onto their bundle's image before the rolled-back run (as AWS answered"
                        + " in this run):\n"
                : "\nWorkSpaces rebuilt onto their bundle's new image, in waves (as AWS answered in this run):\n");
        int needAttention = 0;
        for (BundleRebuild rebuild : rebuilds) {
            needAttention += rebuild.needsAttention() ? 1 : 0;
            bundle(rebuild, windows.get(key(rebuild.account(), rebuild.region(), rebuild.bundle())), body);
        }
        boolean rebuiltOntoNewImages = rebuilds.stream()
                .anyMatch(rebuild -> rebuild.mode() == Mode.ROLLOUT && rebuild.rebuilt() + rebuild.alreadyRebuilt() > 0);
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
    static String subjectPart(List<BundleRebuild> rebuilds) {
        if (rebuilds.isEmpty()) {
            return null;
        }
        boolean reportOnly = reportOnly(rebuilds);
        int count = rebuilds.stream().mapToInt(rebuild -> reportOnly ? rebuild.wouldRebuild() : rebuild.rebuilt()).sum();
        return plural(count, "WorkSpace") + (reportOnly ? " would be rebuilt" : " rebuilt")
                + (rebuilds.get(0).mode() == Mode.ROLLBACK ? " back" : "");
    }

    /** A report-only run's rebuilds, which rebuilt nothing. */
    private static boolean reportOnly(List<BundleRebuild> rebuilds) {
        return rebuilds.stream().anyMatch(rebuild -> rebuild.outcome() == Outcome.WOULD_REBUILD);
    }

    private static void bundle(BundleRebuild rebuild, String window, StringBuilder body) {
        body.append(String.format("%-13s %s -> %s (from %s; account %s, %s)%n", rebuild.outcome(), rebuild.bundle(), rebuild.image(),
                rebuild.from(), rebuild.account(), rebuild.region()));
        if (rebuild.outcome() == Outcome.FAILED && rebuild.error() != null && !rebuild.error().isNull()) {
            body.append(INDENT).append("the rebuild step failed: ").append(ImageResult.reasonFromError(rebuild.error())).append('\n');
        }
        if (rebuild.outcome() == Outcome.REFUSED) {
            body.append(INDENT).append("refused, nothing rebuilt: ").append(rebuild.stoppedBecause()).append('\n');
        } else {
            body.append(INDENT).append(counts(rebuild)).append('\n');
        }
        ids(rebuild.outcome() == Outcome.WOULD_REBUILD ? "would rebuild: " : "rebuilt: ",
                rebuild.outcome() == Outcome.WOULD_REBUILD ? rebuild.wouldRebuildIds() : rebuild.rebuiltIds(),
                rebuild.outcome() == Outcome.WOULD_REBUILD ? rebuild.wouldRebuild() : rebuild.rebuilt(), body);
        for (Skipped skipped : rebuild.skipped()) {
            ids((rebuild.outcome() == Outcome.WOULD_REBUILD ? "skipped now, " : "skipped, ") + skipReason(skipped) + ": ",
                    skipped.workspaceIds(), skipped.count(), body);
        }
        for (BundleRebuild.Failed failed : rebuild.failed()) {
            body.append(INDENT).append("failed: ").append(failed.workspaceId()).append(' ').append(failed.state())
                    .append(failed.reason() == null ? "" : ": " + failed.reason()).append('\n');
        }
        if (rebuild.stoppedBecause() != null && rebuild.outcome() != Outcome.REFUSED) {
            body.append(INDENT).append(rebuild.outcome() == Outcome.STOPPED ? "stopped, no more waves: " : "done: ")
                    .append(rebuild.stoppedBecause()).append('\n');
        }
        if (window != null) {
            body.append(INDENT).append(window).append('\n');
        }
    }

    /** e.g. "40 WorkSpaces on the bundle: 30 rebuilt in 3 waves, 2 already rebuilt by an earlier run, 8 still on the old image". */
    private static String counts(BundleRebuild rebuild) {
        List<String> parts = new ArrayList<>();
        if (rebuild.outcome() == Outcome.WOULD_REBUILD) {
            parts.add(rebuild.wouldRebuild() + " would be rebuilt now");
        } else {
            parts.add(rebuild.rebuilt() + (rebuild.mode() == Mode.ROLLBACK ? " rebuilt back" : " rebuilt") + " in "
                    + plural(rebuild.waves(), "wave"));
        }
        if (rebuild.alreadyRebuilt() > 0) {
            parts.add(rebuild.alreadyRebuilt() + " already rebuilt onto " + rebuild.image() + " by an earlier run");
        }
        if (rebuild.outcome() != Outcome.WOULD_REBUILD) {
            parts.add(rebuild.stillOnOldImage() + " still on " + (rebuild.mode() == Mode.ROLLBACK ? rebuild.from() : "the old image"));
        }
        return plural(rebuild.workspaces(), "WorkSpace") + " on the bundle: " + String.join(", ", parts);
    }

    /** A capped list of ids with its full count, e.g. "rebuilt: ws-1, ws-2 and 28 more"; nothing when there are none. */
    private static void ids(String label, List<String> ids, int count, StringBuilder body) {
        if (count == 0 && ids.isEmpty()) {
            return;
        }
        body.append(INDENT).append(label).append(count).append(ids.isEmpty() ? "" : " (" + String.join(", ", ids)
                + (count > ids.size() ? " and " + (count - ids.size()) + " more" : "") + ")").append('\n');
    }

    /** The rebuild step's skip reasons in the mail's words; one it does not know, as the step named it. */
    static String skipReason(Skipped skipped) {
        return switch (skipped.reason()) {
            case "NOT_AVAILABLE" -> "neither AVAILABLE nor STOPPED" + (skipped.state() == null ? "" : " (" + skipped.state() + ")");
            case "USER_CONNECTED" -> "its user connected";
            case "SNAPSHOT_OLDER_THAN_LAST_CONNECTION" -> "its latest snapshot older than its user's last connection (a rebuild would lose"
                    + " what the user wrote since)";
            case "ADMIN_MAINTENANCE" -> "in ADMIN_MAINTENANCE";
            default -> skipped.reason();
        };
    }

    /**
     * Each bundle's window, from the rebuild settings of the production item that names it, e.g. "waves start only inside
     * the window SAT, SUN from 22:00 for 6 h (Europe/Paris); the run waits for it, and its mail comes after the last wave".
     */
    private static Map<String, String> windows(JsonNode rollout, ZoneId zone) {
        Map<String, String> windows = new HashMap<>();
        if (rollout == null) {
            return windows;
        }
        for (JsonNode item : rollout.path("production")) {
            JsonNode window = item.at("/rebuild/window");
            if (window.isMissingNode() || window.isNull()) {
                continue;
            }
            List<String> days = new ArrayList<>();
            window.path("days").forEach(day -> days.add(day.asText()));
            String text = "waves start only inside the window " + String.join(", ", days) + " from " + window.path("start").asText()
                    + " for " + window.path("hours").asInt() + " h (" + (zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId())
                    + "); the run waits for it, and its mail comes after the last wave";
            item.path("targets").forEach(bundle -> windows.put(key(item.path("account").asText(), item.path("region").asText(),
                    bundle.asText()), text));
        }
        return windows;
    }

    private static String key(String account, String region, String bundle) {
        return account + " " + region + " " + bundle;
    }
}
