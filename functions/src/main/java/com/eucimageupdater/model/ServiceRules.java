package com.eucimageupdater.model;

/**
 * What one service's API accepts for its images and roll-out targets, and how the pipeline names what it makes
 * there: the one home of each service's rules, checked before any AWS call. {@link Service#rules()} gives it.
 */
public abstract class ServiceRules {
    private final String target;
    private final boolean sourcesAreNamed;
    private final int descriptionMax;

    protected ServiceRules(String target, boolean sourcesAreNamed, int descriptionMax) {
        this.target = target;
        this.sourcesAreNamed = sourcesAreNamed;
        this.descriptionMax = descriptionMax;
    }

    /** @return why {@code image} cannot be a source of this service, or null when it can */
    public abstract String imageProblem(String image);

    public abstract String displayNameProblem(String displayName);

    public abstract String descriptionProblem(String description);

    public final int descriptionMax() {
        return descriptionMax;
    }

    /** The updated image's name: deterministic per source and run date, within the API's pattern and length. */
    public abstract String newImageName(String sourceName, String runDate);

    /**
     * Whether sources are given by the name the new image's name derives from (AppStream), so that two sources
     * claiming the same new name can be refused at plan; WorkSpaces sources are ids whose names come from AWS.
     */
    public final boolean sourcesAreNamed() {
        return sourcesAreNamed;
    }

    /** What a roll-out target is called: "fleet" or "bundle", also the input field naming one as the source. */
    public final String target() {
        return target;
    }

    /** The input fields listing staging and production targets: "stagingFleets" and "fleets", or the bundles'. */
    public final String stagingField() {
        return "staging" + Character.toUpperCase(target.charAt(0)) + target.substring(1) + "s";
    }

    public final String productionField() {
        return target + "s";
    }

    /** @return why {@code target} cannot be a fleet or bundle id of this service, or null when it can */
    public abstract String targetProblem(String target);

    /**
     * What the admin should know once a target takes a new image, for the mail.
     *
     * @param rebuiltInWaves whether the run rebuilds the target's existing WorkSpaces onto the image after the move
     */
    public abstract String afterMove(Target target, boolean rebuiltInWaves);
}
