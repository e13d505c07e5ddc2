package com.eucimageupdater.report;

import com.eucimageupdater.approval.AnsweredBy;
import com.eucimageupdater.approval.NoConfirmedSubscriberException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The mail's roll-out parts, read from the state machine's raw results: what each image staged, what a report-only
 * run would do, what production got (or why not), what retention deleted and kept, and a rollback's moves.
 */
final class RolloutSection {
    private static final String INDENT = "           ";

    private RolloutSection() {}

    /** Staged targets, or for a report-only run what would be staged, rolled out and deleted. */
    static void imageDetails(JsonNode raw, StringBuilder body) {
        for (JsonNode moved : raw.at("/staged/moved")) {
            body.append(INDENT).append("staged: ").append(moved(moved)).append('\n');
        }
        JsonNode distributed = raw.path("distributed");
        distribution(regions(distributed.path("copies"), raw.at("/start/newImage").asText()), "copied to ", distributed.path("sharedWith"),
                "shared with ", body);
        if (!"WOULD_UPDATE".equals(raw.path("outcome").asText())) {
            return;
        }
        JsonNode item = raw.path("item");
        targets(item.path("stagingTargets"), "would stage: ", body);
        targets(item.path("productionTargets"), "would roll out to production: ", body);
        distribution(texts(item.path("copyToRegions")), "would copy to ", item.path("shareWithAccounts"), "would share with ", body);
        retention(raw.at("/retire/decisions"), "would delete", body);
    }

    /** One line, e.g. "copied to eu-west-1, ap-southeast-2; shared with 222222222222", or nothing when neither happened. */
    private static void distribution(List<String> regions, String copyLabel, JsonNode accounts, String shareLabel, StringBuilder body) {
        List<String> parts = new ArrayList<>();
        if (!regions.isEmpty()) {
            parts.add(copyLabel + String.join(", ", regions));
        }
        if (!accounts.isEmpty()) {
            parts.add(shareLabel + String.join(", ", texts(accounts)));
        }
        if (!parts.isEmpty()) {
            body.append(INDENT).append(String.join("; ", parts)).append('\n');
        }
    }

    /** Each copy's Region, with the copy's identifier when it is not the new image's own (a WorkSpaces copy's new id). */
    private static List<String> regions(JsonNode copies, String newImage) {
        List<String> regions = new ArrayList<>();
        for (JsonNode copy : copies) {
            String image = copy.path("image").asText();
            regions.add(copy.path("region").asText() + (image.isEmpty() || image.equals(newImage) ? "" : " (" + image + ")"));
        }
        return regions;
    }

