package com.eucimageupdater.rebuild;

/** How one bundle's rebuild ended. */
public enum RebuildOutcome {
    /** Every WorkSpace that could be was rebuilt (some may be skipped, with their reasons, or failed within maxFailures). */
    REBUILT,
    /** A failed canary, more failures than maxFailures, or the bundle moved away: the rest were not rebuilt. */
    STOPPED,
    /** Report-only: what would be rebuilt and skipped now; nothing was changed. */
    WOULD_REBUILD,
    /** Refused at the first call, nothing rebuilt: the bundle is not on the image, or its waves would not fit the history. */
    REFUSED,
    /** The step itself failed (the state machine records its error). */
    FAILED
}
