package com.eucimageupdater.build;

import com.eucimageupdater.model.Service;

/**
 * An image a scheduled run does not build: its lineage's scheduled builds failed disableAfterFailures months in a row.
 *
 * @param reason why, and the input of a run by hand that tries it again
 */
public record SkippedLineage(Service service, String image, String reason) {}
