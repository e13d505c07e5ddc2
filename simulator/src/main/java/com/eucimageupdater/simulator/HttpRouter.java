package com.eucimageupdater.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Takes every HTTP request on the one endpoint and finds who signed it and for which Region (the SigV4 credential
 * scope), its service and operation (X-Amz-Target for the JSON services; for the query ones the scope's service,
 * else the Action form parameter), and the (account, Region) whose state it reaches. Then it validates, authorizes,
 * injects faults and lets the service act, in that order, and records the call.
 */
final class HttpRouter implements HttpHandler {
    private static final String UNKNOWN_SERVICE = "unknown";

    /** The JSON services by their X-Amz-Target prefix, e.g. PhotonAdminProxyService: appstream, AWSEvents: events. */
    private final Map<String, String> jsonServices;
    private final Organization organization;
    private final SecurityTokenService sts;
    /** SNS, then STS: an unsigned request whose Action neither has goes to SNS, which answers InvalidAction. */
    private final List<ServiceBackend> queryBackends;
    private final Map<String, QueryProtocol> queryProtocols;
    private final CallLog log;

    HttpRouter(Organization organization, SecurityTokenService sts, SnsBackend sns, CallLog log) {
        this.jsonServices = Map.of(ServiceModel.of(ServiceModel.APPSTREAM).targetPrefix(), ServiceModel.APPSTREAM,
                ServiceModel.of(ServiceModel.WORKSPACES).targetPrefix(), ServiceModel.WORKSPACES,
                ServiceModel.of(ServiceModel.EVENTS).targetPrefix(), ServiceModel.EVENTS,
                ServiceModel.of(ServiceModel.SSM).targetPrefix(), ServiceModel.SSM);
        this.organization = organization;
        this.sts = sts;
        this.queryBackends = List.of(sns, sts);
        this.queryProtocols = Map.of(ServiceModel.SNS, new QueryProtocol(sns.model()), ServiceModel.STS, new QueryProtocol(sts.model()));
        this.log = log;
    }

