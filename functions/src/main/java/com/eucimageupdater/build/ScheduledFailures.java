package com.eucimageupdater.build;

import com.eucimageupdater.model.FailureStreak;
import com.eucimageupdater.model.ImageUpdateException;

/** The count of a lineage's failed scheduled months, kept as a tag on its source image: read by the resolve step, kept by the summary. */
public interface ScheduledFailures {

    /**
     * The streak the source image's tags record.
     *
     * @throws ImageUpdateException when the image cannot be read, saying why
     */
    FailureStreak streakOf(String source);

    /** Records the streak on the source image (TagResource, CreateTags), replacing what it recorded. */
    void record(String source, FailureStreak streak);
}
