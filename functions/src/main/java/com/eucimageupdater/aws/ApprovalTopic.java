package com.eucimageupdater.aws;

import com.eucimageupdater.approve.ApprovalMail;
import com.eucimageupdater.approve.NoConfirmedSubscriberException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicResponse;
import software.amazon.awssdk.services.sns.model.Subscription;

/** The SNS topic the approval mail goes to: whether anyone will read it, and the mail itself. */
public final class ApprovalTopic {
    /** What SNS lists as the SubscriptionArn of a subscription whose confirmation mail was not answered yet. */
    static final String PENDING_CONFIRMATION = "PendingConfirmation";

    private final SnsClient sns;
    private final String topicArn;

    public ApprovalTopic(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    /** A client from the standard environment (region, credentials, endpoint) for the topic {@code topicArn}. */
    public static ApprovalTopic fromEnvironment(String topicArn) {
        return new ApprovalTopic(SnsClient.builder().httpClient(UrlConnectionHttpClient.create()).build(), topicArn);
    }

    /**
     * Refuses to go on when no subscription is confirmed (ListSubscriptionsByTopic, every page): SNS mails only confirmed
     * ones, and lists a pending one with "PendingConfirmation" (a deleted one with "Deleted") instead of an ARN.
     *
     * @throws NoConfirmedSubscriberException naming the topic and how many wait for their confirmation
     */
    public void requireConfirmedSubscriber() {
        int pending = 0;
        String token = null;
        do {
            String page = token;
            ListSubscriptionsByTopicResponse answer = sns.listSubscriptionsByTopic(r -> r.topicArn(topicArn).nextToken(page));
            for (Subscription subscription : answer.subscriptions()) {
                String arn = subscription.subscriptionArn();
                if (arn != null && arn.startsWith("arn:")) {
                    return;
                }
                pending += PENDING_CONFIRMATION.equals(arn) ? 1 : 0;
            }
            token = answer.nextToken();
        } while (token != null);
        throw new NoConfirmedSubscriberException(topicArn, pending);
    }

    /** @return the message's id */
    public String publish(ApprovalMail.Mail mail) {
        return sns.publish(r -> r.topicArn(topicArn).subject(mail.subject()).message(mail.message())).messageId();
    }
}
