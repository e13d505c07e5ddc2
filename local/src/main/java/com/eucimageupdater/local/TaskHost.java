package com.eucimageupdater.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Where the local interpreter sends its Task states: Lambda ARNs run the real handlers in this JVM, exactly as
 * the Lambda runtime would call them, and the SNS Publish integration goes through the real SDK.
 */
final class TaskHost implements AutoCloseable {
    static final String SNS_PUBLISH = "arn:aws:states:::sns:publish";
    static final String LAMBDA_CALLBACK = "arn:aws:states:::lambda:invoke.waitForTaskToken";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, RequestStreamHandler> functionsByArn;
    private final Map<String, String> stepsByArn;
    private final LambdaFaultInjector lambdaFaults;
    private final LocalApproval approval;
    private final SnsPublisher publisher;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private volatile JsonNode report;

    /**
     * @param stepsByArn each function's step ("Check"), by which scenarios name the Lambda faults to inject
     * @param approval how the approval is answered; null when nobody may answer it
     */
    TaskHost(Map<String, RequestStreamHandler> functionsByArn, Map<String, String> stepsByArn, LambdaFaultInjector lambdaFaults,
            LocalApproval approval, SnsPublisher publisher) throws IOException {
        this.approval = approval;
        this.functionsByArn = Map.copyOf(functionsByArn);
        this.stepsByArn = Map.copyOf(stepsByArn);
        this.lambdaFaults = lambdaFaults;
        this.publisher = publisher;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/invoke", this::invoke);
        server.setExecutor(workers);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void invoke(HttpExchange exchange) throws IOException {
        ObjectNode reply = JSON.createObjectNode();
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            String resource = request.path("resource").asText();
            try {
                reply.set("output", run(resource, request.get("input")));
            } catch (TaskError named) {
                // Lambda's own errors, a callback's failure and a timeout reach Step Functions by name, with a plain cause.
                reply.putObject("error").put("errorType", named.errorName).put("errorMessage", named.getMessage()).put("plainCause", true);
            } catch (Exception e) {
                reply.set("error", errorDocument(e));
            }
            byte[] body = JSON.writeValueAsBytes(reply);
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private JsonNode run(String resource, JsonNode input) throws IOException {
        if (SNS_PUBLISH.equals(resource)) {
            return publisher.publish(input);
        }
        if (LAMBDA_CALLBACK.equals(resource)) {
            if (approval == null) {
                // Refused before the run (--target aws without --approve); should a run ask all the same, nobody answers yes for the admin.
                throw new IllegalStateException("the run asks for an approval and --approve does not say how to answer it");
            }
            // The function mails the approval request; the answer then comes as the endpoint or the CLI would send it.
            run(input.path("FunctionName").asText(), input.path("Payload"));
            return approval.answer();
        }
        RequestStreamHandler handler = functionsByArn.get(resource);
        if (handler == null) {
            throw new IllegalStateException("no local function for Task resource " + resource);
        }
        lambdaFaults.beforeInvoke(stepsByArn.get(resource));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(input)), output, new LocalContext(resource));
        JsonNode result = JSON.readTree(output.toByteArray());
        if ("Report".equals(stepsByArn.get(resource))) {
            report = result;
        }
        return result;
    }

    /**
     * The report step's whole answer, per-image results included: the state machine keeps only what it mails, so that a
     * thousand images' results stay out of the execution's data.
     */
    JsonNode report() {
        return report;
    }

    /**
     * What the Java Lambda runtime reports for an exception, stack traces and cause chain included, so local runs
     * carry error documents of the size Step Functions will hold.
     */
    static ObjectNode errorDocument(Throwable error) {
        ObjectNode document = JSON.createObjectNode();
        document.put("errorMessage", error.getMessage());
        document.put("errorType", error.getClass().getName());
        ArrayNode stackTrace = document.putArray("stackTrace");
        for (StackTraceElement frame : error.getStackTrace()) {
            stackTrace.add(frame.toString());
        }
        if (error.getCause() != null && error.getCause() != error) {
            document.set("cause", errorDocument(error.getCause()));
        }
        return document;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
