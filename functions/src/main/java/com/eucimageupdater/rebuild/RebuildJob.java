package com.eucimageupdater.rebuild;

import com.eucimageupdater.model.RunSettings;

/**
 * The Rebuild step's input: the bundle (the Map's item), the run's settings, and the progress its previous call answered
 * (empty at the first call).
 *
 * @param runStartedAt when the run's execution started (ISO-8601): no wave may end after its timeout
 */
public record RebuildJob(BundleRebuild bundle, RunSettings run, String runStartedAt, RebuildProgress rebuild) {}
