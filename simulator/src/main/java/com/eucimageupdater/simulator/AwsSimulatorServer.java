package com.eucimageupdater.simulator;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator on its own, for trying the SDK or the CLI against it by hand:
 * {@code java ... AwsSimulatorServer [--scenario FILE] [--port N]}; prints the endpoint, runs until stopped.
 */
public final class AwsSimulatorServer {
    private AwsSimulatorServer() {}

    public static void main(String[] args) throws InterruptedException {
        Scenario scenario = Scenario.defaultScenario();
        int port = 0;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                usage("missing value for " + args[i]);
            }
            switch (args[i]) {
                case "--scenario" -> scenario = Scenario.load(Path.of(args[i + 1]));
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                default -> usage("unknown option " + args[i]);
            }
        }
        AwsSimulator simulator = AwsSimulator.start(scenario, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        System.out.println(simulator.endpoint());
        System.err.println("AWS simulator for account " + scenario.accountId() + " in " + scenario.region()
                + (scenario.accounts().isEmpty() ? "" : " and " + scenario.accounts().size() + " more accounts")
                + " (AppStream, WorkSpaces, SNS, STS); stop with Ctrl-C");
        stopped.await();
    }

    private static void usage(String problem) {
        System.err.println(problem + "\nusage: AwsSimulatorServer [--scenario FILE] [--port N]");
        System.exit(2);
    }
}
