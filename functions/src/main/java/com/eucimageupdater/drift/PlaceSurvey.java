package com.eucimageupdater.drift;

import com.eucimageupdater.model.Service;
import java.util.List;

/**
 * Where the fleets and bundles of one account and Region stand: counted in full, listed only up to the run's rows, the
 * ones that need attention first, so that many places with many fleets keep the execution's data small.
 *
 * @param targets the fleets and bundles listed, at most the survey's rows
 * @param targetsLeftOut the fleets and bundles counted but not listed
 * @param unused the pipeline's images that nothing here uses, at most the survey's rows
 * @param unusedLeftOut the unused images counted but not listed
 * @param error why the place could not be surveyed (the state machine's caught error), else null
 */
public record PlaceSurvey(String account, String region, Counts counts, List<SurveyedTarget> targets, int targetsLeftOut,
        List<UnusedImage> unused, int unusedLeftOut, Object error) {

    public PlaceSurvey {
        targets = targets == null ? List.of() : List.copyOf(targets);
        unused = unused == null ? List.of() : List.copyOf(unused);
        counts = counts == null ? new Counts(0, 0, 0, 0, 0, 0, 0, 0) : counts;
    }

    /**
     * @param old fleets and bundles on an image older than {@link DriftSurveyor#OLD_AFTER_DAYS}
     * @param updates those whose image AWS has an update for
     * @param pastSupport those whose platform's support has ended
     * @param nearSupport those whose platform's support ends within {@link DriftSurveyor#NEAR_SUPPORT_END_DAYS}
     * @param unused the pipeline's images nothing uses
     */
    public record Counts(int fleets, int bundles, int workspaces, int old, int updates, int pastSupport, int nearSupport, int unused) {}

    /**
     * One fleet or bundle.
     *
     * @param service APPSTREAM for a fleet, WORKSPACES for a bundle
     * @param ageDays days from the image's creation to the run's date; null when AWS gave no creation time
     * @param update "AVAILABLE", "NONE", or "NOT_CHECKED" (an image the account does not own)
     * @param supportEnds the platform's last day of support (ISO date) where it is published, else null
     * @param workspaces the WorkSpaces launched from a bundle; null for a fleet
     * @param rebuilds a listed bundle's WorkSpaces by the updater's rebuild tag, in a drift report; else null
     */
    public record SurveyedTarget(Service service, String name, String image, Integer ageDays, String update, String platform,
            String supportEnds, Integer workspaces, Rebuilds rebuilds) {

        SurveyedTarget withRebuilds(Rebuilds counted) {
            return new SurveyedTarget(service, name, image, ageDays, update, platform, supportEnds, workspaces, counted);
        }
    }

    /**
     * A bundle's WorkSpaces by their tag {@code euc-image-updater:rebuilt}, the image the updater rebuilt each onto: the API
     * does not say which image a WorkSpace runs, so an untagged one is only "not rebuilt by the updater".
     *
     * @param onImage tagged with the bundle's image
     * @param otherImage tagged with another image: not yet on the bundle's image
     * @param untagged not rebuilt by the updater
     * @param unread not read, the survey's tag reads being used up: the counts are partial
     */
    public record Rebuilds(int onImage, int otherImage, int untagged, int unread) {}

    /** One of the pipeline's images that no fleet, bundle or image builder uses. */
    public record UnusedImage(Service service, String image, Integer ageDays) {}
}
