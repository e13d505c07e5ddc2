package com.eucimageupdater.report;

import static com.eucimageupdater.report.RolloutSection.INDENT;
import static com.eucimageupdater.report.RolloutSection.commands;
import static com.eucimageupdater.report.RolloutSection.moved;
import static com.eucimageupdater.report.RolloutSection.recorded;

import com.eucimageupdater.lambda.JsonView;
import java.util.List;
import java.util.Map;

/** The rollback mail's body: what moved back, or for a report-only rollback what would, and how many. */
final class RollbackSection {

    private RollbackSection() {}

    /**
     * A report-only rollback: each move back it would make, where, and each target's image now (as the rollback's
     * checks read it), then the command that makes them.
     *
     * @param executionId this execution's ARN, whose state machine and Region the command names
     */
    private static void wouldRollBack(String rolledBackExecution, JsonView rolledBack, String executionId, StringBuilder body) {
        body.append("Rollback of run ").append(rolledBackExecution).append(", report only: nothing was moved; ")
                .append(MovedBack.of(rolledBack).inFull()).append(".\n\n");
        for (JsonView result : rolledBack) {
            String image = result.path("image").asText();
            body.append(String.format("%-15s %-10s %s -> %s (account %s, %s)%n", MoveOutcome.WOULD_ROLL_BACK,
                    result.path("service").asText(), result.path("from").asText(), image, result.path("account").asText(),
                    result.path("region").asText()));
            for (JsonView target : result.path("targets")) {
                String current = result.path("current").path(target.asText()).asText("");
                body.append(INDENT).append(target.asText()).append(current.equals(image) ? ": already on " + image + ", would not move"
                        : ": would move back" + (current.isEmpty() ? "" : " (it uses " + current + " now)")).append('\n');
            }
        }
        commands(StartCommands.forExecution(executionId), rolledBackExecution, List.of(Map.entry("rollback",
                "To move them back for real: the same input without dryRun, {\"rollback\": \"" + rolledBackExecution + "\"}:")), body);
    }

    /**
     * A rollback's moves back, opening with how many fleets and bundles moved back; or, for a report-only rollback, what
     * it would move back.
     *
     * @param executionId this execution's ARN, whose state machine and Region a report-only rollback's command names
     */
    static int rollback(String rolledBackExecution, JsonView rolledBack, boolean dryRun, String executionId, StringBuilder body) {
        if (dryRun) {
            wouldRollBack(rolledBackExecution, rolledBack, executionId, body);
            return 0;
        }
        int failed = 0;
        for (JsonView result : rolledBack) {
            failed += recorded(result, MoveOutcome.ROLLED_BACK) ? 0 : 1;
        }
        body.append("Rollback of run ").append(rolledBackExecution).append(": ").append(MovedBack.of(rolledBack).inFull())
                .append(failed > 0 ? ", " + RunReporter.plural(failed, "move back") + " failed" : "").append(".\n\n");
        for (JsonView result : rolledBack) {
            boolean ok = recorded(result, MoveOutcome.ROLLED_BACK);
            body.append(String.format("%-11s %-10s %s -> %s%n", ok ? MoveOutcome.ROLLED_BACK : MoveOutcome.FAILED,
                    result.path("service").asText(), result.path("from").asText(), result.path("image").asText()));
            for (JsonView moved : result.path("moved")) {
                body.append(INDENT).append(moved(moved)).append('\n');
            }
            // The gate's canaries keep the rolled-back image until rebuilt: only an admin decides to disturb their users again.
            for (JsonView canary : result.path("rebuiltCanaries")) {
                body.append(INDENT).append("canary ").append(canary.asText()).append(" was rebuilt from ")
                        .append(result.path("from").asText())
                        .append(" by that run and is not rebuilt again; to rebuild it from its bundle's image:\n").append(INDENT)
                        .append("  aws workspaces rebuild-workspaces --region ").append(result.path("region").asText())
                        .append(" --rebuild-workspace-requests WorkspaceId=").append(canary.asText()).append('\n');
            }
            if (!ok) {
                body.append(INDENT).append("reason: ").append(ImageResult.reasonFromError(result.path("error"))).append('\n');
            }
        }
        return failed;
    }

    /**
     * How many fleets and bundles a rollback moved back, counting only those its UpdateFleet or UpdateWorkspaceBundle
     * moved, and how many already used the image they would go back to; for a report-only rollback, how many it would
     * move back, and how many its checks found already back.
     */
    record MovedBack(int moved, int already, boolean reportOnly) {

        static MovedBack of(JsonView rolledBack) {
            int moved = 0;
            int already = 0;
            boolean reportOnly = false;
            for (JsonView result : rolledBack) {
                for (JsonView move : result.path("moved")) {
                    if (move.path("moved").asBoolean()) {
                        moved++;
                    } else {
                        already++;
                    }
                }
                if (recorded(result, MoveOutcome.WOULD_ROLL_BACK)) {
                    reportOnly = true;
                    for (JsonView target : result.path("targets")) {
                        if (result.path("image").asText().equals(result.path("current").path(target.asText()).asText())) {
                            already++;
                        } else {
                            moved++;
                        }
                    }
                }
            }
            return new MovedBack(moved, already, reportOnly);
        }

        /** e.g. "3 moved back, 1 already back", or "3 would move back", for the subject. */
        String counts() {
            return moved + verb() + alreadyBack();
        }

        /** e.g. "3 fleets and bundles moved back, 1 already back". */
        String inFull() {
            return RunReporter.plural(moved, "fleet or bundle", "fleets and bundles") + verb() + alreadyBack();
        }

        private String verb() {
            return reportOnly ? " would move back" : " moved back";
        }

        private String alreadyBack() {
            return already > 0 ? ", " + already + " already back" : "";
        }
    }
}
