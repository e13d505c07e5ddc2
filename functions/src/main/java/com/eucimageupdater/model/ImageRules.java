package com.eucimageupdater.model;

import java.util.regex.Pattern;

/** The tag constraints both APIs share (from their models); each service's own rules are in its {@link ServiceRules}. */
public final class ImageRules {
    /** Both services take at most 50 tags; the pipeline adds its own {@link PipelineTags#COUNT}. */
    public static final int MAX_TAGS = 50;
    /** The stricter of both services' limits (WorkSpaces: key 127, value 255). */
    public static final int TAG_KEY_MAX = 127;
    public static final int TAG_VALUE_MAX = 255;
    public static final Pattern TAG_TEXT = Pattern.compile("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$");

    private ImageRules() {}

    /** Characters as AWS counts them: a letter outside the Basic Multilingual Plane is one, not two. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
