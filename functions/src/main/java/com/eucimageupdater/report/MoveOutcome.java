package com.eucimageupdater.report;

/** How a production roll-out or a move back ended: the "outcome" the state machine records for each. */
public enum MoveOutcome {
    ROLLED_OUT,
    ROLLED_BACK,
    /** A report-only rollback's move back: checked, and not made. */
    WOULD_ROLL_BACK,
    FAILED
}