    private record Answer(int status, String contentType, byte[] body, String requestId) {}

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            SigningScope scope = SigningScope.parse(exchange.getRequestHeaders().getFirst("Authorization"));
            String token = exchange.getRequestHeaders().getFirst("X-Amz-Security-Token");
            Answer answer = target != null ? json(target, body, scope, token) : query(body, scope, token);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.getResponseHeaders().set("x-amzn-RequestId", answer.requestId());
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            exchange.getResponseBody().write(answer.body());
        }
    }

    private Answer json(String target, byte[] body, SigningScope scope, String token) {
        int dot = target.lastIndexOf('.');
        String service = jsonServices.get(dot < 0 ? target : target.substring(0, dot));
        String operation = target.substring(dot + 1);
        JsonNode request;
        ServiceError unreadable = null;
        try {
            request = JsonProtocol.parse(body);
        } catch (ServiceError error) {
            unreadable = error;
            request = Json.MAPPER.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8));
        }
        // Credentials are checked before anything else, as AWS does.
        Caller caller;
        try {
            caller = sts.identify(scope, token);
        } catch (SecurityTokenService.RefusedCredentials refused) {
            ServiceBackend backend = service == null ? null : organization.home().backend(service);
            return refuse(JsonProtocol.INSTANCE, backend, operation, request, refused, scope);
        }
        if (service == null) {
            return reject(JsonProtocol.INSTANCE, UNKNOWN_SERVICE, target, Json.object(), false,
                    JsonProtocol.INSTANCE.unknownOperation(target), false, caller);
        }
        if (unreadable != null) {
            return reject(JsonProtocol.INSTANCE, service, operation, request, false, unreadable, true, caller);
        }
        Organization.Place place = organization.place(caller.account(), caller.region());
        return process(place.backend(service), place.faults(), JsonProtocol.INSTANCE, operation, request, request, caller);
    }

    private Answer query(byte[] body, SigningScope scope, String token) {
        Map<String, String> form = QueryProtocol.parseForm(body);
        String action = form.get("Action");
        if (action == null) {
            // Neither an X-Amz-Target nor a query Action: no service this simulator has.
            return reject(JsonProtocol.INSTANCE, UNKNOWN_SERVICE, "", Json.stringMap(form), false,
                    JsonProtocol.INSTANCE.unknownOperation("(no X-Amz-Target or Action)"), false,
                    Caller.homeUser(organization.homeAccount(), scope == null ? organization.homeRegion() : scope.region()));
        }
        ServiceBackend backend = queryBackends.stream()
                .filter(candidate -> scope != null ? candidate.model().service().equals(scope.service())
                        : candidate.operations().contains(action))
                .findFirst().orElse(queryBackends.get(0));
        QueryProtocol protocol = queryProtocols.get(backend.model().service());
        JsonNode input = backend.operations().contains(action) ? protocol.decode(action, form) : Json.object();
        Caller caller;
        try {
            caller = sts.identify(scope, token);
        } catch (SecurityTokenService.RefusedCredentials refused) {
            return refuse(protocol, backend, action, Json.stringMap(form), refused, scope);
        }
        return process(backend, organization.place(caller.account(), caller.region()).faults(), protocol, action, input,
                Json.stringMap(form), caller);
    }

    private Answer process(ServiceBackend backend, FaultInjector faults, WireProtocol protocol, String operation,
                           JsonNode input, JsonNode recorded, Caller caller) {
        String service = backend.model().service();
        if (!backend.operations().contains(operation)) {
            return reject(protocol, service, operation, recorded, false, protocol.unknownOperation(operation), false, caller);
        }
        boolean mutating = backend.isMutating(operation, input);
        try {
            validate(backend, operation, input);
        } catch (ServiceError violation) {
            return reject(protocol, service, operation, recorded, mutating, violation, true, caller);
        }
        try {
            backend.authorize(operation, input, caller);
            faults.inject(backend.model(), operation, input, mutating);
            JsonNode output = backend.handle(operation, input, caller);
            faults.injectAfterEffect(backend.model(), operation, input, mutating);
            log.record(new RecordedCall(service, operation, recorded, 200, null, mutating, caller.account(), caller.region()), false);
            String requestId = UUID.randomUUID().toString();
            return new Answer(200, protocol.contentType(), protocol.success(operation, output, requestId), requestId);
        } catch (ServiceError error) {
            return reject(protocol, service, operation, recorded, mutating, error, false, caller);
        } catch (RuntimeException bug) {
            // A simulator defect: answered as the service's internal failure so the caller sees it, never a hang.
            return reject(protocol, service, operation, recorded, mutating,
                    new ServiceError("InternalFailure", 500, "Simulator failure: " + bug), false, caller);
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

    /** Credentials AWS does not take: answered before anything else, recorded with the session's account if known. */
    private Answer refuse(WireProtocol protocol, ServiceBackend backend, String operation, JsonNode recorded,
                          SecurityTokenService.RefusedCredentials refused, SigningScope scope) {
        boolean known = backend != null && backend.operations().contains(operation);
        boolean mutating = known && recorded.isObject() && backend.isMutating(operation, recorded);
        String service = backend == null ? UNKNOWN_SERVICE : backend.model().service();
        return reject(protocol, service, operation, recorded, mutating, protocol.refusedCredentials(refused.expired()), false,
                new Caller(refused.account(), scope.region(), null, false));
    }

    private Answer reject(WireProtocol protocol, String service, String operation, JsonNode recorded, boolean mutating,
                          ServiceError error, boolean violation, Caller caller) {
        log.record(new RecordedCall(service, operation, recorded, error.httpStatus(), error.code(), mutating,
                caller.account(), caller.region()), violation);
        String requestId = UUID.randomUUID().toString();
        return new Answer(error.httpStatus(), protocol.contentType(), protocol.error(error, requestId), requestId);
    }
}
