package com.eucimageupdater.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The mail's roll-out parts, read from the state machine's raw results: what each image staged, what a report-only
 * run would do, what production got (or why not), what retention deleted and kept, and a rollback's moves.
 */
final class RolloutSection {
    private static final String INDENT = "           ";

    private RolloutSection() {}

    /** Staged targets and copies and shares, or for a report-only run what would be staged, rolled out, copied and deleted. */
    static void imageDetails(JsonNode raw, StringBuilder body) {
        for (JsonNode moved : raw.at("/staged/moved")) {
            body.append(INDENT).append(moved.path("moved").asBoolean() ? "staged: " : "").append(moved(moved)).append('\n');
        }
        distribution(raw.path("distributed"), raw.at("/start/newImage").asText(), body);
        if (!"WOULD_UPDATE".equals(raw.path("outcome").asText())) {
            return;
        }
        JsonNode item = raw.path("item");
        targets(item.path("stagingTargets"), "would stage: ", body);
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
    private static void distribution(JsonNode distributed, String newImage, StringBuilder body) {
        line(body, listed("copy started: ", copies(distributed, copy -> "COPIED".equals(copy.path("outcome").asText()), newImage)),
                listed("already copied: ", copies(distributed, copy -> "ALREADY_COPIED".equals(copy.path("outcome").asText())
                        && "AVAILABLE".equals(copy.path("state").asText()), newImage)),
                listed("copy already under way: ", copies(distributed, copy -> "ALREADY_COPIED".equals(copy.path("outcome").asText())
                        && !"AVAILABLE".equals(copy.path("state").asText()), newImage)),
                listed("shared with ", shares(distributed, "SHARED")),
                listed("already shared with ", shares(distributed, "ALREADY_SHARED")));
        for (JsonNode copy : distributed.path("copies")) {
            if ("CONFLICT".equals(copy.path("outcome").asText())) {
                body.append(INDENT).append("CONFLICT, not copied to ").append(copy.path("region").asText()).append(": ")
                        .append(copy.path("conflict").asText()).append('\n');
            }
        }
    }

    /** The copies wanted: each Region, with the copy's identifier when not the new image's own, and who made it. */
    private static List<String> copies(JsonNode distributed, Predicate<JsonNode> wanted, String newImage) {
        List<String> regions = new ArrayList<>();
        for (JsonNode copy : distributed.path("copies")) {
            if (!wanted.test(copy)) {
                continue;
            }
            List<String> about = new ArrayList<>();
            String image = copy.path("image").asText();
            if (!image.isEmpty() && !image.equals(newImage)) {
                about.add(image);
            }
            if (copy.hasNonNull("copiedBy")) {
                about.add("by run " + copy.path("copiedBy").asText());
            }
            regions.add(copy.path("region").asText() + (about.isEmpty() ? "" : " (" + String.join(", ", about) + ")"));
        }
        return regions;
    }

    private static List<String> shares(JsonNode distributed, String outcome) {
        List<String> accounts = new ArrayList<>();
        distributed.path("shares").forEach(share -> {
            if (outcome.equals(share.path("outcome").asText())) {
                accounts.add(share.path("account").asText());
            }
        });
        return accounts;
    }

    /** How many copies found another image holding their name. */
    static int copyConflicts(JsonNode raw) {
        int conflicts = 0;
        for (JsonNode copy : raw.at("/distributed/copies")) {
            conflicts += "CONFLICT".equals(copy.path("outcome").asText()) ? 1 : 0;
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

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    /** Production: what each image's roll-out did, or why nothing went to production. */
    static int production(JsonNode rollout, String executionName, StringBuilder body) {
        if (rollout == null || rollout.isMissingNode() || rollout.isNull() || rollout.path("production").isEmpty()) {
            return 0;
        }
        String decision = rollout.path("decision").asText("");
        if (!decision.isEmpty()) {
            body.append("\nProduction: nothing rolled out, approval ").append(decision).append(". Staged fleets and bundles keep the"
                    + " new images; start a run by hand to try again.\n");
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
            retention(result.path("retired"), "deleted", "kept", body);
            if (result.has("retireError")) {
                body.append(INDENT).append("retention failed, nothing more deleted: ")
                        .append(ImageResult.reasonFromError(result.path("retireError"))).append('\n');
            }
        }
        body.append("To move everything back: start the state machine with {\"rollback\": \"").append(executionName).append("\"}\n");
        return failed;
    }

    /** A rollback's moves back, opening with how many fleets and bundles moved back. */
    static int rollback(String rolledBackExecution, JsonNode rolledBack, StringBuilder body) {
        int failed = 0;
        for (JsonNode result : rolledBack) {
            failed += "ROLLED_BACK".equals(result.path("outcome").asText()) ? 0 : 1;
        }
        body.append("Rollback of run ").append(rolledBackExecution).append(": ").append(MovedBack.of(rolledBack).inFull())
                .append(failed > 0 ? ", " + RunReporter.plural(failed, "move back") + " failed" : "").append(".\n\n");
        for (JsonNode result : rolledBack) {
            boolean ok = "ROLLED_BACK".equals(result.path("outcome").asText());
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

    /**
     * How many fleets and bundles a rollback moved back, counting only those its UpdateFleet or UpdateWorkspaceBundle
     * moved, and how many already used the image they would go back to.
     */
    record MovedBack(int moved, int already) {

        static MovedBack of(JsonNode rolledBack) {
            int moved = 0;
            int already = 0;
            for (JsonNode result : rolledBack) {
                for (JsonNode move : result.path("moved")) {
                    if (move.path("moved").asBoolean()) {
                        moved++;
                    } else {
                        already++;
                    }
                }
            }
            return new MovedBack(moved, already);
        }

        /** e.g. "3 moved back, 1 already back", for the subject. */
        String counts() {
            return moved + " moved back" + alreadyBack();
        }

        /** e.g. "3 fleets and bundles moved back, 1 already back". */
        String inFull() {
            return RunReporter.plural(moved, "fleet or bundle", "fleets and bundles") + " moved back" + alreadyBack();
        }

        private String alreadyBack() {
            return already > 0 ? ", " + already + " already back" : "";
        }
    }

    /** A target this step moved, with what it used before; or one that already used the image, which no call moved. */
    private static String moved(JsonNode moved) {
        if (!moved.path("moved").asBoolean()) {
            return moved.path("target").asText() + ": already on " + moved.path("image").asText() + ", not moved";
        }
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

    private static void retention(JsonNode decisions, String deleted, String kept, StringBuilder body) {
        for (JsonNode decision : decisions) {
            body.append(INDENT).append(decision.path("delete").asBoolean() ? deleted : kept).append(": ")
                    .append(decision.path("name").asText())
                    .append(" (").append(decision.path("reason").asText()).append(")\n");
        }
    }
}
