package com.eucimageupdater.drift;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What the drift survey reads of one service in one account and Region; it changes nothing. */
public interface SurveyPort {

    /**
     * A fleet or bundle the account owns and the image it uses, as AWS describes them.
     *
     * @param imageCreated the image's creation time, null when AWS does not say (an image no longer there)
     * @param platform the image's platform (AppStream) or its WorkSpaces' operating system (WorkSpaces), null when unknown
     * @param updateAvailable AWS's answer to the run's own check, made dry; null for an image the account does not own,
     *                        which managed updates cannot update
     * @param workspaceIds the WorkSpaces launched from a bundle, by id; null for a fleet
     */
    record ImageUse(String target, String image, Instant imageCreated, String platform, Boolean updateAvailable,
            List<String> workspaceIds) {

        /** How many WorkSpaces were launched from a bundle; null for a fleet. */
        Integer workspaces() {
            return workspaceIds == null ? null : workspaceIds.size();
        }
    }

    /** An image this pipeline made (its tags say so), and when. */
    record MadeImage(String image, Instant created) {}

    /**
     * Every fleet (AppStream; an Elastic fleet runs no image and is left out) or bundle (WorkSpaces) the account owns
     * here, every list paged through.
     *
     * @param runDate the run's date, which names the image a dry run would create
     */
    List<ImageUse> targets(String runDate);

    /** The images this pipeline made here, found by its tags. */
    List<MadeImage> pipelineImages();

    /** The images something else runs here (AppStream's image builders); none for WorkSpaces. */
    Set<String> usedByOthers();
}
