package com.eucimageupdater.aws;

import static com.eucimageupdater.aws.PlannedJobs.checked;
import static com.eucimageupdater.aws.PlannedJobs.planned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eucimageupdater.model.ImageJob;
import com.eucimageupdater.model.ImageUpdateException;
import com.eucimageupdater.model.Service;

import com.eucimageupdater.simulator.AwsSimulator;
import com.eucimageupdater.simulator.RecordedCall;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * One image service through the real SDK against a fresh simulated account per test; after each test, every
 * request it sent must have met the API model.
 */
abstract class SimulatedImageServiceTest<S extends ServiceAdapter> {
    SimulatedAccount account;
    AwsSimulator simulator;
    S service;

    abstract Service serviceType();

    abstract String accountScenario();

    abstract S serviceOn(SimulatedAccount account);

    @BeforeEach
    void startAccount() {
        account = SimulatedAccount.start(accountScenario());
        simulator = account.simulator();
        service = serviceOn(account);
    }

    @AfterEach
    void everyRequestMetTheApiModel() {
        try {
            assertEquals(List.of(), simulator.modelViolations());
        } finally {
            account.close();
        }
    }

    ImageJob checkedJob(String image) {
        ImageJob job = planned(serviceType(), image);
        return checked(job, service.checkForUpdate(job));
    }

    ImageUpdateException checkFails(String image) {
        return assertThrows(ImageUpdateException.class, () -> service.checkForUpdate(planned(serviceType(), image)));
    }

    List<String> operationsThatChanged() {
        return simulator.mutatingCalls().stream().filter(RecordedCall::succeeded).map(RecordedCall::operation).toList();
    }
}
