package com.eucimageupdater.approve;

import com.eucimageupdater.aws.ApprovalTopic;
import com.eucimageupdater.aws.Publishing;
import com.eucimageupdater.lambda.RunStepHandler;
import com.eucimageupdater.lambda.StepLog;
import com.eucimageupdater.publish.EventBus;
import com.eucimageupdater.publish.RunEvents;
import com.eucimageupdater.workflow.FunctionEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Mails the approval request, saying how to answer (as deployed: signed links), once the topic has someone to read it
 * (the state machine then waits on the task token). The token is a credential for the waiting task: it goes into the
 * mail only, never into the result or the log. Once SNS took the mail, and only then, Approval Requested goes on the
 * default bus for each image it asks to roll out; an event the bus refuses is told in a second, short mail, since the
 * run's summary comes only after the answer.
 */
public final class RequestApprovalHandler extends RunStepHandler<ApprovalMailRequest, Map<String, String>> {
    private final AnswerInstructions instructions;
    private final ApprovalTopic topic;
    private final EventBus bus;
    private final Clock clock;

    public RequestApprovalHandler() {
        this(ApprovalLinks.fromEnvironment().answeredAt(ApprovalLinks.endpointFromEnvironment()),
                ApprovalTopic.fromEnvironment(System.getenv(FunctionEnvironment.TOPIC_ARN)), Publishing.busFromEnvironment(),
                Clock.systemUTC());
    }

    /** @param instructions how the mail says to answer: the deployment's signed links, or a local run's command line */
    public RequestApprovalHandler(AnswerInstructions instructions, ApprovalTopic topic, EventBus bus, Clock clock) {
        super(ApprovalMailRequest.class);
        this.instructions = instructions;
        this.topic = topic;
        this.bus = bus;
        this.clock = clock;
    }

    @Override
    protected Map<String, String> handle(ApprovalMailRequest request) {
        topic.requireConfirmedSubscriber();
        String messageId = topic.publish(ApprovalMail.write(request, instructions, clock.instant()));
        String execution = new ApprovalRequest(request.executionId(), request.token(), Decision.APPROVE).executionName();
        List<String> refused = bus.put(RunEvents.approvalRequested(request.production(), execution)).stream()
                .filter(delivery -> !delivery.isPublished()).map(EventBus.Delivery::failure).toList();
        if (!refused.isEmpty()) {
            topic.publish(new ApprovalMail.Mail("euc-image-updater: Approval Requested not published for run " + execution,
                    "The approval mail of run " + execution + " went out, but EventBridge refused these events; systems that wait"
                            + " for them were not told:\n" + String.join("\n", refused) + "\n"));
        }
        return Map.of("messageId", messageId);
    }

    @Override
    protected StepLog logFor(ApprovalMailRequest request) {
        return new StepLog(step(), request.executionId(), null, null);
    }

    @Override
    protected String outcome(Map<String, String> result) {
        return "MAILED";
    }

    @Override
    protected String sampleInput() {
        return """
                {"token": "priming", "executionId": "arn:aws:states:us-east-1:123456789012:execution:priming:priming",
                 "runDate": "2026-11-10", "approvalTimeoutSeconds": 259200, "timeZone": "Europe/Paris",
                 "builds": [{"account": "123456789012", "region": "us-east-1", "results": [{"service": "APPSTREAM",
                   "image": "Base-Win2022", "outcome": "UPDATED", "newImage": "Base-Win2022-2026-11-10", "update": "updates available",
                   "details": "           staged: Base-Test (was Base-Win2022): sessions\\n"}]}],
                 "production": [{"service": "APPSTREAM", "account": "123456789012", "region": "us-east-1", "source": "Base-Win2022",
                   "newImage": "Base-Win2022-2026-11-10", "targets": ["Base-Prod"], "lineage": "Base-Win2022", "keep": 3}],
                 "previews": [{"decisions": [{"image": "Base-Win2022-2026-08-11", "name": "Base-Win2022-2026-08-11", "delete": true,
                   "reason": "older than the newest 3"}], "current": [{"target": "Base-Prod", "image": "Base-Win2022"}]}]}""";
    }

    /**
     * The JSON path, the mail's text without its links (they need a signature, which needs KMS, and priming calls no AWS
     * API), and the sample's Approval Requested events through a bus whose client answers from memory.
     */
    @Override
    protected void prime() throws IOException {
        ApprovalMailRequest sample = readSample();
        ApprovalMail.write(sample, answers -> answers.get(0).executionName(), clock.instant());
        try (Publishing.Primed primed = Publishing.primed()) {
            primed.bus().put(RunEvents.approvalRequested(sample.production(), "priming"));
        }
        write(OutputStream.nullOutputStream(), Map.of("messageId", "priming"));
    }
}
