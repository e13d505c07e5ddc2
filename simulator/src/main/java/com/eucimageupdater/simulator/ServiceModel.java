package com.eucimageupdater.simulator;

import static java.util.Map.entry;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One AWS API model, the service-2.json the SDKs are generated from (copied unchanged into
 * {@code aws-models/}): the truth for operations, request constraints and error shapes.
 */
final class ServiceModel {
    static final String APPSTREAM = "appstream";
    static final String WORKSPACES = "workspaces";
    static final String SNS = "sns";
    static final String STS = "sts";
    static final String EVENTS = "events";
    static final String SSM = "ssm";
    static final List<String> SERVICES = List.of(APPSTREAM, WORKSPACES, SNS, STS, EVENTS, SSM);

    private static final Map<String, String> RESOURCES = Map.of(
            APPSTREAM, "/aws-models/appstream-2016-12-01.json",
            WORKSPACES, "/aws-models/workspaces-2015-04-08.json",
            SNS, "/aws-models/sns-2010-03-31.json",
            STS, "/aws-models/sts-2011-06-15.json",
            EVENTS, "/aws-models/events-2015-10-07.json",
            SSM, "/aws-models/ssm-2014-11-06.json");

    /**
     * Errors any AWS API may answer although its model does not list them (the AWS "Common errors" page), the
     * JSON protocol's own unknown-operation and unreadable-body errors, and the credential errors: a token AWS does
     * not know (UnrecognizedClientException in JSON services, InvalidClientTokenId in query ones) or one that has
     * expired (ExpiredTokenException / ExpiredToken), and IAM's and STS's AccessDenied.
     */
    private static final Map<String, Integer> COMMON_ERRORS = Map.ofEntries(
            entry("AccessDeniedException", 400), entry("AccessDenied", 403), entry("UnrecognizedClientException", 403),
            entry("ExpiredTokenException", 400), entry("ExpiredToken", 400), entry("IncompleteSignature", 400), entry("InternalFailure", 500),
            entry("InvalidAction", 400), entry("InvalidClientTokenId", 403), entry("NotAuthorized", 400),
            entry("OptInRequired", 403), entry("RequestExpired", 400), entry("ServiceUnavailable", 503),
            entry("ThrottlingException", 400), entry("Throttling", 400), entry("ValidationError", 400),
            entry("ValidationException", 400), entry("UnknownOperationException", 400),
            entry("SerializationException", 400));

    private static final Map<String, ServiceModel> LOADED = new ConcurrentHashMap<>();

    private record ErrorShape(String code, int httpStatus) {}

    private final String service;
    private final JsonNode model;
    /** By shape name and by wire code (they differ in query services: NotFoundException is sent as NotFound). */
    private final Map<String, ErrorShape> errors = new HashMap<>();

    private ServiceModel(String service, JsonNode model) {
        this.service = service;
        this.model = model;
        COMMON_ERRORS.forEach((code, status) -> errors.put(code, new ErrorShape(code, status)));
        model.get("shapes").fields().forEachRemaining(shape -> {
            if (shape.getValue().path("exception").asBoolean()) {
                JsonNode error = shape.getValue().path("error");
                ErrorShape errorShape = new ErrorShape(error.path("code").asText(shape.getKey()),
                        error.path("httpStatusCode").asInt(400));
                errors.put(shape.getKey(), errorShape);
                errors.put(errorShape.code(), errorShape);
            }
        });
    }

    static ServiceModel of(String service) {
        if (!RESOURCES.containsKey(service)) {
            throw new IllegalArgumentException("Unknown service \"" + service + "\" (known: " + SERVICES + ")");
        }
        return LOADED.computeIfAbsent(service, ServiceModel::load);
    }

    private static ServiceModel load(String service) {
        try (InputStream in = ServiceModel.class.getResourceAsStream(RESOURCES.get(service))) {
            return new ServiceModel(service, Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the " + service + " API model", e);
        }
    }

    String service() {
        return service;
    }

    boolean isQueryProtocol() {
        return "query".equals(model.path("metadata").path("protocol").asText());
    }

    /** The X-Amz-Target prefix of a JSON service, e.g. PhotonAdminProxyService. */
    String targetPrefix() {
        return model.path("metadata").path("targetPrefix").asText();
    }

    String xmlNamespace() {
        return model.path("metadata").path("xmlNamespace").asText();
    }

    boolean hasOperation(String operation) {
        return model.path("operations").has(operation);
    }

    String inputShape(String operation) {
        return model.path("operations").path(operation).path("input").path("shape").asText();
    }

    /** The element a query service wraps an operation's result in, e.g. PublishResult (empty when none). */
    String resultWrapper(String operation) {
        return model.path("operations").path(operation).path("output").path("resultWrapper").asText();
    }

    JsonNode shape(String name) {
        JsonNode shape = model.path("shapes").get(name);
        if (shape == null) {
            throw new IllegalArgumentException(service + " model has no shape " + name);
        }
        return shape;
    }

    boolean hasError(String type) {
        return errors.containsKey(type);
    }

    String errorCode(String type) {
        return errors.get(type).code();
    }

    int httpStatus(String type) {
        return errors.get(type).httpStatus();
    }
}
