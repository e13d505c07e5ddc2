package com.eucimageupdater.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How the gate between staging and approval checks one image: how long it may take, as the plan resolved it (the
 * item's own {@code validationTimeoutMinutes}, else the deployment's) and the poll count that bounds its wait loop.
 *
 * @param timeoutMinutes how long the staged targets have to pass, from the first check; 0 before the plan resolves it
 * @param maxPolls the wait loop's bound: how many checks fit in the timeout at the run's poll interval
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record StagingGate(int timeoutMinutes, int maxPolls) {

    /** An item's own timeout, whose poll count the plan works out. */
    public static StagingGate requested(int timeoutMinutes) {
        return new StagingGate(timeoutMinutes, 0);
    }
}
