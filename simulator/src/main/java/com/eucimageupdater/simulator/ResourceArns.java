package com.eucimageupdater.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The resources a request names by ARN: the values of members called ...Arn or ...Arns (ImageArn, Arns,
 * ResourceArn, TopicArn), through nested structures and lists. Maps are left alone: their values (tags, message
 * attributes) are data, not resources.
 */
final class ResourceArns {
    private ResourceArns() {}

    static List<String> in(ServiceModel model, String operation, JsonNode request) {
        List<String> arns = new ArrayList<>();
        collect(model, model.inputShape(operation), request, arns);
        return arns;
    }

    private static void collect(ServiceModel model, String shapeName, JsonNode value, List<String> arns) {
        JsonNode shape = model.shape(shapeName);
        switch (shape.path("type").asText()) {
            case "structure" -> shape.path("members").fields().forEachRemaining(member -> {
                JsonNode memberValue = value.get(member.getKey());
                if (memberValue == null) {
                    return;
                }
                if (member.getKey().endsWith("Arn") || member.getKey().endsWith("Arns")) {
                    (memberValue.isArray() ? Json.texts(memberValue) : List.of(memberValue.asText())).stream()
                            .filter(ResourceArns::isArn).forEach(arns::add);
                } else {
                    collect(model, member.getValue().path("shape").asText(), memberValue, arns);
                }
            });
            case "list" -> value.forEach(element -> collect(model, shape.path("member").path("shape").asText(), element, arns));
            default -> { }
        }
    }

    /** arn:partition:service:region:account:resource; anything else is left to the service to find or not. */
    private static boolean isArn(String text) {
        return text.startsWith("arn:") && text.split(":", 6).length == 6;
    }
}