    private static List<String> texts(JsonNode array) {
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
    private static final ObjectMapper JSON = new ObjectMapper();

    static boolean noConfirmedSubscriber(JsonNode rollout) {
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
    static int production(JsonNode rollout, String executionId, String imagesOf, boolean dryRun, ZoneId zone, StringBuilder body) {
        if (rollout == null || rollout.isMissingNode() || rollout.isNull() || rollout.path("production").isEmpty()) {
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
        body.append("\nProduction").append(rollout.has("approval") ? " (approved)" : "").append(":\n");
        int failed = 0;
        for (JsonNode result : rollout.path("results")) {
            boolean ok = "ROLLED_OUT".equals(result.path("outcome").asText());
            failed += ok ? 0 : 1;
            body.append(String.format("%-10s %-10s %s (account %s, %s)%n", ok ? "ROLLED_OUT" : "FAILED", result.path("service").asText(),
                    result.path("newImageName").asText(), result.path("account").asText(), result.path("region").asText()));
            for (JsonNode moved : result.path("moved")) {
                body.append(INDENT).append(moved(moved)).append('\n');
            }
            if (!ok) {
                body.append(INDENT).append("reason: ").append(ImageResult.reasonFromError(result.path("error"))).append('\n');
            }
            retention(result.path("retired"), "deleted", body);
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
    private static String answeredBy(JsonNode rollout, ZoneId zone) {
        JsonNode answer = rollout.has("approval") ? rollout.get("approval")
                : json(rollout.at("/approvalError/Cause").asText(""));
        JsonNode by = answer.path("answeredBy");
        if (!answer.hasNonNull("decision")) {
            return null;
        }
        String decision = answer.get("decision").asText();
        if (by.isMissingNode()) {
            return decision + " (the answer does not say by whom)";
        }
        return decision + " " + new AnsweredBy(by.path("sourceIp").asText(null), by.path("userAgent").asText(null),
                by.path("command").asText(null), by.path("at").asText(null)).describe(zone);
    }

    /** A caught error's Cause as JSON (a Lambda error document, or a rejection's answer), or a missing node. */
    private static JsonNode json(String cause) {
        try {
            return cause.startsWith("{") ? JSON.readTree(cause) : JSON.missingNode();
        } catch (JsonProcessingException notJson) {
            return JSON.missingNode();
        }
    }

    /** Each command after what it does, for bash and zsh; then all of them again for Windows. */
    private static void commands(StartCommands commands, String execution, List<Map.Entry<String, String>> whatByField,
            StringBuilder body) {
        whatByField.forEach(command -> body.append(command.getValue()).append("\n  ").append(commands.posix(command.getKey(), execution))
                .append('\n'));
        body.append("In Windows PowerShell (in cmd.exe, without --%):\n");
        whatByField.forEach(command -> body.append("  ").append(commands.windows(command.getKey(), execution)).append('\n'));
    }

    /** A report-only promote: each image's production targets, and the retention that would follow. */
    private static void wouldRollOut(JsonNode rollout, StringBuilder body) {
        body.append("\nProduction (report only): this promote would roll out:\n");
        for (JsonNode image : rollout.path("production")) {
            body.append("  ").append(image.path("newImageName").asText()).append(" (account ").append(image.path("account").asText())
                    .append(", ").append(image.path("region").asText()).append(") -> ")
                    .append(String.join(" ", texts(image.path("targets"))))
                    .append("; then retention keeps ").append(image.path("keep").asInt() == 0 ? "all of the lineage's images"
                            : "the lineage's newest " + image.path("keep").asInt()).append('\n');
        }
    }

    /** A rollback's moves back. */
    static int rollback(String rolledBackExecution, JsonNode rolledBack, StringBuilder body) {
        body.append("Rollback of run ").append(rolledBackExecution).append(":\n");
        int failed = 0;
        for (JsonNode result : rolledBack) {
            boolean ok = "ROLLED_BACK".equals(result.path("outcome").asText());
            failed += ok ? 0 : 1;
            body.append(String.format("%-11s %-10s %s -> %s%n", ok ? "ROLLED_BACK" : "FAILED", result.path("service").asText(),
                    result.path("from").asText(), result.path("image").asText()));
            for (JsonNode moved : result.path("moved")) {
                body.append(INDENT).append(moved(moved)).append('\n');
            }
            if (!ok) {
                body.append(INDENT).append("reason: ").append(ImageResult.reasonFromError(result.path("error"))).append('\n');
            }
        }
        return failed;
    }

    private static String moved(JsonNode moved) {
        String previous = moved.path("previous").asText("");
        return moved.path("target").asText() + (previous.isEmpty() ? "" : " (was " + previous + ")") + ": " + moved.path("note").asText();
    }

    private static void targets(JsonNode targets, String label, StringBuilder body) {
        if (!targets.isEmpty()) {
            body.append(INDENT).append(label);
            targets.forEach(target -> body.append(target.asText()).append(' '));
            body.append('\n');
        }
    }

    private static void retention(JsonNode decisions, String deleted, StringBuilder body) {
        for (JsonNode decision : decisions) {
            body.append(INDENT).append(decision.path("delete").asBoolean() ? deleted + ": " : "kept: ").append(decision.path("name").asText())
                    .append(" (").append(decision.path("reason").asText()).append(")\n");
        }
    }
}
