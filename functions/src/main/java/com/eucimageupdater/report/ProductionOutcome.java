package com.eucimageupdater.report;

import com.eucimageupdater.lambda.JsonView;

/**
 * What happened to production in a run, from what the run recorded: the approval's answer (or its timeout), and each
 * production roll-out's result. The subject says it, and subscriptions can filter on it.
 *
 * @param rolledOut the production roll-outs (one per new image) whose moves all succeeded
 * @param planned the production roll-outs the run planned
 * @param approved whether an approval was answered yes (false when none was asked)
 * @param promotedAfterHours with approval auto, the soak that passed without a reject before production rolled out; else 0
 * @param moved whether any production fleet or bundle was moved by this run (not only found on its new image already)
 */
record ProductionOutcome(Kind kind, int rolledOut, int planned, boolean approved, boolean moved, int promotedAfterHours) {

    enum Kind {
        ROLLED_OUT,
        PARTLY_ROLLED_OUT,
        ROLL_OUT_FAILED,
        APPROVAL_REJECTED,
        APPROVAL_TIMED_OUT,
        /** The approval mail could not be sent, so nothing was asked and nothing rolled out. */
        APPROVAL_NOT_REQUESTED,
        NOTHING_TO_APPROVE,
        /** A report-only run, which changes nothing. */
        REPORT_ONLY
    }

    /** @param rollout the roll-out plan with its decision and results, as the state machine left them; null before a plan */
    static ProductionOutcome of(JsonView rollout, boolean dryRun) {
        if (dryRun) {
            return new ProductionOutcome(Kind.REPORT_ONLY, 0, 0, false, false, 0);
        }
        if (rollout == null || rollout.path("production").isEmpty()) {
            return new ProductionOutcome(Kind.NOTHING_TO_APPROVE, 0, 0, false, false, 0);
        }
        int planned = rollout.path("production").size();
        String decision = rollout.path("decision").asText("");
        if (!decision.isEmpty()) {
            // What the state machine's ApprovalRejected, ApprovalTimedOut and ApprovalNotRequested states record.
            Kind kind = switch (decision) {
                case "rejected" -> Kind.APPROVAL_REJECTED;
                case "timed out" -> Kind.APPROVAL_TIMED_OUT;
                default -> Kind.APPROVAL_NOT_REQUESTED;
            };
            return new ProductionOutcome(kind, 0, planned, false, false, 0);
        }
        int rolledOut = 0;
        boolean moved = false;
        for (JsonView result : rollout.path("results")) {
            rolledOut += RolloutSection.recorded(result, MoveOutcome.ROLLED_OUT) ? 1 : 0;
            for (JsonView target : result.path("moved")) {
                moved |= target.path("moved").asBoolean();
            }
        }
        Kind kind = rolledOut == planned ? Kind.ROLLED_OUT : rolledOut == 0 ? Kind.ROLL_OUT_FAILED : Kind.PARTLY_ROLLED_OUT;
        return new ProductionOutcome(kind, rolledOut, planned, rollout.has("approval"), moved,
                rollout.at("/promotedAutomatically/afterHours").asInt(0));
    }

    /** What production got, for the subject, or null when the run's failures say it (a roll-out that failed) or nothing changed. */
    String words() {
        return switch (kind) {
            case ROLLED_OUT -> (moved ? "rolled out to production" : "production already on new images") + how();
            case PARTLY_ROLLED_OUT -> rolledOut + " of " + planned + " rolled out to production" + how();
            case ROLL_OUT_FAILED, REPORT_ONLY -> null;
            case APPROVAL_REJECTED -> "approval rejected, production unchanged";
            case APPROVAL_TIMED_OUT -> "approval timed out, production unchanged";
            case APPROVAL_NOT_REQUESTED -> "production unchanged";
            case NOTHING_TO_APPROVE -> "nothing to approve";
        };
    }

    /** What let production go: an approve, or a soak that passed without a reject. */
    private String how() {
        return approved ? " (approved)" : promotedAfterHours > 0 ? " (no reject in " + promotedAfterHours + " h)" : "";
    }
}
