package com.eucimageupdater.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How the gate between staging and approval checks one image: how long it may take, as the plan resolved it (the
 * item's own {@code validationTimeoutMinutes}, else the deployment's), the poll count that bounds its wait loop, and
 * the item's optional streaming check.
 *
 * @param timeoutMinutes how long the staged targets have to pass, from the first check; 0 until the plan resolves it
 * @param maxPolls the wait loop's bound: how many checks fit in the timeout at the run's poll interval; 0 until planned
 * @param streamingCheck a CreateStreamingURL that must succeed once the fleets pass; null for none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record StagingGate(int timeoutMinutes, int maxPolls, StreamingCheck streamingCheck) {

    /** An item's own settings, whose timeout (0: the deployment's) and poll count the plan works out. */
    public static StagingGate requested(int timeoutMinutes, StreamingCheck streamingCheck) {
        return new StagingGate(timeoutMinutes, 0, streamingCheck);
    }

    /** Bounded as planned, with the item's streaming check. */
    public StagingGate planned(int minutes, int polls) {
        return new StagingGate(minutes, polls, streamingCheck);
    }
}
