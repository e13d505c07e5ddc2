package com.eucimageupdater.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A simulated AWS organization on 127.0.0.1: AppStream, WorkSpaces, SNS, STS, EventBridge and Parameter Store on one
 * endpoint, speaking their real wire protocols, so the real AWS SDK (and the real Lambda handlers) run against it unchanged. Each call
 * reaches the state of the account that signed it (the home account, or the one of a role assumed through STS)
 * in the Region it was signed for. Requests are checked against the services' API models; state lives in memory;
 * faults come from the {@link Scenario}.
 */
public final class AwsSimulator implements AutoCloseable {
    static {
        // The JDK server sends headers and body in separate packets; with Nagle's algorithm on, every answer
        // then waits for the client's delayed ACK (about 40 ms). Read once, when the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Scenario scenario;
    private final Organization organization;
    private final HttpServer server;
    private final ExecutorService workers;
    private final CallLog log;
    private final SnsBackend sns;

    private AwsSimulator(Scenario scenario, Organization organization, HttpServer server, ExecutorService workers, CallLog log,
            SnsBackend sns) {
        this.scenario = scenario;
        this.organization = organization;
        this.server = server;
        this.workers = workers;
        this.log = log;
        this.sns = sns;
    }

    /** Starts on a free port. */
    public static AwsSimulator start(Scenario scenario) {
        return start(scenario, 0);
    }

    /** Starts on {@code port} (0 for a free one). */
    public static AwsSimulator start(Scenario scenario, int port) {
        Clock clock = Clock.systemUTC();
        CallLog log = new CallLog();
        SnsBackend sns = new SnsBackend(scenario);
        Organization organization = new Organization(scenario, clock);
        HttpRouter router = new HttpRouter(organization, new SecurityTokenService(scenario, clock), sns, log);
        ExecutorService workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "aws-simulator");
            thread.setDaemon(true);
            return thread;
        });
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/", router);
            server.setExecutor(workers);
            server.start();
            return new AwsSimulator(scenario, organization, server, workers, log, sns);
        } catch (IOException e) {
            workers.shutdownNow();
            throw new UncheckedIOException("Cannot start the AWS simulator on port " + port, e);
        }
    }

    /** The one endpoint of all six services, e.g. http://127.0.0.1:40123. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public Scenario scenario() {
        return scenario;
    }

    /**
     * Every account's state now, as a scenario that starts a simulator where this one is (saved with
     * {@link Scenario#save}): images with their tags, shares, builds and failures, fleets, image builders, bundles and
     * their WorkSpaces, roles, topics; new ids of the next simulator are drawn apart from this one's. It has no faults,
     * scripted errors or Lambda faults: those were this run's, and a later run is not to meet them again.
     */
    public Scenario snapshot() {
        return organization.snapshot();
    }

    /** Every request so far, in the order they were answered. */
    public List<RecordedCall> calls() {
        return log.calls();
    }

    /** The requests signed by {@code account} for {@code region} (unsigned ones: the home account and Region). */
    public List<RecordedCall> callsIn(String account, String region) {
        return calls().stream().filter(call -> account.equals(call.account()) && region.equals(call.region())).toList();
    }

    public List<RecordedCall> callsTo(String operation) {
        return calls().stream().filter(call -> call.operation().equals(operation)).toList();
    }

    /** The requests that asked for a change, answered or not. */
    public List<RecordedCall> mutatingCalls() {
        return calls().stream().filter(RecordedCall::mutating).toList();
    }

    /** Requests rejected by validation: the models' constraints and the services' documented rules. */
    public List<RecordedCall> modelViolations() {
        return log.violations();
    }

    /** The events EventBridge took onto a bus, in every account and Region, in order. */
    public List<PublishedEvent> publishedEvents() {
        return organization.publishedEvents();
    }

    /** A Parameter Store parameter of {@code account} in {@code region}, as the last PutParameter left it. */
    public Optional<SsmParameter> parameter(String account, String region, String name) {
        return organization.place(account, region).parameters().parameter(name);
    }

    /** The SNS messages published successfully. */
    public List<PublishedMessage> publishedMessages() {
        return sns.published();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
