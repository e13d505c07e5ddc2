package com.eucimageupdater.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the AppStream and WorkSpaces backends share: the place (an account in a Region) whose images they hold, the
 * organization around it, and the table of their operations, to which each resource (images, fleets, bundles,
 * distribution) adds those it answers. An operation is answered under this backend's lock, unless it reaches another
 * place (a copy, a share): then it holds this backend's lock and the other's one after the other, never both, so that
 * two places reaching each other cannot deadlock.
 */
abstract class ImageServiceBackend implements ServiceBackend {
    final String region;
    final String accountId;
    final Clock clock;
    /** The other places, for copies to another Region and shares with another account. */
    final Organization organization;
    /** How many items a describe answers when the request does not say. */
    final int pageSize;
    private final ServiceModel model;
    private final Map<String, Operation> operations = new HashMap<>();

    private record Operation(Predicate<JsonNode> mutating, boolean reachesOtherPlaces, Function<JsonNode, JsonNode> answer) {}

    ImageServiceBackend(String service, Scenario.Location location, Integer pageSize, Clock clock, Organization organization) {
        this.model = ServiceModel.of(service);
        this.region = location.region();
        this.accountId = location.accountId();
        this.pageSize = Objects.requireNonNullElse(pageSize, 25);
        this.clock = clock;
        this.organization = organization;
    }

    /** An operation that only reads this place. */
    final void reads(String operation, Function<JsonNode, JsonNode> answer) {
        operations.put(operation, new Operation(request -> false, false, answer));
    }

    /** An operation that changes this place. */
    final void changes(String operation, Function<JsonNode, JsonNode> answer) {
        changes(operation, request -> true, answer);
    }

    /** An operation that changes this place when {@code mutating} says the request asks for a change. */
    final void changes(String operation, Predicate<JsonNode> mutating, Function<JsonNode, JsonNode> answer) {
        operations.put(operation, new Operation(mutating, false, answer));
    }

    /** An operation that changes another place too, taking each place's lock in turn itself. */
    final void changesAcrossPlaces(String operation, Function<JsonNode, JsonNode> answer) {
        operations.put(operation, new Operation(request -> true, true, answer));
    }

    @Override
    public final ServiceModel model() {
        return model;
    }

    @Override
    public final Set<String> operations() {
        return Collections.unmodifiableSet(operations.keySet());
    }

    @Override
    public final boolean isMutating(String operation, JsonNode request) {
        Operation known = operations.get(operation);
        return known != null && known.mutating().test(request);
    }

    @Override
    public final JsonNode handle(String operation, JsonNode request, Caller caller) {
        Operation known = operations.get(operation);
        if (known == null) {
            throw new IllegalArgumentException("Not an operation of " + model.service() + ": " + operation);
        }
        if (known.reachesOtherPlaces()) {
            return known.answer().apply(request);
        }
        synchronized (this) {
            return known.answer().apply(request);
        }
    }

    final ServiceError error(String type, String message) {
        return ServiceError.of(model, type, message);
    }
}
