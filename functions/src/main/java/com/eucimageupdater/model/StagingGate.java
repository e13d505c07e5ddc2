package com.eucimageupdater.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How the gate between staging and approval checks one image: how long it may take, as the plan resolved it (the
 * item's own {@code validationTimeoutMinutes}, else the deployment's), the poll count that bounds its wait loop, the
 * item's optional streaming check and its canary WorkSpaces.
 *
 * @param timeoutMinutes how long the staged targets have to pass, from the first check; 0 until the plan resolves it
 * @param maxPolls the wait loop's bound: how many checks fit in the timeout at the run's poll interval; 0 until planned
 * @param streamingCheck a CreateStreamingURL that must succeed once the fleets pass; null for none
 * @param canaryWorkspaces WorkSpaces of a staging bundle, each rebuilt once from it and back AVAILABLE; empty for none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record StagingGate(int timeoutMinutes, int maxPolls, StreamingCheck streamingCheck, List<String> canaryWorkspaces) {

    public StagingGate {
        canaryWorkspaces = canaryWorkspaces == null ? List.of() : List.copyOf(canaryWorkspaces);
    }

    /** A gate without canaries. */
    public StagingGate(int timeoutMinutes, int maxPolls, StreamingCheck streamingCheck) {
        this(timeoutMinutes, maxPolls, streamingCheck, List.of());
    }

    /** An item's own settings, whose timeout (0: the deployment's) and poll count the plan works out. */
    public static StagingGate requested(int timeoutMinutes, StreamingCheck streamingCheck, List<String> canaryWorkspaces) {
        return new StagingGate(timeoutMinutes, 0, streamingCheck, canaryWorkspaces);
    }

    /** Bounded as planned, with the item's streaming check and canaries. */
    public StagingGate planned(int minutes, int polls) {
        return new StagingGate(minutes, polls, streamingCheck, canaryWorkspaces);
    }
}
