package com.eucimageupdater.local;

import static com.eucimageupdater.local.TestScenarios.NO_FAULTS;
import static com.eucimageupdater.local.TestScenarios.appStream;
import static com.eucimageupdater.local.TestScenarios.creates;
import static com.eucimageupdater.local.TestScenarios.image;
import static com.eucimageupdater.local.TestScenarios.input;
import static com.eucimageupdater.local.TestScenarios.scenario;
import static com.eucimageupdater.local.TestScenarios.workSpaces;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One test per row of the error table in docs/limits-and-errors.md: the simulator answers the error, the real handlers and ASL
 * decide, and the simulator's record shows what was done about it.
 */
class ErrorHandlingEndToEndTest {
    private static final String APPSTREAM_SOURCE = "Base-Win2022";
    private static final String WORKSPACES_SOURCE = "wsi-0a1b2c3d4";

    private static SimulatedRun runWithError(String service, String operation, String type, String times, boolean mutatingOnly)
            throws Exception {
        String error = """
                [{"operation": "%s", "type": "%s", "message": "Simulated %s", %s "mutatingOnly": %s}]"""
                .formatted(operation, type, type, times.equals("always") ? "" : "\"times\": " + times + ",", mutatingOnly);
        String scenario = scenario(appStream(APPSTREAM_SOURCE, true, "AVAILABLE"),
                workSpaces(WORKSPACES_SOURCE, "finance-win10", true, "AVAILABLE"), NO_FAULTS, error);
        String source = service.equals("APPSTREAM") ? APPSTREAM_SOURCE : WORKSPACES_SOURCE;
        return SimulatedRun.of(scenario, input(image(service, source)));
    }

    @ParameterizedTest(name = "{0} {1} {2} fails the image: {5}")
    @CsvSource(delimiter = '|', textBlock = """
            APPSTREAM  | CreateUpdatedImage          | LimitExceededException          | always | true  | raise the quota in Service Quotas
            APPSTREAM  | CreateUpdatedImage          | InvalidAccountStatusException   | always | true  | contact AWS Support
            APPSTREAM  | CreateUpdatedImage          | OperationNotPermittedException  | always | true  | images that this account owns
            APPSTREAM  | CreateUpdatedImage          | IncompatibleImageException      | always | false | cannot take managed updates
            APPSTREAM  | CreateUpdatedImage          | ResourceNotFoundException       | always | false | check the image name or id
            APPSTREAM  | DescribeImages              | InvalidParameterCombinationException | always | false | report this as a bug
            WORKSPACES | CreateUpdatedWorkspaceImage | ResourceLimitExceededException  | always | false | raise the quota in Service Quotas
            WORKSPACES | CreateUpdatedWorkspaceImage | ResourceNotFoundException       | always | false | check the image name or id
            WORKSPACES | CreateUpdatedWorkspaceImage | OperationNotSupportedException  | always | false | Windows 10, Windows Server 2016 and 2019
            WORKSPACES | CreateUpdatedWorkspaceImage | InvalidResourceStateException   | always | false | must be AVAILABLE
            WORKSPACES | CreateUpdatedWorkspaceImage | AccessDeniedException           | always | false | IAM role lacks a permission
            WORKSPACES | CreateUpdatedWorkspaceImage | InvalidParameterValuesException | always | false | report this as a bug
            WORKSPACES | DescribeWorkspaceImages     | AccessDeniedException           | always | false | IAM role lacks a permission
            """)
    void permanentErrorsFailTheImageWithAReasonAndCreateNothing(String service, String operation, String type, String times,
            boolean mutatingOnly, String hint) throws Exception {
        try (SimulatedRun run = runWithError(service, operation, type, times, mutatingOnly)) {
            assertEquals("ImageUpdatesFailed", run.result.error());
            String reason = run.report().path("results").path(0).path("reason").asText();
            assertTrue(reason.contains(type.replace("Exception", "")) && reason.contains(hint), reason);
            assertEquals(0, creates(run.aws()).size());
            assertTrue(run.aws().publishedMessages().get(0).message().contains(hint));
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} x{3} is retried until the image updates once")
    @CsvSource(delimiter = '|', textBlock = """
            APPSTREAM  | CreateUpdatedImage          | ConcurrentModificationException | 2 | true
            APPSTREAM  | CreateUpdatedImage          | ThrottlingException             | 6 | true
            APPSTREAM  | DescribeImages              | ThrottlingException             | 4 | false
            WORKSPACES | CreateUpdatedWorkspaceImage | ThrottlingException             | 6 | false
            WORKSPACES | DescribeWorkspaceImages     | ThrottlingException             | 5 | false
            APPSTREAM  | CreateUpdatedImage          | InternalFailure                 | 4 | true
            WORKSPACES | CreateUpdatedWorkspaceImage | ServiceUnavailable              | 4 | false
            """)
    void transientErrorsAreRetriedWithBackoff(String service, String operation, String type, String times, boolean mutatingOnly)
            throws Exception {
        try (SimulatedRun run = runWithError(service, operation, type, times, mutatingOnly)) {
            assertTrue(run.result.succeeded(), () -> run.result.error() + " " + run.report());
            assertEquals("UPDATED", run.report().path("results").path(0).path("outcome").asText());
            assertEquals(1, creates(run.aws()).size());
            assertEquals(Integer.parseInt(times), run.aws().calls().stream().filter(call -> type.equals(call.errorType())).count());
        }
    }

    @Test
    @DisplayName("a mail that SNS refuses for a while is retried and sent once")
    void publishIsRetried() throws Exception {
        try (SimulatedRun run = runWithError("APPSTREAM", "Publish", "InternalErrorException", "4", false)) {
            assertTrue(run.result.succeeded(), () -> run.result.error() + " " + run.result.cause());
            assertEquals(1, run.aws().publishedMessages().size());
            assertEquals(4, run.aws().calls().stream().filter(call -> call.operation().equals("Publish") && !call.succeeded()).count());
        }
    }

    @Test
    @DisplayName("a mail SNS keeps refusing fails the execution with SNS's error, after the images were done")
    void publishThatKeepsFailingFailsTheExecution() throws Exception {
        try (SimulatedRun run = runWithError("APPSTREAM", "Publish", "AuthorizationErrorException", "always", false)) {
            assertTrue(run.result.error().endsWith("AuthorizationErrorException"), run.result.error());
            assertEquals(1, creates(run.aws()).size(), "the image itself was updated");
            assertEquals(List.of(), run.aws().publishedMessages());
        }
    }
}
