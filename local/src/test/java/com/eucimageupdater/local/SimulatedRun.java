package com.eucimageupdater.local;

import com.eucimageupdater.plan.DeploymentSettings;
import com.eucimageupdater.plan.RolloutDefaults;
import com.eucimageupdater.simulator.AwsSimulator;
import com.eucimageupdater.simulator.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** One execution of the real ASL on the interpreter, its tasks on the real handlers, against a fresh simulator. */
final class SimulatedRun implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final LocalWorkflow.Settings FAST = settings("[]", 900, 480, 5, 5L);

    /** Deployment settings as cdk.json would give them, with every Wait shortened to {@code waitMillis}. */
    static LocalWorkflow.Settings settings(String configuredImagesJson, int pollIntervalSeconds, int maxWaitMinutes, int maxConcurrency,
            long waitMillis) {
        return new LocalWorkflow.Settings(
                new DeploymentSettings(configuredImagesJson, pollIntervalSeconds, maxWaitMinutes, maxConcurrency, "UTC", 1, RolloutDefaults.DEFAULTS), waitMillis,
                1L);
    }

    private final SimulatedAccount account;
    final ExecutionResult result;

    private SimulatedRun(SimulatedAccount account, ExecutionResult result) {
        this.account = account;
        this.result = result;
    }

    static SimulatedRun of(String scenarioJson, String inputJson) throws Exception {
        return of(scenarioJson, inputJson, FAST);
    }

    static SimulatedRun of(String scenarioJson, String inputJson, LocalWorkflow.Settings settings)
            throws Exception {
        Scenario scenario = Scenario.fromJson(scenarioJson);
        SimulatedAccount account = new SimulatedAccount(scenario);
        try {
            List<ExecutionEvent> ignored = new ArrayList<>();
            ExecutionResult result = LocalWorkflow.run(Definition.DEFAULT_FILE, JSON.readTree(inputJson), settings,
                    account.target(topicArn(scenario)), ignored::add);
            return new SimulatedRun(account, result);
        } catch (Exception | Error e) {
            account.close();
            throw e;
        }
    }

    /** The execution's name, as the plan step saw it: what a rollback or a promote names. */
    static String executionName(ExecutionResult result) {
        return result.events().stream().filter(event -> "PlanRun".equals(event.state()) && event.output() != null)
                .findFirst().orElseThrow().output().path("executionName").asText();
    }

    static String topicArn(Scenario scenario) {
        return "arn:aws:sns:" + scenario.region() + ":" + scenario.accountId() + ":euc-image-updater";
    }

    AwsSimulator aws() {
        return account.simulator();
    }

    JsonNode report() {
        return result.report();
    }

    /** The per-image result for an image, as the report normalised it. */
    JsonNode resultFor(String image) {
        for (JsonNode result : report().path("results")) {
            if (result.path("image").asText().equals(image)) {
                return result;
            }
        }
        throw new AssertionError("no result for " + image + " in " + report());
    }

    @Override
    public void close() {
        account.close();
    }
}
