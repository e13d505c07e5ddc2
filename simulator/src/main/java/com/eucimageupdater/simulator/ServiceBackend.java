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

    /**
     * Refuses a request that names a resource (an ARN) of another account than the caller's, or of another Region
     * than the one it was signed for, as IAM does; AWS's own resources (no account in the ARN) are everyone's.
     */
    default void authorize(String operation, JsonNode request, Caller caller) {
        for (String arn : ResourceArns.in(model(), operation, request)) {
            String[] parts = arn.split(":", 6);
            boolean otherRegion = !parts[3].isEmpty() && !parts[3].equals(caller.region());
            boolean otherAccount = !parts[4].isEmpty() && !parts[4].equals(caller.account());
            if (otherRegion || otherAccount && !sharedWithThisAccount(arn)) {
                throw notAuthorized(caller, operation, arn);
            }
        }
    }

    /** Whether {@code arn} is another account's resource shared with this one (which may then use it). */
    default boolean sharedWithThisAccount(String arn) {
        return false;
    }

    /** The refusal of {@code operation} on {@code resource}, in the real wording. */
    default ServiceError notAuthorized(Caller caller, String operation, String resource) {
        return ServiceError.of(model(), "AccessDeniedException", "User: " + caller.arn() + " is not authorized to perform: "
                + model().service() + ":" + operation + " on resource: " + resource);
    }

    /** Answers a valid, authorized request of {@code caller}, or throws the service's {@link ServiceError}. */
    JsonNode handle(String operation, JsonNode request, Caller caller);

    /** The error that a request breaking the model's constraints gets. */
    default String validationErrorType() {
        return "ValidationException";
    }
}
