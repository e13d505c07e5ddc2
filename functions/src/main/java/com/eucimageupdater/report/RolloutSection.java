package com.eucimageupdater.report;

import com.eucimageupdater.approve.AnsweredBy;
import com.eucimageupdater.approve.NoConfirmedSubscriberException;
import com.eucimageupdater.distribute.Distribution.CopyOutcome;
import com.eucimageupdater.distribute.Distribution.ShareOutcome;
import com.eucimageupdater.lambda.JsonValues;
import com.eucimageupdater.lambda.JsonView;
import com.eucimageupdater.model.ImageState;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The mail's roll-out parts, read from the state machine's raw results: what each image staged, what a report-only
 * run would do, what production got (or why not), what retention deleted and kept; a rollback's moves are
 * {@link RollbackSection}'s.
 */
final class RolloutSection {
    static final String INDENT = "           ";

    private RolloutSection() {}

    /** Staged targets and copies and shares, or for a report-only run what would be staged, rolled out, copied and deleted. */
    static void imageDetails(JsonView raw, StringBuilder body) {
        for (JsonView moved : raw.at("/staged/moved")) {
            body.append(INDENT).append(moved.path("moved").asBoolean() ? "staged: " : "").append(moved(moved)).append('\n');
        }
        distribution(raw.path("distributed"), raw.at("/start/newImage").asText(), body);
        ValidationSection.validated(raw, body);
        if (!recorded(raw, Outcome.WOULD_UPDATE)) {
            return;
        }
        JsonView item = raw.path("item");
        targets(item.path("stagingTargets"), "would stage: ", body);
        ValidationSection.wouldValidate(item, body);
        targets(item.path("productionTargets"), "would roll out to production: ", body);
        line(body, listed("would copy to ", texts(item.path("copyToRegions"))),
                listed("would share with ", texts(item.path("shareWithAccounts"))));
        retention(raw.at("/retire/decisions"), "would delete", "would keep", body);
    }

    /**
     * What the distribute step answered, in one line (e.g. "copy started: eu-west-1; shared with 222222222222; already
     * shared with 333333333333"), then one line per conflict. A copy this run's call made has only started (AWS copies
     * in the background); one found made earlier is "already copied" once AVAILABLE there.
     */
    private static void distribution(JsonView distributed, String newImage, StringBuilder body) {
        line(body, listed("copy started: ", copies(distributed, copy -> recorded(copy, CopyOutcome.COPIED), newImage)),
                listed("already copied: ", copies(distributed, copy -> recorded(copy, CopyOutcome.ALREADY_COPIED) && available(copy),
                        newImage)),
                listed("copy already under way: ", copies(distributed, copy -> recorded(copy, CopyOutcome.ALREADY_COPIED)
                        && !available(copy), newImage)),
                listed("shared with ", shares(distributed, ShareOutcome.SHARED)),
                listed("already shared with ", shares(distributed, ShareOutcome.ALREADY_SHARED)));
        for (JsonView copy : distributed.path("copies")) {
            if (recorded(copy, CopyOutcome.CONFLICT)) {
                body.append(INDENT).append("CONFLICT, not copied to ").append(copy.path("region").asText()).append(": ")
                        .append(copy.path("conflict").asText()).append('\n');
            }
        }
    }

    /** The copies wanted: each Region, with the copy's identifier when not the new image's own, and who made it. */
    private static List<String> copies(JsonView distributed, Predicate<JsonView> wanted, String newImage) {
        List<String> regions = new ArrayList<>();
        for (JsonView copy : distributed.path("copies")) {
            if (!wanted.test(copy)) {
                continue;
            }
            List<String> about = new ArrayList<>();
            String image = copy.path("image").asText();
            if (!image.isEmpty() && !image.equals(newImage)) {
                about.add(image);
            }
            if (copy.has("copiedBy")) {
                about.add("by run " + copy.path("copiedBy").asText());
            }
            regions.add(copy.path("region").asText() + (about.isEmpty() ? "" : " (" + String.join(", ", about) + ")"));
        }
        return regions;
    }

    /** Whether a result, a copy or a share records this outcome: the enum's name, as the steps and the state machine write it. */
    static boolean recorded(JsonView result, Enum<?> outcome) {
        return outcome.name().equals(result.path("outcome").asText());
    }

    private static boolean available(JsonView copy) {
        return ImageState.AVAILABLE.name().equals(copy.path("state").asText());
    }

