package com.eucimageupdater.approve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

import com.amazonaws.services.lambda.runtime.Context;
import com.eucimageupdater.aws.ApprovalTopic;
import com.eucimageupdater.aws.EventBridgeBus;
import com.eucimageupdater.aws.SimulatedAccount;
import com.eucimageupdater.model.ImageUpdateException;
import com.eucimageupdater.publish.EventBus;
import com.eucimageupdater.simulator.PublishedMessage;
import com.eucimageupdater.simulator.RecordedCall;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** Approval Requested goes on the bus once SNS took the approval mail, and only then; a refusal is mailed, never hidden. */
class RequestApprovalEventsTest {
    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:euc-image-updater";
    private static final Context LAMBDA = mock(Context.class, Mockito.RETURNS_MOCKS);
    private static final String REQUEST = """
            {"token": "token-1", "executionId": "arn:aws:states:us-east-1:123456789012:execution:euc-image-updater:monthly-2026-11",
             "runDate": "2026-11-10", "approvalTimeoutSeconds": 259200, "timeZone": "UTC", "builds": [], "previews": [{}, {}],
             "production": [
               {"service": "APPSTREAM", "account": "123456789012", "region": "us-east-1", "source": "Base", "newImage": "Base-2026-11-10",
                "newImageName": "Base-2026-11-10", "targets": ["prod-a"], "lineage": "Base", "keep": 3},
               {"service": "WORKSPACES", "account": "123456789012", "region": "us-east-1", "source": "wsi-0a1b2c3d4",
                "newImage": "wsi-7k2m9p4q1", "newImageName": "finance-2026-11-10", "targets": ["wsb-1"], "lineage": "wsi-0a1b2c3d4",
                "keep": 0}]}""";

    private static SimulatedAccount account(boolean confirmed) {
        return SimulatedAccount.start("""
                {"sns": {"topics": ["%s"], "subscriptions": [{"topicArn": "%s", "endpoint": "admin@example.com", "confirmed": %s}]}}"""
                .formatted(TOPIC, TOPIC, confirmed));
    }

    private static void invoke(RequestApprovalHandler handler) throws Exception {
        handler.handleRequest(new ByteArrayInputStream(REQUEST.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), LAMBDA);
    }

    private static RequestApprovalHandler handler(SimulatedAccount account, EventBus bus) {
        return new RequestApprovalHandler(answers -> answers.get(0).executionName(), new ApprovalTopic(account.sns(), TOPIC), bus,
                Clock.systemUTC());
    }

    @Test
    void eachImageTheMailAsksToRollOutIsApprovalRequestedOnceSnsTookTheMail() throws Exception {
        try (SimulatedAccount account = account(true)) {
            invoke(handler(account, new EventBridgeBus(account.eventBridge())));

            List<String> operations = account.simulator().calls().stream().map(RecordedCall::operation).toList();
            assertEquals(List.of("ListSubscriptionsByTopic", "Publish", "PutEvents"), operations);
            assertEquals(List.of("Approval Requested", "Approval Requested"), account.simulator().publishedEvents().stream()
                    .map(event -> event.detailType()).toList());
            assertEquals("monthly-2026-11", account.simulator().publishedEvents().get(1).detail().path("executionName").asText());
            assertEquals("finance-2026-11-10", account.simulator().publishedEvents().get(1).detail().path("newImageName").asText());
        }
    }

    @Test
    void withoutAMailThereIsNoApprovalRequested() {
        try (SimulatedAccount account = account(false)) {
            assertThrows(ImageUpdateException.class, () -> invoke(handler(account, new EventBridgeBus(account.eventBridge()))));

            assertEquals(List.of(), account.simulator().callsTo("PutEvents"));
        }
    }

    @Test
    void anEventTheBusRefusesIsToldInASecondMailAndTheApprovalStillWaits() throws Exception {
        EventBus refusing = events -> events.stream().map(event -> EventBus.Delivery.refused(event, "AccessDeniedException", "denied"))
                .toList();
        try (SimulatedAccount account = account(true)) {
            invoke(handler(account, refusing));

            List<PublishedMessage> mails = account.simulator().publishedMessages();
            assertEquals(2, mails.size(), "the approval mail, then the notice");
            assertEquals("euc-image-updater: Approval Requested not published for run monthly-2026-11", mails.get(1).subject());
            assertTrue(mails.get(1).message().contains("event Approval Requested for Base -> Base-2026-11-10 (APPSTREAM, 123456789012,"
                    + " us-east-1) not published: AccessDeniedException: denied"), mails.get(1).message());
        }
    }
}
