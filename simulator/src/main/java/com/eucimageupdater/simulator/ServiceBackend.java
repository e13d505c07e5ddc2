package com.eucimageupdater.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** One simulated service: its model, the operations it answers and its state, kept in memory. */
interface ServiceBackend {
    ServiceModel model();

    Set<String> operations();

    /** Whether the request asks for a change (recorded with the call whatever the answer). */
    boolean isMutating(String operation, JsonNode request);

    /** Documented rules of the service that its model cannot express; throws a {@link ServiceError}. */
    void checkRules(String operation, JsonNode request);

    /** Answers a valid request, or throws the service's {@link ServiceError}. */
    JsonNode handle(String operation, JsonNode request);

    /** The error that a request breaking the model's constraints gets. */
    default String validationErrorType() {
        return "ValidationException";
    }
}
