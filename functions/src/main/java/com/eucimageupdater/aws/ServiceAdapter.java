package com.eucimageupdater.aws;

import com.eucimageupdater.build.ImageBuilds;
import com.eucimageupdater.build.ScheduledFailures;
import com.eucimageupdater.distribute.Distributor;
import com.eucimageupdater.drift.SurveyPort;
import com.eucimageupdater.retire.LineageRetirement;
import com.eucimageupdater.rollback.RolloutRecords;
import com.eucimageupdater.rollout.TargetMoves;
import com.eucimageupdater.validate.StagedTargets;

/**
 * One service's adapter in one account and Region: every step's port, each of which {@link ImageServices} hands out on
 * its own. The handlers and the state machine never fork per service except through these ports.
 */
public interface ServiceAdapter extends ImageBuilds, TargetMoves, Distributor, LineageRetirement, RolloutRecords, ScheduledFailures,
        StagedTargets {

    /** The drift survey's port over the same client: a new one per survey, which reads the account's images once. */
    SurveyPort survey();
}
