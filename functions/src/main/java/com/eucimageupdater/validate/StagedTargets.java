package com.eucimageupdater.validate;

/** What the gate after staging needs of a service in one account and Region: each staged fleet or bundle as AWS reports it now. */
public interface StagedTargets {

    /**
     * @throws com.eucimageupdater.model.ImageUpdateException when the fleet or bundle no longer exists
     */
    TargetHealth health(String target);
}
