package com.eucimageupdater.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.model.PipelineTags;
import com.eucimageupdater.simulator.AwsSimulator;
import com.eucimageupdater.simulator.RecordedCall;
import com.eucimageupdater.simulator.Scenario;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * disableAfterFailures (3 by default) through the real ASL on the simulator: the count of a lineage's failed scheduled
 * months on its source image's tag, the schedule skipping it at three with a line saying how to try it, a run by hand that
 * tries it, and a success that resets the count.
 */
class DisableAfterFailuresEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIGURED = """
            [{"service": "APPSTREAM", "image": "Base-Win2022"}, {"service": "APPSTREAM", "image": "Other-Win2022"}]""";
    /** The run days of November and December 2026: Patch Tuesday plus one day. */
    private static final String NOVEMBER_RUN = "{\"scheduledTime\": \"2026-11-11T06:00:00Z\"}";
    private static final String DECEMBER_RUN = "{\"scheduledTime\": \"2026-12-09T06:00:00Z\"}";
    private static final String BY_HAND = "{\"images\":[{\"service\":\"APPSTREAM\",\"image\":\"Base-Win2022\",\"account\":\"123456789012\","
            + "\"region\":\"us-east-1\"}]}";

    private static String account(String baseFailedMonths, String baseBuild) {
        return TestScenarios.scenario("""
                {"name": "Base-Win2022", "state": "AVAILABLE", "visibility": "PRIVATE", "platform": "WINDOWS_SERVER_2022",
                 "updateAvailable": true, "tags": {"%s": "%s"},
                 "build": {"outcome": "%s", "pollsUntilDone": 2, "reason": "Image builder failed to install updates"}},
                %s""".formatted(PipelineTags.FAILED_MONTHS, baseFailedMonths, baseBuild,
                TestScenarios.appStream("Other-Win2022", true, "AVAILABLE")), "", TestScenarios.NO_FAULTS);
    }

    private static ExecutionResult run(SimulatedAccount account, String input) throws Exception {
        return LocalWorkflow.run(Definition.DEFAULT_FILE, JSON.readTree(input),
                SimulatedRun.settings(CONFIGURED, 900, 480, 5, 1L), account.target(SimulatedRun.topicArn(account.simulator().scenario())),
                new ArrayList<>()::add);
    }

    /** Each count of failed months written on the Base image, in order. */
    private static List<String> countsWritten(AwsSimulator aws) {
        return aws.callsTo("TagResource").stream().filter(RecordedCall::succeeded)
                .filter(call -> call.request().path("ResourceArn").asText().endsWith(":image/Base-Win2022"))
                .map(call -> call.request().path("Tags").path(PipelineTags.FAILED_MONTHS).asText()).toList();
    }

    private static long buildsOfBase(AwsSimulator aws) {
        return TestScenarios.createdSources(aws).stream().filter("Base-Win2022"::equals).count()
                + aws.callsTo("CreateUpdatedImage").stream().filter(call -> !call.succeeded()).count();
    }

    private static String lastMail(AwsSimulator aws) {
        return aws.publishedMessages().get(aws.publishedMessages().size() - 1).message();
    }

    @Test
    @DisplayName("a lineage failing its third scheduled month in a row is counted; the next scheduled run skips it with a line saying"
            + " why and the input to try it; a run by hand that lists it tries it, and its failure is not counted")
    void theThirdFailedMonthDisablesTheLineageForTheSchedule() throws Exception {
        try (SimulatedAccount account = new SimulatedAccount(Scenario.fromJson(account("2/2026-10", "FAILED")))) {
            AwsSimulator aws = account.simulator();

            run(account, NOVEMBER_RUN);
            assertEquals(List.of("3/2026-11"), countsWritten(aws));
            assertTrue(lastMail(aws).contains("scheduled builds of this lineage failed 3 months in a row: scheduled runs skip it from now"
                    + " on (disableAfterFailures is 3); a run by hand that lists it still tries it"), lastMail(aws));
            long builtInNovember = buildsOfBase(aws);
            assertEquals(1, builtInNovember, "November's scheduled run tried it");

            run(account, DECEMBER_RUN);
            String december = lastMail(aws);
            assertEquals(builtInNovember, buildsOfBase(aws), "December's scheduled run did not build it");
            assertTrue(december.contains("SKIPPED    APPSTREAM  Base-Win2022\n           reason: its scheduled builds failed 3 months in a"
                    + " row (the last in 2026-11; disableAfterFailures is 3), so scheduled runs skip it until one of its builds succeeds."
                    + " To try it again, start a run by hand that lists it (it always tries; a success resets the count): " + BY_HAND),
                    december);
            assertTrue(december.contains("Account 123456789012, us-east-1: 1 up to date, 1 skipped"), december);

            ExecutionResult byHand = run(account, BY_HAND);
            assertEquals(builtInNovember + 1, buildsOfBase(aws), "the run by hand tried it");
            assertFalse(byHand.succeeded(), "its build failed again");
            assertEquals(List.of("3/2026-11"), countsWritten(aws), "a run by hand's failure is not counted");
            assertEquals(List.of(), aws.modelViolations());
        }
    }

    @Test
    @DisplayName("a successful build resets the count of a lineage that had failed scheduled months, and the mail says so")
    void aSuccessResetsTheCount() throws Exception {
        try (SimulatedAccount account = new SimulatedAccount(Scenario.fromJson(account("2/2026-10", "AVAILABLE")))) {
            AwsSimulator aws = account.simulator();

            ExecutionResult november = run(account, NOVEMBER_RUN);

            assertTrue(november.succeeded(), november::toString);
            assertEquals(List.of("0"), countsWritten(aws));
            assertTrue(lastMail(aws).contains("built: the count of failed scheduled months (2) is reset"), lastMail(aws));
            assertEquals(List.of(), aws.modelViolations());
        }
    }
}
