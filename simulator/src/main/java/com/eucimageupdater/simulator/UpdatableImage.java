package com.eucimageupdater.simulator;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an AppStream and a WorkSpaces image have alike: a name and description, when it was made, its tags and state,
 * whether an update is available for it, and, while it is itself an update, the build that makes it. How a describe
 * shows it is the service's.
 */
abstract class UpdatableImage {
    final String name;
    final String description;
    final Instant created;
    /** How updates made from this image turn out. */
    final Scenario.Build buildSpec;
    final Map<String, String> tags = new TreeMap<>();
    String state;
    boolean updateAvailable;
    /** The image this one is an update of, while it builds: its update is cleared once this one is AVAILABLE. */
    UpdatableImage source;
    ImageBuild build;
    /** When its update failed; its describe then carries the error. */
    Instant failedAt;
    DescribeLag lag;

    UpdatableImage(String name, String description, Instant created, Scenario.Build buildSpec) {
        this.name = name;
        this.description = description;
        this.created = created;
        this.buildSpec = buildSpec;
    }

    /** What the account finds it by: its name, unless the service gives images ids (WorkSpaces). */
    String key() {
        return name;
    }

    /** {@code copy}, as an account this image is shared with sees it: in its state now, and to every describe at once. */
    final <I extends UpdatableImage> I sharedAs(I copy) {
        copy.state = state;
        copy.lag = new DescribeLag(0);
        return copy;
    }
}
