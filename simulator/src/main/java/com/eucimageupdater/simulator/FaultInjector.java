package com.eucimageupdater.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Random;

/**
 * Faults the scenario asks for, checked after validation and before the service acts, so that a faulted
 * call changes nothing: random throttling and server errors drawn from a generator seeded with the
 * scenario seed (one draw per selected call, so a run is reproducible in order), then scripted errors.
 */
final class FaultInjector {
    private final Scenario.Faults faults;
    private final Random random;
    private final List<Script> scripts;

    FaultInjector(Scenario.Location scenario) {
        this.faults = scenario.faults();
        this.random = new Random(scenario.seed());
        this.scripts = scenario.errors().stream().map(Script::new).toList();
    }

    synchronized void inject(ServiceModel model, String operation, JsonNode request, boolean mutating) {
        if (faults.faultOperations().isEmpty() || faults.faultOperations().contains(operation)) {
            double draw = random.nextDouble();
            if (draw < faults.throttleRate()) {
                // Query services (SNS) send the code Throttling; JSON ones ThrottlingException. The SDK retries both.
                throw ServiceError.of(model, model.isQueryProtocol() ? "Throttling" : "ThrottlingException", "Rate exceeded");
            }
            if (draw < faults.throttleRate() + faults.serverErrorRate()) {
                // The lower half of the server-error band is a 500, the upper half a 503.
                throw draw < faults.throttleRate() + faults.serverErrorRate() / 2
                        ? ServiceError.of(model, "InternalFailure", "The request processing has failed because of an unknown error, exception or failure.")
                        : ServiceError.of(model, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.");
            }
        }
        answerScripted(model, operation, request, mutating, false);
    }

    /** Scripted errors answered after the call took effect: its response is lost on the way back. */
    synchronized void injectAfterEffect(ServiceModel model, String operation, JsonNode request, boolean mutating) {
        answerScripted(model, operation, request, mutating, true);
    }

    private void answerScripted(ServiceModel model, String operation, JsonNode request, boolean mutating, boolean afterEffect) {
        for (Script script : scripts) {
            if (script.error.afterEffect() == afterEffect && script.matches(model.service(), operation, request, mutating)
                    && script.take()) {
                throw ServiceError.of(model, script.error.type(), script.error.message());
            }
        }
    }

    private static final class Script {
        private final Scenario.ScriptedError error;
        /** Answers left; null for always. */
        private Integer remaining;

        Script(Scenario.ScriptedError error) {
            this.error = error;
            this.remaining = error.times();
        }

        boolean matches(String service, String operation, JsonNode request, boolean mutating) {
            return error.service().equals(service) && error.operation().equals(operation)
                    && (mutating || !error.mutatingOnly())
                    && (error.image() == null || mentions(request, error.image()));
        }

        boolean take() {
            if (remaining == null) {
                return true;
            }
            if (remaining == 0) {
                return false;
            }
            remaining--;
            return true;
        }

        /** Whether any value in the request is the image: its name or id, or an ARN ending in it. */
        private static boolean mentions(JsonNode node, String image) {
            if (node.isTextual()) {
                return node.asText().equals(image) || node.asText().endsWith("/" + image);
            }
            for (JsonNode child : node) {
                if (mentions(child, image)) {
                    return true;
                }
            }
            return false;
        }
    }
}
