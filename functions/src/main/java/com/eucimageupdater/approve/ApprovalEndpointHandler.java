package com.eucimageupdater.approve;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.eucimageupdater.approve.ApprovalPages.Page;
import com.eucimageupdater.aws.StepFunctionsTaskAnswers;
import com.eucimageupdater.lambda.StepJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The approval links' endpoint, behind a Lambda Function URL (payload format 2.0). GET shows what the link will
 * do and a button, and decides nothing, because mail scanners fetch every link they see; only the button's POST
 * answers the callback task. Both refuse, before any Step Functions call, a link that this deployment did not
 * sign for its own state machine ({@link ApprovalLinks#verify}).
 *
 * <p>The task token is a credential for the waiting task and arrives in the query string and the body: this
 * handler never logs the request, its query string, its body or any exception message (the services' messages
 * may quote the token), only the method, the decision, the execution's name and the outcome.
 *
 * <p>The answer says who gave it (the address and user agent the Function URL saw, and when): it is the approval's
 * output, or the rejection's cause, so the execution's output and the summary mail say it.
 */
public final class ApprovalEndpointHandler implements RequestStreamHandler, Resource {
    private static final Map<String, String> HEADERS = Map.of(
            "content-type", "text/html; charset=utf-8",
            // The pages carry the token in their form: no cache may keep them, and no other page may frame them.
            "cache-control", "no-store",
            "content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self';"
                    + " frame-ancestors 'none'; base-uri 'none'",
            "referrer-policy", "no-referrer",
            "x-content-type-options", "nosniff");

    private final ApprovalLinks links;
    private final TaskAnswers answers;

    /** Clients built once per Lambda container, from the standard environment and the stack's variables. */
    public ApprovalEndpointHandler() {
        this(ApprovalLinks.fromEnvironment(), StepFunctionsTaskAnswers.fromEnvironment());
    }

    public ApprovalEndpointHandler(ApprovalLinks links, TaskAnswers answers) {
        this.links = links;
        this.answers = answers;
        Core.getGlobalContext().register(this);
    }

    /**
     * With SnapStart, before the snapshot: reads a sample request, writes a page and an answer, so a restored endpoint
     * answers its first click warm; no AWS call (a link's check needs KMS), nothing a clone must not share.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) throws IOException {
        FunctionUrlEvent sample = StepJson.records().read(new ByteArrayInputStream(("""
                {"requestContext": {"http": {"method": "POST", "sourceIp": "192.0.2.1", "userAgent": "priming"},
                 "timeEpoch": 1767225600000}, "rawQueryString": "", "body": "ZXhlY3V0aW9uPXByaW1pbmc=", "isBase64Encoded": true}""")
                .getBytes(StandardCharsets.UTF_8)), FunctionUrlEvent.class);
        try {
            ApprovalLinks.parseFields(body(sample));
        } catch (InvalidLinkException sampleIsNoLink) {
            throw new IllegalStateException("the priming sample must parse as a link's fields", sampleIsNoLink);
        }
        answerJson(Decision.APPROVE, sample);
        StepJson.records().write(OutputStream.nullOutputStream(),
                new FunctionUrlEvent.Response(200, HEADERS, ApprovalPages.unavailable().html(), false));
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to renew: the clients read credentials from the environment at each call.
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        LambdaLogger log = context.getLogger();
        Map<String, String> headers = new LinkedHashMap<>(HEADERS);
        Page page;
        try {
            FunctionUrlEvent event = StepJson.records().read(input, FunctionUrlEvent.class);
            String method = event.method();
            page = switch (method) {
                case "GET" -> show(event.rawQueryString() == null ? "" : event.rawQueryString(), log);
                case "POST" -> answer(event, log);
                default -> {
                    log.log(method + ": 405, only GET and POST are answered");
                    headers.put("allow", "GET, POST");
                    yield ApprovalPages.methodNotAllowed();
                }
            };
        } catch (RuntimeException | IOException unexpected) {
            // Never rethrown: the Lambda runtime would log the exception's message.
            logFailure(unexpected, log);
            page = ApprovalPages.unavailable();
        }
        StepJson.records().write(output, new FunctionUrlEvent.Response(page.status(), headers, page.html(), false));
    }

    private Page show(String queryString, LambdaLogger log) {
        try {
            Map<String, String> fields = ApprovalLinks.parseFields(queryString);
            ApprovalRequest request = links.verify(fields);
            log.log("GET " + request.decision().parameter() + " of execution " + request.executionName()
                    + ": 200, the page asks for the button; nothing was answered");
            return ApprovalPages.confirm(request, fields);
        } catch (InvalidLinkException refused) {
            return refused("GET", refused, log);
        }
    }

    private Page answer(FunctionUrlEvent event, LambdaLogger log) throws IOException {
        ApprovalRequest request;
        try {
            request = links.verify(ApprovalLinks.parseFields(body(event)));
        } catch (InvalidLinkException refused) {
            return refused("POST", refused, log);
        }
        String what = "POST " + request.decision().parameter() + " of execution " + request.executionName();
        try {
            request.decision().send(answers, request.taskToken(), answerJson(request.decision(), event));
        } catch (TaskClosedException closed) {
            log.log(what + ": 410, the task no longer waits (" + closed.errorCode() + ")");
            return ApprovalPages.closed(request);
        }
        log.log(what + ": 200, answer sent to Step Functions");
        return ApprovalPages.answered(request);
    }

    private static Page refused(String method, InvalidLinkException refused, LambdaLogger log) {
        Page page = ApprovalPages.refused(refused);
        log.log(method + ": " + page.status() + ", link refused: " + refused.getMessage());
        return page;
    }

    /** The answer, saying who gave it, as the task's output (approve) or the failure's cause (reject). */
    private static String answerJson(Decision decision, FunctionUrlEvent event) throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        AnsweredBy answeredBy = AnsweredBy.browser(event.sourceIp(), event.userAgent(), event.time());
        StepJson.records().write(json, ApprovalAnswer.of(decision, answeredBy));
        return json.toString(StandardCharsets.UTF_8);
    }

    private static String body(FunctionUrlEvent event) {
        String body = event.body() == null ? "" : event.body();
        return event.isBase64Encoded()
                ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8)
                : body;
    }

    /** Exception classes, AWS error codes and stack frames: enough to diagnose, without a message that may hold the token. */
    private static void logFailure(Throwable error, LambdaLogger log) {
        StringBuilder trace = new StringBuilder("503, failed (exception messages left out: they may quote the task token)\n");
        int depth = 0;
        for (Throwable cause = error; cause != null && depth < 10; cause = cause.getCause(), depth++) {
            trace.append(depth == 0 ? "" : "Caused by: ").append(cause.getClass().getName());
            if (cause instanceof AwsServiceException service && service.awsErrorDetails() != null) {
                trace.append(" (").append(service.awsErrorDetails().errorCode()).append(", HTTP ")
                        .append(service.statusCode()).append(')');
            }
            trace.append('\n');
            for (StackTraceElement frame : cause.getStackTrace()) {
                trace.append("\tat ").append(frame).append('\n');
            }
        }
        log.log(trace.toString());
    }
}
