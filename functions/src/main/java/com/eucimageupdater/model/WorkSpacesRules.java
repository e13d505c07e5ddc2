package com.eucimageupdater.model;

import java.util.regex.Pattern;

/** WorkSpaces: images and bundles are given by id; images have no display name; descriptions are required. */
public final class WorkSpacesRules extends ServiceRules {
    static final Pattern IMAGE_ID = Pattern.compile("^wsi-[0-9a-z]{9,63}$");
    static final Pattern BUNDLE_ID = Pattern.compile("^wsb-[0-9a-z]{8,63}$");
    static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_./()\\-]+$");
    static final int NAME_MAX = 64;
    static final Pattern DESCRIPTION = Pattern.compile("^[a-zA-Z0-9_./() -]+$");
    public static final int DESCRIPTION_MAX = 256;
    private static final Pattern NOT_NAME_CHAR = Pattern.compile("[^a-zA-Z0-9_./()\\-]+");

    WorkSpacesRules() {
        super("bundle", false, DESCRIPTION_MAX);
    }

    @Override
    public String imageProblem(String image) {
        return IMAGE_ID.matcher(image).matches() ? null : "\"" + image + "\" is not a WorkSpaces image id: 'wsi-' then 9-63 lowercase"
                + " letters or digits (WorkSpaces images are given by id, not name)";
    }

    @Override
    public String displayNameProblem(String displayName) {
        return "WorkSpaces images have no display name; remove it or use description";
    }

    @Override
    public String descriptionProblem(String description) {
        int length = ImageRules.length(description);
        if (length > DESCRIPTION_MAX) {
            return "must be 1-" + DESCRIPTION_MAX + " characters, got " + length;
        }
        return DESCRIPTION.matcher(description).matches() ? null : "WorkSpaces descriptions may contain only letters, digits, spaces"
                + " and _ . / ( ) - (no colon, so no timestamps), got \"" + description + "\"";
    }

    @Override
    public String newImageName(String sourceName, String runDate) {
        String base = NOT_NAME_CHAR.matcher(ImageNames.baseOf(sourceName)).replaceAll("-");
        return ImageNames.join(base.isEmpty() ? "image" : base, runDate, NAME_MAX);
    }

    @Override
    public String targetProblem(String target) {
        return BUNDLE_ID.matcher(target).matches() ? null : "\"" + target + "\" is not a WorkSpaces bundle id: 'wsb-' then 8-63"
                + " lowercase letters or digits";
    }

    @Override
    public String afterMove(Target bundle, boolean rebuiltInWaves) {
        if (bundle.users() == 0) {
            return "new WorkSpaces from this bundle get the image";
        }
        return bundle.users() + (rebuiltInWaves ? " existing WorkSpaces are rebuilt onto it in waves (see the rebuilds below)"
                : " existing WorkSpaces keep their image until rebuilt or recreated") + "; new ones get the new image";
    }
}