    private static List<String> shares(JsonView distributed, ShareOutcome outcome) {
        List<String> accounts = new ArrayList<>();
        distributed.path("shares").forEach(share -> {
            if (recorded(share, outcome)) {
                accounts.add(share.path("account").asText());
            }
        });
        return accounts;
    }

    /** How many copies found another image holding their name. */
    static int copyConflicts(JsonView raw) {
        int conflicts = 0;
        for (JsonView copy : raw.at("/distributed/copies")) {
            conflicts += recorded(copy, CopyOutcome.CONFLICT) ? 1 : 0;
        }
        return conflicts;
    }

    /** e.g. "copy started: eu-west-1, ap-southeast-2", or null when there is none. */
    private static String listed(String label, List<String> values) {
        return values.isEmpty() ? null : label + String.join(", ", values);
    }

    /** The parts there are, in one indented line joined by "; ", or nothing. */
    private static void line(StringBuilder body, String... parts) {
        List<String> present = Stream.of(parts).filter(Objects::nonNull).toList();
        if (!present.isEmpty()) {
            body.append(INDENT).append(String.join("; ", present)).append('\n');
        }
    }

    private static List<String> texts(JsonView array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    /**
     * The run's status when it needed an approval and nobody could get its mail: the state machine fails the execution
     * on it, once the summary is mailed.
     */
    static final String NO_CONFIRMED_SUBSCRIBER = "NO_CONFIRMED_SUBSCRIBER";
    private static final String NO_SUBSCRIBER_ERROR = NoConfirmedSubscriberException.class.getName();

    static boolean noConfirmedSubscriber(JsonView rollout) {
        return rollout != null && NO_SUBSCRIBER_ERROR.equals(rollout.at("/approvalError/Error").asText());
    }

    /**
     * Production: what each image's roll-out did; or why nothing went to production, with the commands that go on from
     * there; or, for a report-only promote, what it would roll out.
     *
     * @param executionId this execution's ARN, whose state machine and Region the commands name
     * @param imagesOf the execution whose images these are: this run, or the one a promote rolls out
     * @param zone the schedule's time zone, in which the mail gives who answered the approval and when
     */
    static int production(JsonView rollout, String executionId, String imagesOf, boolean dryRun, ZoneId zone, StringBuilder body) {
        if (rollout == null || rollout.isMissing() || rollout.path("production").isEmpty()) {
            return 0;
        }
        if (dryRun) {
            wouldRollOut(rollout, body);
            return 0;
        }
        if (noConfirmedSubscriber(rollout)) {
            String cause = rollout.at("/approvalError/Cause").asText("");
            body.append("\nProduction: unchanged, nothing rolled out: the approval was not asked, ")
                    .append(json(cause).path("errorMessage").asText(cause)).append(".\n");
            return 0;
        }
        String answeredBy = answeredBy(rollout, zone);
        if (answeredBy != null) {
            body.append("\nApproval: ").append(answeredBy).append('\n');
        }
        StartCommands commands = StartCommands.forExecution(executionId);
        String decision = rollout.path("decision").asText("");
        if (!decision.isEmpty()) {
            body.append("\nProduction: nothing rolled out, approval ").append(decision).append(". Staged fleets and bundles keep the"
                    + " new images.\n");
            commands(commands, imagesOf, List.of(
                    Map.entry("promote", "To roll them out to production later (the approval is asked again; add \"approval\": \"none\" to"
                            + " the input to go without it):"),
                    Map.entry("rollback", "To move the staged fleets and bundles back to the images they used before:")), body);
            return 0;
        }
        body.append("\nProduction").append(rollout.has("approval") ? " (approved)" : "");
        if (rollout.has("promotedAutomatically")) {
            // The wait on the mail's answer ended (States.Timeout) with no reject: that is what rolled production out.
            body.append(" (rolled out automatically after ").append(rollout.at("/promotedAutomatically/afterHours").asInt())
                    .append(" h without a reject)");
        }
        body.append(":\n");
        int failed = 0;
        for (JsonView result : rollout.path("results")) {
            boolean ok = recorded(result, MoveOutcome.ROLLED_OUT);
            failed += ok ? 0 : 1;
            body.append(String.format("%-10s %-10s %s (account %s, %s)%n", ok ? MoveOutcome.ROLLED_OUT : MoveOutcome.FAILED,
                    result.path("service").asText(),
                    result.path("newImageName").asText(), result.path("account").asText(), result.path("region").asText()));
            for (JsonView moved : result.path("moved")) {
                body.append(INDENT).append(moved(moved)).append('\n');
            }
            if (!ok) {
                body.append(INDENT).append("reason: ").append(ImageResult.reasonFromError(result.path("error"))).append('\n');
            }
            retention(result.path("retired"), "deleted", "kept", body);
            if (result.has("retireError")) {
                body.append(INDENT).append("retention failed, nothing more deleted: ")
                        .append(ImageResult.reasonFromError(result.path("retireError"))).append('\n');
            }
        }
        commands(commands, imagesOf, List.of(Map.entry("rollback", "To move everything back: start the state machine with {\"rollback\": \""
                + imagesOf + "\"}:")), body);
        return failed;
    }

    /**
     * Who answered, e.g. "approved by 203.0.113.7 (Mozilla/5.0 ...) at 2026-12-10 09:14 Europe/Paris", from the answer
     * itself: the approval's output, or the rejection's cause; null for a timeout, or an answer that is not ours.
     */
    private static String answeredBy(JsonView rollout, ZoneId zone) {
        JsonView answer = rollout.has("approval") ? rollout.path("approval")
                : json(rollout.at("/approvalError/Cause").asText(""));
        JsonView by = answer.path("answeredBy");
        if (!answer.has("decision")) {
            return null;
        }
        String decision = answer.path("decision").asText();
        if (by.isMissing()) {
            return decision + " (the answer does not say by whom)";
        }
        return decision + " " + new AnsweredBy(by.path("sourceIp").asText(null), by.path("userAgent").asText(null),
                by.path("command").asText(null), by.path("at").asText(null)).describe(zone);
    }

    /** A caught error's Cause as JSON (a Lambda error document, or a rejection's answer), or a missing node. */
    private static JsonView json(String cause) {
        try {
            return cause.startsWith("{") ? JsonView.of(JsonValues.parse(cause)) : JsonView.of(null);
        } catch (JsonProcessingException notJson) {
            return JsonView.of(null);
        }
    }

    /** Each command after what it does, for bash and zsh; then all of them again for Windows. */
    static void commands(StartCommands commands, String execution, List<Map.Entry<String, String>> whatByField,
            StringBuilder body) {
        whatByField.forEach(command -> body.append(command.getValue()).append("\n  ").append(commands.posix(command.getKey(), execution))
                .append('\n'));
        body.append("In Windows PowerShell (in cmd.exe, without --%):\n");
        whatByField.forEach(command -> body.append("  ").append(commands.windows(command.getKey(), execution)).append('\n'));
    }

    /** A report-only promote: each image's production targets, and the retention that would follow. */
    private static void wouldRollOut(JsonView rollout, StringBuilder body) {
        body.append("\nProduction (report only): this promote would roll out:\n");
        for (JsonView image : rollout.path("production")) {
            body.append("  ").append(image.path("newImageName").asText()).append(" (account ").append(image.path("account").asText())
                    .append(", ").append(image.path("region").asText()).append(") -> ")
                    .append(String.join(" ", texts(image.path("targets"))))
                    .append("; then retention keeps ").append(image.path("keep").asInt() == 0 ? "all of the lineage's images"
                            : "the lineage's newest " + image.path("keep").asInt()).append('\n');
        }
    }

    /** A target this step moved, with what it used before; or one that already used the image, which no call moved. */
    static String moved(JsonView moved) {
        if (!moved.path("moved").asBoolean()) {
            return moved.path("target").asText() + ": already on " + moved.path("image").asText() + ", not moved";
        }
        String previous = moved.path("previous").asText("");
        return moved.path("target").asText() + (previous.isEmpty() ? "" : " (was " + previous + ")") + ": " + moved.path("note").asText();
    }

    private static void targets(JsonView targets, String label, StringBuilder body) {
        if (!targets.isEmpty()) {
            body.append(INDENT).append(label);
            targets.forEach(target -> body.append(target.asText()).append(' '));
            body.append('\n');
        }
    }

    private static void retention(JsonView decisions, String deleted, String kept, StringBuilder body) {
        for (JsonView decision : decisions) {
            body.append(INDENT).append(decision.path("delete").asBoolean() ? deleted : kept).append(": ")
                    .append(decision.path("name").asText())
                    .append(" (").append(decision.path("reason").asText()).append(")\n");
        }
    }
}
