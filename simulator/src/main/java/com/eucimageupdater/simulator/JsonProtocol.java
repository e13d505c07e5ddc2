package com.eucimageupdater.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** AWS JSON 1.1: the operation in X-Amz-Target, a JSON body, errors as {"__type": ..., "message": ...}. */
final class JsonProtocol implements WireProtocol {
    static final JsonProtocol INSTANCE = new JsonProtocol();

    private JsonProtocol() {}

    /** The request body; an empty body is an empty request, as the services take it. */
    static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return Json.object();
        }
        try {
            JsonNode request = Json.MAPPER.readTree(body);
            if (request != null && request.isObject()) {
                return request;
            }
        } catch (IOException unreadable) {
            // Answered below like any other body that is not a JSON object.
        }
        throw new ServiceError("SerializationException", 400, "The request body is not a JSON object");
    }

    @Override
    public String contentType() {
        return "application/x-amz-json-1.1";
    }

    @Override
    public byte[] success(String operation, JsonNode output, String requestId) {
        return output.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] error(ServiceError error, String requestId) {
        return Json.object().put("__type", error.code()).put("message", error.getMessage())
                .toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public ServiceError refusedCredentials(boolean expired) {
        return expired ? new ServiceError("ExpiredTokenException", 400, SecurityTokenService.EXPIRED_TOKEN)
                : new ServiceError("UnrecognizedClientException", 403, SecurityTokenService.INVALID_TOKEN);
    }

    @Override
    public ServiceError unknownOperation(String operation) {
        return new ServiceError("UnknownOperationException", 400, "Unknown operation " + operation);
    }
}
