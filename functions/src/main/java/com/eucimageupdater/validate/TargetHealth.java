package com.eucimageupdater.validate;

import java.util.List;

/**
 * A staged fleet or bundle as its describe call answered.
 *
 * @param kind "fleet" or "bundle", as the mail names it
 * @param image the image it reports (AppStream: name; WorkSpaces: id)
 * @param state the fleet's State (STARTING, RUNNING, STOPPING, STOPPED), the bundle's State
 * @param errors the fleet's FleetErrors; empty for a bundle
 * @param capacity the fleet's ComputeCapacityStatus; null for a bundle, which has none
 */
public record TargetHealth(String kind, String name, String image, String state, List<FleetError> errors, Capacity capacity) {

    public TargetHealth {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** One of a fleet's FleetErrors, as AWS words it. */
    public record FleetError(String code, String message) {}

    /** A fleet's ComputeCapacityStatus: instances wanted, running, and running without a session. */
    public record Capacity(int desired, int running, int available) {}
}
