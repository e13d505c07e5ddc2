package com.eucimageupdater.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/** The Step Functions SNS Publish integration, done with the real SDK: same parameters, same result shape. */
final class SnsPublisher {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SnsClient sns;

    SnsPublisher(SnsClient sns) {
        this.sns = sns;
    }

    JsonNode publish(JsonNode parameters) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        parameters.path("MessageAttributes").fields().forEachRemaining(attribute -> attributes.put(attribute.getKey(),
                MessageAttributeValue.builder()
                        .dataType(attribute.getValue().path("DataType").asText())
                        .stringValue(attribute.getValue().path("StringValue").asText())
                        .build()));
        String messageId = sns.publish(r -> r.topicArn(parameters.path("TopicArn").asText())
                        .subject(parameters.hasNonNull("Subject") ? parameters.get("Subject").asText() : null)
                        .message(parameters.path("Message").asText())
                        .messageAttributes(attributes))
                .messageId();
        return JSON.createObjectNode().put("MessageId", messageId);
    }
}
