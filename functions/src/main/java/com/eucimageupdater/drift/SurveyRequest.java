package com.eucimageupdater.drift;

import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.RunSettings;

/**
 * One place to survey, with the run's settings (passed once for every place).
 *
 * @param place the account and Region
 * @param rows how many fleets and bundles, and unused images, the survey lists: the drift report's share of the
 *             execution's data per place; 0 for the monthly mail's section, which only counts
 */
public record SurveyRequest(Location place, RunSettings run, int rows) {}
