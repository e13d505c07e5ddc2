package com.eucimageupdater.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * An AWS JSON-protocol service on localhost that records each request (its X-Amz-Target and body) and answers
 * with scripted replies, so that the real SDK client's requests and error mapping are what is tested.
 */
final class ScriptedAwsJsonService implements AutoCloseable {
    record Request(String target, JsonNode body) {}

    private record Reply(int status, String body) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Deque<Reply> replies = new ArrayDeque<>();

    ScriptedAwsJsonService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            synchronized (this) {
                requests.add(new Request(exchange.getRequestHeaders().getFirst("X-Amz-Target"),
                        JSON.readTree(exchange.getRequestBody())));
                Reply reply = replies.isEmpty() ? new Reply(500, "{\"__type\":\"NoReplyScripted\"}") : replies.poll();
                byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
                exchange.sendResponseHeaders(reply.status(), body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            }
        });
        server.start();
    }

    /** A real SDK client of this service: test credentials, a fixed Region, the url-connection HTTP client. */
    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
        return builder.endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    synchronized ScriptedAwsJsonService reply(int status, String body) {
        replies.add(new Reply(status, body));
        return this;
    }

    /** An AWS error reply: the SDK maps {@code __type} to the modelled exception. */
    ScriptedAwsJsonService error(String type, String message) {
        return reply(400, "{\"__type\":\"" + type + "\",\"message\":" + JSON.valueToTree(message) + "}");
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
