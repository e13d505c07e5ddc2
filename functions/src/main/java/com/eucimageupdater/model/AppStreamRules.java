package com.eucimageupdater.model;

import java.util.regex.Pattern;

/** AppStream 2.0 (WorkSpaces Applications): images and fleets are named; images carry a display name. */
public final class AppStreamRules extends ServiceRules {
    static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$");
    static final int NAME_MAX = 101;
    public static final int DISPLAY_NAME_MAX = 100;
    public static final int DESCRIPTION_MAX = 256;
    private static final Pattern RESERVED_PREFIX = Pattern.compile("^(?i)(amazon|aws|appstream)");
    private static final Pattern NOT_NAME_CHAR = Pattern.compile("[^a-zA-Z0-9_.-]+");

    AppStreamRules() {
        super("fleet", true, DESCRIPTION_MAX);
    }

    @Override
    public String imageProblem(String image) {
        return NAME.matcher(image).matches() ? null : "\"" + image + "\" is not an AppStream image name: 1-101 letters, digits, '_', '.'"
                + " or '-', starting with a letter or digit (no spaces or colons)";
    }

    @Override
    public String displayNameProblem(String displayName) {
        int length = ImageRules.length(displayName);
        return length <= DISPLAY_NAME_MAX ? null : "must be at most " + DISPLAY_NAME_MAX + " characters, got " + length;
    }

    @Override
    public String descriptionProblem(String description) {
        int length = ImageRules.length(description);
        return length <= DESCRIPTION_MAX ? null : "must be at most " + DESCRIPTION_MAX + " characters, got " + length;
    }

    /** AppStream refuses names that start with Amazon, AWS or AppStream, or with punctuation. */
    @Override
    public String newImageName(String sourceName, String runDate) {
        String base = NOT_NAME_CHAR.matcher(ImageNames.baseOf(sourceName)).replaceAll("-");
        if (base.isEmpty() || RESERVED_PREFIX.matcher(base).find() || !Character.isLetterOrDigit(base.charAt(0))) {
            base = "img-" + base;
        }
        return ImageNames.join(base, runDate, NAME_MAX);
    }

    @Override
    public String targetProblem(String target) {
        return NAME.matcher(target).matches() ? null : "\"" + target + "\" is not an AppStream fleet name: 1-101 letters, digits, '_',"
                + " '.' or '-', starting with a letter or digit";
    }

    @Override
    public String afterMove(Target fleet, boolean rebuiltInWaves) {
        return "RUNNING".equals(fleet.state()) ? "sessions in progress are not interrupted; instances are replaced as their sessions end"
                : "takes the image when it next starts";
    }
}
