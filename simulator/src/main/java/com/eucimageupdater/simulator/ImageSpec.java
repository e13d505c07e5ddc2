package com.eucimageupdater.simulator;

import java.util.Map;

/** What a scenario says of any image, AppStream's or WorkSpaces': the parts an {@link ImageCatalog} loads alike. */
interface ImageSpec {
    String state();

    boolean updateAvailable();

    Map<String, String> tags();

    int hiddenForDescribes();

    /** When its update failed (ISO-8601), if it did. */
    String failedAt();

    /** The update it is, still building when a state was saved; null for none. */
    Scenario.Building building();
}
