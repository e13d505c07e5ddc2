package com.eucimageupdater.images;

import java.util.regex.Pattern;

/** The tag constraints both APIs share (from their models); each service's own rules are in its {@link ServiceRules}. */
final class ImageRules {
    /** Both services take at most 50 tags; the pipeline adds its own {@link PipelineTags#COUNT}. */
    static final int MAX_TAGS = 50;
    /** The stricter of both services' limits (WorkSpaces: key 127, value 255). */
    static final int TAG_KEY_MAX = 127;
    static final int TAG_VALUE_MAX = 255;
    static final Pattern TAG_TEXT = Pattern.compile("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$");

    private ImageRules() {}
}
