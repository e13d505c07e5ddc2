package com.eucimageupdater.report;

/** How a production roll-out or a move back ended: the "outcome" the state machine records for each. */
public enum MoveOutcome {
    ROLLED_OUT,
    ROLLED_BACK,
    FAILED
}
