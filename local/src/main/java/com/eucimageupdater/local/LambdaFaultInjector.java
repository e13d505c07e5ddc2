package com.eucimageupdater.local;

import com.eucimageupdater.simulator.Scenario;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Lambda's own faults for a local run: instead of running a step's handler, the task host answers with the error
 * Step Functions would report, so that the definition's retriers for them run through the interpreter.
 */
final class LambdaFaultInjector {
    static final LambdaFaultInjector NONE = new LambdaFaultInjector(new Scenario.LambdaFaults(0, null, null), 0);

    private final Scenario.LambdaFaults faults;
    private final Random random;
    private final Map<String, Integer> callsByStep = new HashMap<>();
    private int injected;

    LambdaFaultInjector(Scenario.LambdaFaults faults, long seed) {
        this.faults = faults;
        this.random = new Random(seed);
    }

    /** A thrown Lambda fault, named as Step Functions names it (its error is {@code errorName}, not a Java class). */
    static final class LambdaFault extends TaskError {
        LambdaFault(String errorName, String step) {
            super(errorName, "Simulated " + errorName + " invoking the " + step + " function");
        }
    }

    /** @throws LambdaFault when this invocation of {@code step} is to fail */
    synchronized void beforeInvoke(String step) {
        int call = callsByStep.merge(step, 1, Integer::sum);
        boolean scripted = call <= faults.firstCalls().getOrDefault(step, 0);
        if (scripted || (faults.rate() > 0 && random.nextDouble() < faults.rate())) {
            throw new LambdaFault(faults.errors().get(injected++ % faults.errors().size()), step);
        }
    }
}
