package com.eucimageupdater.images;

import java.util.regex.Pattern;

/** The request constraints of both APIs (from their models), which the SDK does not check on the client. */
final class ImageRules {
    static final Pattern APPSTREAM_NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$");
    static final int APPSTREAM_NAME_MAX = 101;
    static final int APPSTREAM_DISPLAY_NAME_MAX = 100;
    static final int APPSTREAM_DESCRIPTION_MAX = 256;

    static final Pattern WORKSPACES_IMAGE_ID = Pattern.compile("^wsi-[0-9a-z]{9,63}$");
    static final Pattern WORKSPACES_NAME = Pattern.compile("^[a-zA-Z0-9_./()\\-]+$");
    static final int WORKSPACES_NAME_MAX = 64;
    static final Pattern WORKSPACES_DESCRIPTION = Pattern.compile("^[a-zA-Z0-9_./() -]+$");
    static final int WORKSPACES_DESCRIPTION_MAX = 256;

    /** Both services take at most 50 tags; the pipeline adds its own {@link PipelineTags#COUNT}. */
    static final int MAX_TAGS = 50;
    /** The stricter of both services' limits (WorkSpaces: key 127, value 255). */
    static final int TAG_KEY_MAX = 127;
    static final int TAG_VALUE_MAX = 255;
    static final Pattern TAG_TEXT = Pattern.compile("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$");

    private ImageRules() {}
}
