package com.eucimageupdater.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * SNS Publish to the scenario's topics (published messages are kept for tests to read), and the topics' subscriptions
 * as the scenario seeds them (ListSubscriptionsByTopic, 100 a page as SNS answers).
 */
final class SnsBackend implements ServiceBackend {
    private static final int MAX_SUBJECT_LENGTH = 100;
    private static final int MAX_MESSAGE_BYTES = 256 * 1024;
    /** ListSubscriptionsByTopic's page: "up to 100", and no request member to ask for fewer. */
    private static final int SUBSCRIPTIONS_PAGE = 100;
    /** What SNS lists as the SubscriptionArn of a subscription whose confirmation mail was not answered yet. */
    private static final String PENDING_CONFIRMATION = "PendingConfirmation";

    private final ServiceModel model = ServiceModel.of(ServiceModel.SNS);
    private final String homeAccount;
    private final Set<String> topics;
    private final List<Scenario.Subscription> subscriptions;
    /** Message ids from the scenario seed, so runs are reproducible. */
    private final Random messageIds;
    private final List<PublishedMessage> published = new ArrayList<>();

    SnsBackend(Scenario scenario) {
        this.homeAccount = scenario.accountId();
        this.topics = Set.copyOf(scenario.sns().topics());
        this.subscriptions = scenario.sns().subscriptions();
        this.messageIds = new Random(scenario.location(homeAccount, scenario.region()).newIdSeed());
    }

    @Override
    public ServiceModel model() {
        return model;
    }

    @Override
    public Set<String> operations() {
        return Set.of("Publish", "ListSubscriptionsByTopic");
    }

    @Override
    public boolean isMutating(String operation, JsonNode request) {
        return "Publish".equals(operation);
    }

    @Override
    public String validationErrorType() {
        return "InvalidParameterException";
    }

    /** The Publish rules of the SNS API reference that its model leaves out. */
    @Override
    public void checkRules(String operation, JsonNode request) {
        if (!request.hasNonNull("TopicArn")) {
            throw error("InvalidParameterException", "Invalid parameter: TopicArn Reason: no value for required parameter");
        }
        if (!"Publish".equals(operation)) {
            return;
        }
        if (request.has("Subject") && !validSubject(request.get("Subject").asText())) {
            throw error("InvalidParameterException", "Invalid parameter: Subject");
        }
        if (request.path("Message").asText().getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            throw error("InvalidParameterException", "Invalid parameter: Message too long");
        }
        request.path("MessageAttributes").fields().forEachRemaining(attribute -> checkAttribute(attribute.getKey(), attribute.getValue()));
    }

    /** ASCII that begins with a letter, number or punctuation mark, without line breaks or control characters. */
    private static boolean validSubject(String subject) {
        return !subject.isEmpty() && subject.length() <= MAX_SUBJECT_LENGTH
                && subject.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
                && String.valueOf(subject.charAt(0)).matches("[\\p{Alnum}\\p{Punct}]");
    }

    private void checkAttribute(String name, JsonNode attribute) {
        String dataType = attribute.path("DataType").asText();
        if (!dataType.matches("(String|Number|Binary)(\\..+)?")) {
            throw error("InvalidParameterValueException", "The message attribute '" + name + "' has an invalid message"
                    + " attribute type, the set of supported type prefixes is Binary, Number, and String.");
        }
        String value = attribute.path(dataType.startsWith("Binary") ? "BinaryValue" : "StringValue").asText();
        if (value.isEmpty()) {
            throw error("InvalidParameterValueException", "The message attribute '" + name + "' must contain non-empty"
                    + " message attribute value for message attribute type '" + dataType + "'.");
        }
        if (dataType.startsWith("Number") && !isNumber(value)) {
            throw error("InvalidParameterValueException", "Could not cast message attribute '" + name + "' value to number.");
        }
    }

    private static boolean isNumber(String value) {
        try {
            new BigDecimal(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The topics are the home account's: no other account may publish to them, nor to any topic here. */
    @Override
    public void authorize(String operation, JsonNode request, Caller caller) {
        if (!caller.account().equals(homeAccount)) {
            throw notAuthorized(caller, operation, request.path("TopicArn").asText("*"));
        }
        ServiceBackend.super.authorize(operation, request, caller);
    }

    @Override
    public ServiceError notAuthorized(Caller caller, String operation, String resource) {
        return error("AuthorizationErrorException", "User: " + caller.arn() + " is not authorized to perform: sns:"
                + operation + " on resource: " + resource);
    }

    @Override
    public synchronized JsonNode handle(String operation, JsonNode request, Caller caller) {
        String topicArn = request.get("TopicArn").asText();
        if (!topics.contains(topicArn)) {
            throw error("NotFoundException", "Topic does not exist");
        }
        return "Publish".equals(operation) ? publish(topicArn, request) : subscriptions(topicArn, request);
    }

    private JsonNode publish(String topicArn, JsonNode request) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, String> dataTypes = new LinkedHashMap<>();
        request.path("MessageAttributes").fields().forEachRemaining(attribute -> {
            attributes.put(attribute.getKey(), attribute.getValue().path("StringValue").asText(null));
            dataTypes.put(attribute.getKey(), attribute.getValue().path("DataType").asText());
        });
        published.add(new PublishedMessage(topicArn, request.path("Subject").asText(null), request.get("Message").asText(),
                Collections.unmodifiableMap(attributes), Collections.unmodifiableMap(dataTypes)));
        return Json.object().put("MessageId", new UUID(messageIds.nextLong(), messageIds.nextLong()).toString());
    }

    private JsonNode subscriptions(String topicArn, JsonNode request) {
        List<Scenario.Subscription> ofTopic = subscriptions.stream().filter(subscription -> subscription.topicArn().equals(topicArn)).toList();
        return Paging.answer(ofTopic, request, "", SUBSCRIPTIONS_PAGE, "Subscriptions", subscription -> Json.object()
                        .put("SubscriptionArn", subscription.confirmed() ? topicArn + ":" + UUID.nameUUIDFromBytes(
                                subscription.endpoint().getBytes(StandardCharsets.UTF_8)) : PENDING_CONFIRMATION)
                        .put("Owner", homeAccount).put("Protocol", subscription.protocol()).put("Endpoint", subscription.endpoint())
                        .put("TopicArn", topicArn),
                () -> error("InvalidParameterException", "Invalid parameter: NextToken"));
    }

    synchronized List<PublishedMessage> published() {
        return List.copyOf(published);
    }

    private ServiceError error(String type, String message) {
        return ServiceError.of(model, type, message);
    }
}
