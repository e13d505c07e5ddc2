package com.eucimageupdater.retire;

import java.util.List;
import java.util.Set;

/** What the retire step needs of a service in one account and Region. */
public interface LineageRetirement {

    /**
     * Retention for one lineage: decides with {@link RetentionPolicy} and, when {@code apply}, deletes.
     *
     * @param spare images never deleted in this run (its sources and new images)
     * @param previous images the roll-out moved targets away from, kept for a rollback
     */
    List<RetentionPolicy.Decision> retire(String lineage, RetentionPolicy.Keep keep, Set<String> spare, Set<String> previous,
            boolean apply);
}
