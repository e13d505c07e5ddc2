package com.eucimageupdater.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Takes every HTTP request on the one endpoint, finds its service and operation (X-Amz-Target for the
 * JSON services, the Action form parameter for SNS), then validates, injects faults and lets the service
 * act, in that order, and records the call.
 */
final class HttpRouter implements HttpHandler {
    private static final String UNKNOWN_SERVICE = "unknown";

    private final Map<String, ServiceBackend> byTargetPrefix = new HashMap<>();
    private final ServiceBackend queryBackend;
    private final QueryProtocol queryProtocol;
    private final FaultInjector faults;
    private final CallLog log;

    HttpRouter(List<ServiceBackend> jsonBackends, ServiceBackend queryBackend, FaultInjector faults, CallLog log) {
        jsonBackends.forEach(backend -> byTargetPrefix.put(backend.model().targetPrefix(), backend));
        this.queryBackend = queryBackend;
        this.queryProtocol = new QueryProtocol(queryBackend.model());
        this.faults = faults;
        this.log = log;
    }

    private record Answer(int status, String contentType, byte[] body, String requestId) {}

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            Answer answer = target != null ? json(target, body) : query(body);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.getResponseHeaders().set("x-amzn-RequestId", answer.requestId());
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            exchange.getResponseBody().write(answer.body());
        }
    }

    private Answer json(String target, byte[] body) {
        int dot = target.lastIndexOf('.');
        ServiceBackend backend = byTargetPrefix.get(dot < 0 ? target : target.substring(0, dot));
        String operation = target.substring(dot + 1);
        if (backend == null) {
            return reject(JsonProtocol.INSTANCE, UNKNOWN_SERVICE, target, Json.object(), false,
                    JsonProtocol.INSTANCE.unknownOperation(target), false);
        }
        JsonNode request;
        try {
            request = JsonProtocol.parse(body);
        } catch (ServiceError unreadable) {
            return reject(JsonProtocol.INSTANCE, backend.model().service(), operation,
                    Json.MAPPER.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8)), false, unreadable, true);
        }
        return process(backend, JsonProtocol.INSTANCE, operation, request, request);
    }

    private Answer query(byte[] body) {
        Map<String, String> form = QueryProtocol.parseForm(body);
        String action = form.get("Action");
        if (action == null) {
            // Neither an X-Amz-Target nor a query Action: no service this simulator has.
            return reject(JsonProtocol.INSTANCE, UNKNOWN_SERVICE, "", Json.stringMap(form), false,
                    JsonProtocol.INSTANCE.unknownOperation("(no X-Amz-Target or Action)"), false);
        }
        JsonNode input = queryBackend.operations().contains(action) ? queryProtocol.decode(action, form) : Json.object();
        return process(queryBackend, queryProtocol, action, input, Json.stringMap(form));
    }

    private Answer process(ServiceBackend backend, WireProtocol protocol, String operation, JsonNode input, JsonNode recorded) {
        String service = backend.model().service();
        if (!backend.operations().contains(operation)) {
            return reject(protocol, service, operation, recorded, false, protocol.unknownOperation(operation), false);
        }
        boolean mutating = backend.isMutating(operation, input);
        try {
            validate(backend, operation, input);
        } catch (ServiceError violation) {
            return reject(protocol, service, operation, recorded, mutating, violation, true);
        }
        try {
            faults.inject(backend.model(), operation, input, mutating);
            JsonNode output = backend.handle(operation, input);
            faults.injectAfterEffect(backend.model(), operation, input, mutating);
            log.record(new RecordedCall(service, operation, recorded, 200, null, mutating), false);
            String requestId = UUID.randomUUID().toString();
            return new Answer(200, protocol.contentType(), protocol.success(operation, output, requestId), requestId);
        } catch (ServiceError error) {
            return reject(protocol, service, operation, recorded, mutating, error, false);
        } catch (RuntimeException bug) {
            // A simulator defect: answered as the service's internal failure so the caller sees it, never a hang.
            return reject(protocol, service, operation, recorded, mutating,
                    new ServiceError("InternalFailure", 500, "Simulator failure: " + bug), false);
        }
    }

    /** The model's constraints first, then the service's documented rules; nothing has changed yet. */
    private static void validate(ServiceBackend backend, String operation, JsonNode input) {
        List<String> problems = ModelValidator.validate(backend.model(), operation, input);
        if (!problems.isEmpty()) {
            throw ServiceError.of(backend.model(), backend.validationErrorType(), ModelValidator.summary(problems));
        }
        backend.checkRules(operation, input);
    }

    private Answer reject(WireProtocol protocol, String service, String operation, JsonNode recorded, boolean mutating,
                          ServiceError error, boolean violation) {
        log.record(new RecordedCall(service, operation, recorded, error.httpStatus(), error.code(), mutating), violation);
        String requestId = UUID.randomUUID().toString();
        return new Answer(error.httpStatus(), protocol.contentType(), protocol.error(error, requestId), requestId);
    }
}
