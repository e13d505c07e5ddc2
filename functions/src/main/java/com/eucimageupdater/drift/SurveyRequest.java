package com.eucimageupdater.drift;

import com.eucimageupdater.model.Location;
import com.eucimageupdater.model.RunSettings;

/**
 * One place to survey, with the run's settings (passed once for every place): a drift report's say how many fleets and
 * bundles each place lists ({@link RunSettings#surveyRows()}); any other run's list none, for the mail's section counts only.
 *
 * @param place the account and Region
 */
public record SurveyRequest(Location place, RunSettings run) {

    /** How many fleets and bundles, and unused images, the survey lists. */
    int rows() {
        return run.surveyRows() == null ? 0 : Math.max(0, run.surveyRows());
    }
}
