package com.eucimageupdater.report;

/** How one image's run ended. */
public enum Outcome {
    UPDATED,
    /** Updated by an image that an earlier or a concurrent run had already started for the same source and day. */
    ADOPTED,
    UP_TO_DATE,
    /** Report-only: an update exists and would be built. */
    WOULD_UPDATE,
    /** A promote run: built and staged by the run it promotes, which this one rolls out to production. */
    STAGED,
    /** A scheduled run did not build it: its lineage's scheduled builds failed disableAfterFailures months in a row. */
    SKIPPED,
    /** Built and staged, but the gate after staging failed: not offered for approval, production untouched. */
    VALIDATION_FAILED,
    FAILED
}
