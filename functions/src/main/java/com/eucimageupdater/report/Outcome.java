package com.eucimageupdater.report;

/** How one image's run ended. */
public enum Outcome {
    UPDATED,
    UP_TO_DATE,
    FAILED
}
