package com.eucimageupdater.model;

/**
 * What one service's API accepts for its images and roll-out targets, and how the pipeline names what it makes
 * there: the one home of each service's rules, checked before any AWS call. {@link Service#rules()} gives it.
 */
public interface ServiceRules {

    /** @return why {@code image} cannot be a source of this service, or null when it can */
    String imageProblem(String image);

    String displayNameProblem(String displayName);

    String descriptionProblem(String description);

    int descriptionMax();

    /** The updated image's name: deterministic per source and run date, within the API's pattern and length. */
    String newImageName(String sourceName, String runDate);

    /**
     * Whether sources are given by the name the new image's name derives from (AppStream), so that two sources
     * claiming the same new name can be refused at plan; WorkSpaces sources are ids whose names come from AWS.
     */
    boolean sourcesAreNamed();

    /** What a roll-out target is called: "fleet" or "bundle", also the input field naming one as the source. */
    String target();

    /** The input fields listing staging and production targets. */
    String stagingField();

    String productionField();

    /** @return why {@code target} cannot be a fleet or bundle id of this service, or null when it can */
    String targetProblem(String target);

    /** What the admin should know once a target takes a new image, for the mail. */
    String afterMove(Target target);
}
