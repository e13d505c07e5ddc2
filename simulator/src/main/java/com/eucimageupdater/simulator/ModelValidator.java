package com.eucimageupdater.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks a request against its input shape the way the service does before it acts: required members,
 * patterns, lengths, sizes, ranges, enums and types, through nested structures, lists and maps. The SDK
 * checks none of this, so a request it sends happily can still be rejected here, as by the real service.
 * Problems are worded like the AWS services' own: "Value 'x' at 'path' failed to satisfy constraint: ...".
 */
final class ModelValidator {
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private final ServiceModel model;
    private final List<String> problems = new ArrayList<>();

    private ModelValidator(ServiceModel model) {
        this.model = model;
    }

    /** Every problem with {@code request} as the input of {@code operation}; empty when it is valid. */
    static List<String> validate(ServiceModel model, String operation, JsonNode request) {
        ModelValidator validator = new ModelValidator(model);
        validator.check(model.inputShape(operation), request, "");
        return validator.problems;
    }

    /** The message the services send: "2 validation errors detected: ...; ...". */
    static String summary(List<String> problems) {
        return problems.size() + (problems.size() == 1 ? " validation error detected: " : " validation errors detected: ")
                + String.join("; ", problems);
    }

    private void check(String shapeName, JsonNode value, String path) {
        JsonNode shape = model.shape(shapeName);
        switch (shape.path("type").asText()) {
            case "structure" -> structure(shape, value, path);
            case "list" -> list(shape, value, path);
            case "map" -> map(shape, value, path);
            default -> constraints(shape, value).forEach(constraint -> problem(value, path, constraint));
        }
    }

    private void structure(JsonNode shape, JsonNode value, String path) {
        if (!value.isObject()) {
            problem(value, path, "Member must be a structure");
            return;
        }
        shape.path("required").forEach(required -> {
            if (value.path(required.asText()).isMissingNode() || value.path(required.asText()).isNull()) {
                problems.add("Value null at '" + memberPath(path, required.asText())
                        + "' failed to satisfy constraint: Member must not be null");
            }
        });
        shape.path("members").fields().forEachRemaining(member -> {
            JsonNode memberValue = value.get(member.getKey());
            if (memberValue != null && !memberValue.isNull()) {
                check(member.getValue().path("shape").asText(), memberValue, memberPath(path, member.getKey()));
            }
        });
    }

    private void list(JsonNode shape, JsonNode value, String path) {
        if (!value.isArray()) {
            problem(value, path, "Member must be a list");
            return;
        }
        lengthConstraints(shape, value.size()).forEach(constraint -> problem(value, path, constraint));
        for (int i = 0; i < value.size(); i++) {
            check(shape.path("member").path("shape").asText(), value.get(i), path + "." + (i + 1) + ".member");
        }
    }

    private void map(JsonNode shape, JsonNode value, String path) {
        if (!value.isObject()) {
            problem(value, path, "Member must be a map");
            return;
        }
        lengthConstraints(shape, value.size()).forEach(constraint -> problem(value, path, constraint));
        JsonNode keyShape = model.shape(shape.path("key").path("shape").asText());
        String valueShapeName = shape.path("value").path("shape").asText();
        JsonNode valueShape = model.shape(valueShapeName);
        List<String> keyProblems = new ArrayList<>();
        List<String> valueProblems = new ArrayList<>();
        value.fields().forEachRemaining(entry -> {
            keyProblems.addAll(constraints(keyShape, Json.MAPPER.getNodeFactory().textNode(entry.getKey())));
            if (isScalar(valueShape)) {
                valueProblems.addAll(constraints(valueShape, entry.getValue()));
            } else {
                check(valueShapeName, entry.getValue(), path + "." + entry.getKey());
            }
        });
        // Like the services: one problem per map side, listing the constraints its entries break.
        if (!keyProblems.isEmpty()) {
            problem(value, path, "Map keys must satisfy constraint: " + keyProblems.stream().distinct().toList());
        }
        if (!valueProblems.isEmpty()) {
            problem(value, path, "Map value must satisfy constraint: " + valueProblems.stream().distinct().toList());
        }
    }

    /** The constraints a scalar value breaks: its type, then length, pattern, enum or range. */
    private List<String> constraints(JsonNode shape, JsonNode value) {
        List<String> broken = new ArrayList<>();
        switch (shape.path("type").asText()) {
            case "string" -> {
                if (!value.isTextual()) {
                    broken.add("Member must be a string");
                    break;
                }
                String text = value.asText();
                broken.addAll(lengthConstraints(shape, text.codePointCount(0, text.length())));
                if (shape.has("pattern") && !pattern(shape.get("pattern").asText()).matcher(text).find()) {
                    broken.add("Member must satisfy regular expression pattern: " + shape.get("pattern").asText());
                }
                if (shape.has("enum") && !Json.texts(shape.get("enum")).contains(text)) {
                    broken.add("Member must satisfy enum value set: " + Json.texts(shape.get("enum")));
                }
            }
            case "integer", "long" -> {
                if (!value.isIntegralNumber()) {
                    broken.add("Member must be an integer");
                    break;
                }
                if (shape.has("min") && value.asLong() < shape.get("min").asLong()) {
                    broken.add("Member must have value greater than or equal to " + shape.get("min").asLong());
                }
                if (shape.has("max") && value.asLong() > shape.get("max").asLong()) {
                    broken.add("Member must have value less than or equal to " + shape.get("max").asLong());
                }
            }
            case "float", "double" -> {
                if (!value.isNumber()) {
                    broken.add("Member must be a number");
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    broken.add("Member must be a boolean");
                }
            }
            // Timestamps and blobs arrive in several encodings; the simulated operations take none.
            default -> { }
        }
        return broken;
    }

    /** The services word list and map sizes as lengths too. */
    private static List<String> lengthConstraints(JsonNode shape, int length) {
        List<String> broken = new ArrayList<>();
        if (shape.has("min") && length < shape.get("min").asInt()) {
            broken.add("Member must have length greater than or equal to " + shape.get("min").asInt());
        }
        if (shape.has("max") && length > shape.get("max").asInt()) {
            broken.add("Member must have length less than or equal to " + shape.get("max").asInt());
        }
        return broken;
    }

    private static boolean isScalar(JsonNode shape) {
        return !List.of("structure", "list", "map").contains(shape.path("type").asText());
    }

    /** Model patterns are not anchored unless they say so (Smithy semantics), hence find(), not matches(). */
    private static Pattern pattern(String regex) {
        return PATTERNS.computeIfAbsent(regex, Pattern::compile);
    }

    private void problem(JsonNode value, String path, String constraint) {
        String shown = value.isTextual() ? value.asText() : value.toString();
        problems.add("Value '" + shown + "' at '" + path + "' failed to satisfy constraint: " + constraint);
    }

    /** The services name members in camelCase: Description becomes 'description', nested as 'tags.1.member.key'. */
    private static String memberPath(String parent, String member) {
        String name = Character.toLowerCase(member.charAt(0)) + member.substring(1);
        return parent.isEmpty() ? name : parent + "." + name;
    }
}
