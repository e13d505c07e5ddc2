package com.eucimageupdater.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.approve.ApprovalMail;
import com.eucimageupdater.approve.NoConfirmedSubscriberException;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Whether anyone will get the approval mail, asked of the simulated SNS through the real SDK. */
class ApprovalTopicTest {
    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:euc-image-updater";

    private static SimulatedAccount account(String... subscriptions) {
        return SimulatedAccount.start("""
                {"sns": {"topics": ["%s"], "subscriptions": [%s]}}""".formatted(TOPIC, String.join(",", subscriptions)));
    }

    private static String subscription(String endpoint, boolean confirmed) {
        return """
                {"topicArn": "%s", "endpoint": "%s", "confirmed": %s}""".formatted(TOPIC, endpoint, confirmed);
    }

    @Test
    void aConfirmedSubscriberOnALaterPageIsFoundAndTheMailGoes() {
        String pending = IntStream.range(0, 100).mapToObj(i -> subscription("new-" + i + "@example.com", false))
                .collect(Collectors.joining(","));
        try (SimulatedAccount account = account(pending, subscription("admin@example.com", true))) {
            ApprovalTopic topic = new ApprovalTopic(account.sns(), TOPIC);

            topic.requireConfirmedSubscriber();
            topic.publish(new ApprovalMail.Mail("subject", "message"));

            assertEquals(2, account.simulator().callsTo("ListSubscriptionsByTopic").size(), "both pages were read");
            assertEquals(1, account.simulator().publishedMessages().size());
        }
    }

    @Test
    void onlyPendingSubscriptionsRefuseTheApprovalNamingTheTopicAndWhatToDo() {
        try (SimulatedAccount account = account(subscription("admin@example.com", false), subscription("ops@example.com", false))) {
            NoConfirmedSubscriberException refused = assertThrows(NoConfirmedSubscriberException.class,
                    () -> new ApprovalTopic(account.sns(), TOPIC).requireConfirmedSubscriber());

            assertEquals("no confirmed subscriber on " + TOPIC + " (2 pending confirmation), so nobody would get the approval mail:"
                    + " confirm the subscription mail (its link), or set notificationEmails in cdk.json and deploy", refused.getMessage());
            assertEquals(List.of(), account.simulator().publishedMessages());
        }
    }

    @Test
    void aTopicWithoutSubscriptionsRefusesTheApproval() {
        try (SimulatedAccount account = account()) {
            NoConfirmedSubscriberException refused = assertThrows(NoConfirmedSubscriberException.class,
                    () -> new ApprovalTopic(account.sns(), TOPIC).requireConfirmedSubscriber());

            assertTrue(refused.getMessage().startsWith("no confirmed subscriber on " + TOPIC + ", so nobody"), refused.getMessage());
            assertEquals(List.of(), account.simulator().modelViolations());
        }
    }
}
