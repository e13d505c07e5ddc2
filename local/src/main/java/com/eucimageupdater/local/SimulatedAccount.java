package com.eucimageupdater.local;

import com.eucimageupdater.aws.ImageServices;
import com.eucimageupdater.aws.Publishing;
import com.eucimageupdater.model.MemberAccess;
import com.eucimageupdater.simulator.AwsSimulator;
import com.eucimageupdater.simulator.Scenario;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * An embedded AWS account for a local run. The SDK finds it through its standard settings (the
 * {@code aws.endpointUrl}, {@code aws.region} and credential system properties, the twins of
 * {@code AWS_ENDPOINT_URL} and friends), exactly as a deployed function finds the real endpoints.
 */
final class SimulatedAccount implements AutoCloseable {
    private static final Map<String, String> FAKE_CREDENTIALS = Map.of("aws.accessKeyId", "AKIASIMULATED", "aws.secretAccessKey", "simulated");

    private final AwsSimulator simulator;
    private final Map<String, String> previousProperties = new HashMap<>();

    SimulatedAccount(Scenario scenario) {
        this.simulator = AwsSimulator.start(scenario);
        Map<String, String> properties = new HashMap<>(FAKE_CREDENTIALS);
        properties.put("aws.endpointUrl", simulator.endpoint().toString());
        properties.put("aws.region", scenario.region());
        properties.forEach((key, value) -> previousProperties.put(key, System.setProperty(key, value)));
    }

    AwsSimulator simulator() {
        return simulator;
    }

    /** Clients built now, from the standard environment that points at the simulator. */
    LocalWorkflow.Target target(String topicArn) {
        return target(topicArn, new MemberAccess(simulator.scenario().accountId(), null, null));
    }

    /** The scenario's account is the deployment's own; its other accounts are reached through {@code access}'s member role. */
    LocalWorkflow.Target target(String topicArn, MemberAccess access) {
        SnsClient sns = SnsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        Scenario scenario = simulator.scenario();
        return new LocalWorkflow.Target(ImageServices.fromEnvironment(access), sns, Publishing.fromEnvironment(),
                Publishing.busFromEnvironment(), System.getProperty("aws.region"),
                scenario.accountId(), topicArn, new LambdaFaultInjector(scenario.lambda(), scenario.seed()),
                scenario.locations().stream().map(Scenario.Location::region).distinct().toList());
    }

    @Override
    public void close() {
        previousProperties.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
        simulator.close();
    }
}
