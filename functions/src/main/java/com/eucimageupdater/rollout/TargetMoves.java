package com.eucimageupdater.rollout;

import com.eucimageupdater.model.Target;
import java.util.Map;

/** What moving fleets or bundles to an image needs of a service in one account and Region: staging, production, rollback. */
public interface TargetMoves extends TargetChecks {

    /**
     * Points the fleet or bundle, as just described, at the image; one already there is left as it is.
     *
     * @return whether AWS moved it on this call (false: it already used the image)
     */
    boolean moveTarget(Target target, String image);

    /**
     * Records on the image, once per target, which image each target used before: the rollback's record; and, for a
     * production roll-out, the execution that rolls it out. A record made by an earlier attempt wins (the target may
     * already be on the new image by now).
     *
     * @param rolledOutBy the execution rolling the image out to production, or null for staging
     * @return target to previous image, as recorded
     */
    Map<String, String> recordPrevious(String image, Map<String, String> previousByTarget, String rolledOutBy);
}
