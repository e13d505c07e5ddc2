package com.eucimageupdater.handlers;

import com.eucimageupdater.approval.ApprovalLinks;
import com.eucimageupdater.approval.ApprovalMail;
import com.eucimageupdater.approval.ApprovalMailRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Mails the approval request with its signed links (the state machine then waits on the task token). The token
 * is a credential for the waiting task: it goes into the mail only, never into the result or the log.
 */
public final class RequestApprovalHandler extends DatabindHandler<ApprovalMailRequest, Map<String, String>> {
    /** The topic the run's mails go to. */
    public static final String TOPIC_ARN_ENV = "TOPIC_ARN";

    private final ApprovalLinks links;
    private final URI endpoint;
    private final SnsClient sns;
    private final String topicArn;

    public RequestApprovalHandler() {
        this(ApprovalLinks.fromEnvironment(), ApprovalLinks.endpointFromEnvironment(),
                SnsClient.builder().httpClient(UrlConnectionHttpClient.create()).build(), System.getenv(TOPIC_ARN_ENV));
    }

    public RequestApprovalHandler(ApprovalLinks links, URI endpoint, SnsClient sns, String topicArn) {
        super(ApprovalMailRequest.class);
        this.links = links;
        this.endpoint = endpoint;
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    Map<String, String> handle(ApprovalMailRequest request) {
        ApprovalMail.Mail mail = ApprovalMail.write(request, links, endpoint);
        String messageId = sns.publish(r -> r.topicArn(topicArn).subject(mail.subject()).message(mail.message())).messageId();
        return Map.of("messageId", messageId);
    }

    @Override
    StepLog logFor(ApprovalMailRequest request) {
        return new StepLog(step(), request.executionId(), null, null);
    }

    @Override
    String outcome(Map<String, String> result) {
        return "MAILED";
    }

    @Override
    String sampleInput() {
        return """
                {"token": "priming", "executionId": "arn:aws:states:us-east-1:123456789012:execution:priming:priming",
                 "runDate": "2026-11-10", "approvalTimeoutSeconds": 259200, "builds": [], "production": []}""";
    }

    /** The JSON path only: the mail needs a signature, which needs KMS, and priming calls no AWS API. */
    @Override
    void prime() throws IOException {
        read(new ByteArrayInputStream(sampleInput().getBytes(StandardCharsets.UTF_8)));
        write(OutputStream.nullOutputStream(), Map.of("messageId", "priming"));
    }
}
