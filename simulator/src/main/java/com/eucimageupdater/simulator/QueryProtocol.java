package com.eucimageupdater.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AWS query protocol (SNS): a form-encoded POST with Action and Version, decoded into the input
 * structure by the model's member names (MessageAttributes.entry.1.Value.DataType), answered in XML in
 * the service's namespace.
 */
final class QueryProtocol implements WireProtocol {
    private final ServiceModel model;

    QueryProtocol(ServiceModel model) {
        this.model = model;
    }

    static Map<String, String> parseForm(byte[] body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                form.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    /** The operation's input as the JSON structure the model describes, so the same validator applies. */
    ObjectNode decode(String operation, Map<String, String> form) {
        JsonNode input = read(model.inputShape(operation), "", form);
        return input instanceof ObjectNode structure ? structure : Json.object();
    }

    private JsonNode read(String shapeName, String prefix, Map<String, String> form) {
        JsonNode shape = model.shape(shapeName);
        return switch (shape.path("type").asText()) {
            case "structure" -> readStructure(shape, prefix, form);
            case "list" -> readList(shape, prefix, form);
            case "map" -> readMap(shape, prefix, form);
            default -> form.containsKey(prefix) ? scalar(shape, form.get(prefix)) : null;
        };
    }

    /** Form values are text; booleans and integers become JSON ones when they read as such (else the validator objects). */
    private static JsonNode scalar(JsonNode shape, String text) {
        JsonNodeFactory nodes = Json.MAPPER.getNodeFactory();
        return switch (shape.path("type").asText()) {
            case "boolean" -> "true".equals(text) || "false".equals(text) ? nodes.booleanNode(Boolean.parseBoolean(text)) : nodes.textNode(text);
            case "integer", "long" -> text.matches("-?\\d{1,18}") ? nodes.numberNode(Long.parseLong(text)) : nodes.textNode(text);
            default -> nodes.textNode(text);
        };
    }

    private JsonNode readStructure(JsonNode shape, String prefix, Map<String, String> form) {
        ObjectNode structure = Json.object();
        shape.path("members").fields().forEachRemaining(member -> {
            String name = member.getValue().path("locationName").asText(member.getKey());
            JsonNode value = read(member.getValue().path("shape").asText(), prefix.isEmpty() ? name : prefix + "." + name, form);
            if (value != null) {
                structure.set(member.getKey(), value);
            }
        });
        return structure.isEmpty() ? null : structure;
    }

    private JsonNode readList(JsonNode shape, String prefix, Map<String, String> form) {
        ArrayNode list = Json.array();
        String element = prefix + "." + shape.path("member").path("locationName").asText("member") + ".";
        for (int i = 1; present(form, element + i); i++) {
            list.add(read(shape.path("member").path("shape").asText(), element + i, form));
        }
        return list.isEmpty() ? null : list;
    }

    private JsonNode readMap(JsonNode shape, String prefix, Map<String, String> form) {
        ObjectNode map = Json.object();
        String keyName = shape.path("key").path("locationName").asText("key");
        String valueName = shape.path("value").path("locationName").asText("value");
        for (int i = 1; present(form, prefix + ".entry." + i); i++) {
            String entry = prefix + ".entry." + i + ".";
            JsonNode value = read(shape.path("value").path("shape").asText(), entry + valueName, form);
            map.set(form.getOrDefault(entry + keyName, ""), value == null ? Json.object() : value);
        }
        return map.isEmpty() ? null : map;
    }

    private static boolean present(Map<String, String> form, String prefix) {
        return form.keySet().stream().anyMatch(name -> name.equals(prefix) || name.startsWith(prefix + "."));
    }

    @Override
    public String contentType() {
        return "text/xml";
    }

    @Override
    public byte[] success(String operation, JsonNode output, String requestId) {
        String wrapper = model.resultWrapper(operation);
        String result = wrapper.isEmpty() ? xml(output) : element(wrapper, xml(output));
        return element(operation + "Response", " xmlns=\"" + model.xmlNamespace() + "\"",
                result + element("ResponseMetadata", element("RequestId", requestId)))
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] error(ServiceError error, String requestId) {
        String detail = element("Type", error.httpStatus() >= 500 ? "Receiver" : "Sender")
                + element("Code", error.code()) + element("Message", escape(error.getMessage()));
        return element("ErrorResponse", " xmlns=\"" + model.xmlNamespace() + "\"",
                element("Error", detail) + element("RequestId", requestId))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Query services (STS, SNS) name these errors as STS does. */
    @Override
    public ServiceError refusedCredentials(boolean expired) {
        return expired ? new ServiceError("ExpiredToken", 400, SecurityTokenService.EXPIRED_TOKEN)
                : new ServiceError("InvalidClientTokenId", 403, SecurityTokenService.INVALID_TOKEN);
    }

    @Override
    public ServiceError unknownOperation(String operation) {
        return new ServiceError("InvalidAction", 400, "The action " + operation + " is not valid for this web service.");
    }

    private static String xml(JsonNode node) {
        if (node.isObject()) {
            StringBuilder children = new StringBuilder();
            node.fields().forEachRemaining(field -> children.append(element(field.getKey(), xml(field.getValue()))));
            return children.toString();
        }
        if (node.isArray()) {
            StringBuilder members = new StringBuilder();
            node.forEach(member -> members.append(element("member", xml(member))));
            return members.toString();
        }
        return escape(node.asText());
    }

    private static String element(String name, String content) {
        return element(name, "", content);
    }

    private static String element(String name, String attributes, String content) {
        return "<" + name + attributes + ">" + content + "</" + name + ">";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
