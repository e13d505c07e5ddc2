package com.eucimageupdater.simulator;

import java.util.List;
import java.util.Objects;

/**
 * What an AppStream fleet reports once UpdateFleet moves it to another image, for the gate after staging: the
 * FleetErrors its new instances raise, how many instances come up, and how many describes show them still being replaced.
 *
 * @param fleetErrors the fleet's {@code FleetErrors} from then on, each {@code errorCode} a FleetErrorCode of the model
 * @param available instances running and available from then on (at most the desired count); null: every desired instance
 * @param replacingDescribes the first N DescribeFleets after the move show no instance running or available
 */
public record FleetAfterMove(List<FleetError> fleetErrors, Integer available, int replacingDescribes) {

    public FleetAfterMove {
        fleetErrors = fleetErrors == null ? List.of() : List.copyOf(fleetErrors);
        if (available != null) {
            ScenarioRules.notNegative("afterMove.available", available);
        }
        ScenarioRules.notNegative("afterMove.replacingDescribes", replacingDescribes);
    }

    /** One of {@code FleetErrors}: a code of the model's FleetErrorCode enum and AWS's message. */
    public record FleetError(String errorCode, String errorMessage) {
        public FleetError {
            ScenarioRules.oneOf("afterMove.fleetErrors errorCode", Objects.requireNonNull(errorCode, "a fleet error needs an errorCode"),
                    ServiceModel.APPSTREAM, "FleetErrorCode");
            errorMessage = Objects.requireNonNullElse(errorMessage, "");
        }
    }
}
