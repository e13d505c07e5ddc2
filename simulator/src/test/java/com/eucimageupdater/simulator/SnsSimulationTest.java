package com.eucimageupdater.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicResponse;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Subscription;

class SnsSimulationTest {
    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:euc-image-updater";

    private AwsSimulator simulator;
    private SnsClient sns;

    @BeforeEach
    void start() {
        simulator = AwsSimulator.start(Scenario.defaultScenario());
        sns = SdkClients.sns(simulator, 1);
    }

    @AfterEach
    void stop() {
        sns.close();
        simulator.close();
    }

    @Test
    void aPublishIsRecordedWithItsSubjectMessageAndAttributes() {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("outcome", MessageAttributeValue.builder().dataType("String").stringValue("PARTIAL").build());
        attributes.put("failed", MessageAttributeValue.builder().dataType("Number").stringValue("1").build());

        String messageId = sns.publish(r -> r.topicArn(TOPIC).subject("Image updates: 2 updated, 1 failed")
                .message("Details & more <here>").messageAttributes(attributes)).messageId();

        assertNotNull(messageId);
        PublishedMessage mail = simulator.publishedMessages().get(0);
        assertEquals(TOPIC, mail.topicArn());
        assertEquals("Image updates: 2 updated, 1 failed", mail.subject());
        assertEquals("Details & more <here>", mail.message());
        assertEquals(Map.of("outcome", "PARTIAL", "failed", "1"), mail.attributes());
        assertEquals(Map.of("outcome", "String", "failed", "Number"), mail.attributeDataTypes());
        RecordedCall call = simulator.callsTo("Publish").get(0);
        assertEquals("sns", call.service());
        assertTrue(call.mutating());
        assertEquals(TOPIC, call.request().get("TopicArn").asText());
    }

    @Test
    void aSubjectWithALineBreakIsInvalidAndNothingIsPublished() {
        assertThrows(InvalidParameterException.class, () -> sns.publish(r -> r.topicArn(TOPIC).subject("two\nlines").message("m")));

        assertTrue(simulator.publishedMessages().isEmpty());
        assertEquals(1, simulator.modelViolations().size());
    }

    @Test
    void subjectsMustBeAsciiStartWithALetterNumberOrPunctuationAndFitInAHundredCharacters() {
        for (String subject : List.of("Mises à jour", " leading space", "x".repeat(101))) {
            assertThrows(InvalidParameterException.class, () -> sns.publish(r -> r.topicArn(TOPIC).subject(subject).message("m")),
                    subject);
        }
        sns.publish(r -> r.topicArn(TOPIC).subject("[euc] " + "x".repeat(94)).message("m"));

        assertEquals(1, simulator.publishedMessages().size());
    }

    @Test
    void anAttributeWithoutAValueIsInvalid() {
        assertThrows(InvalidParameterValueException.class, () -> sns.publish(r -> r.topicArn(TOPIC).message("m")
                .messageAttributes(Map.of("outcome", MessageAttributeValue.builder().dataType("String").build()))));
    }

    @Test
    void aMissingMessageBreaksTheModel() {
        InvalidParameterException error = assertThrows(InvalidParameterException.class, () -> sns.publish(r -> r.topicArn(TOPIC)));

        assertEquals("1 validation error detected: Value null at 'message' failed to satisfy constraint: Member must not be null",
                error.awsErrorDetails().errorMessage());
    }

    @Test
    void anUnknownTopicIsNotFound() {
        assertThrows(NotFoundException.class,
                () -> sns.publish(r -> r.topicArn("arn:aws:sns:us-east-1:123456789012:other").message("m")));
        assertTrue(simulator.publishedMessages().isEmpty());
    }

    @Test
    void subscriptionsAreListedAsSeededPendingOnesWithoutAnArnAndOneHundredAPage() {
        String pending = IntStream.range(0, 100).mapToObj(i -> """
                {"topicArn": "%s", "endpoint": "new-%d@example.com", "confirmed": false}""".formatted(TOPIC, i))
                .collect(Collectors.joining(","));
        try (AwsSimulator seeded = AwsSimulator.start(Scenario.fromJson("""
                {"sns": {"topics": ["%s"], "subscriptions": [%s, {"topicArn": "%s", "endpoint": "admin@example.com"}]}}"""
                .formatted(TOPIC, pending, TOPIC)));
             SnsClient client = SdkClients.sns(seeded, 1)) {
            ListSubscriptionsByTopicResponse first = client.listSubscriptionsByTopic(r -> r.topicArn(TOPIC));
            ListSubscriptionsByTopicResponse second = client.listSubscriptionsByTopic(r -> r.topicArn(TOPIC).nextToken(first.nextToken()));

            assertEquals(100, first.subscriptions().size());
            assertTrue(first.subscriptions().stream().allMatch(s -> s.subscriptionArn().equals("PendingConfirmation")));
            assertEquals(1, second.subscriptions().size());
            Subscription admin = second.subscriptions().get(0);
            assertEquals("admin@example.com", admin.endpoint());
            assertEquals("email", admin.protocol());
            assertTrue(admin.subscriptionArn().startsWith(TOPIC + ":"), admin.subscriptionArn());
            assertNull(second.nextToken());
            assertFalse(seeded.callsTo("ListSubscriptionsByTopic").get(0).mutating());
            assertEquals(List.of(), seeded.modelViolations());
        }
    }

    @Test
    void aTopicWithoutSubscriptionsListsNoneAndAnUnknownTopicIsNotFound() {
        try (AwsSimulator bare = AwsSimulator.start(Scenario.fromJson("{\"sns\": {\"topics\": [\"" + TOPIC + "\"]}}"));
             SnsClient client = SdkClients.sns(bare, 1)) {
            assertEquals(List.of(), client.listSubscriptionsByTopic(r -> r.topicArn(TOPIC)).subscriptions());
            assertThrows(NotFoundException.class,
                    () -> client.listSubscriptionsByTopic(r -> r.topicArn("arn:aws:sns:us-east-1:123456789012:other")));
        }
    }

    @Test
    void aSubscriptionToATopicTheScenarioLacksIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Scenario.fromJson("""
                {"sns": {"topics": [], "subscriptions": [{"topicArn": "%s", "endpoint": "admin@example.com"}]}}""".formatted(TOPIC)));

        assertTrue(refused.getMessage().contains("admin@example.com subscribes to " + TOPIC + ", which is not one of sns.topics"),
                refused.getMessage());
    }
}
