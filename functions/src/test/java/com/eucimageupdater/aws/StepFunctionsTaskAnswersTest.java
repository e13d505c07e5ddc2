package com.eucimageupdater.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eucimageupdater.approve.Decision;
import com.eucimageupdater.approve.TaskAnswers;
import com.eucimageupdater.approve.TaskClosedException;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SfnException;

/** The decisions as the real SDK sends them to Step Functions, and Step Functions' answers as the endpoint sees them. */
class StepFunctionsTaskAnswersTest {
    private static final String TOKEN = "AAAAKgAAAAIAAAAAAAAAAR+token/from=step-functions";
    private static final String ANSWER = "{\"decision\":\"approved\"}";
    private ScriptedAwsJsonService stepFunctions;
    private TaskAnswers answers;

    @BeforeEach
    void start() throws IOException {
        stepFunctions = new ScriptedAwsJsonService();
        answers = new StepFunctionsTaskAnswers(stepFunctions.client(SfnClient.builder()));
    }

    @AfterEach
    void stop() {
        stepFunctions.close();
    }

    @Test
    void approvalSendsTaskSuccessWithTheAnswerAsOutput() throws Exception {
        stepFunctions.reply(200, "{}");

        Decision.APPROVE.send(answers, TOKEN, "{\"decision\":\"approved\"}");

        ScriptedAwsJsonService.Request request = stepFunctions.requests().get(0);
        assertEquals("AWSStepFunctions.SendTaskSuccess", request.target());
        assertEquals(TOKEN, request.body().get("taskToken").asText());
        assertEquals("{\"decision\":\"approved\"}", request.body().get("output").asText());
    }

    @Test
    void rejectionSendsTaskFailureWithApprovalRejectedAndTheAnswerAsCause() throws Exception {
        stepFunctions.reply(200, "{}");

        Decision.REJECT.send(answers, TOKEN, "{\"decision\":\"rejected\"}");

        ScriptedAwsJsonService.Request request = stepFunctions.requests().get(0);
        assertEquals("AWSStepFunctions.SendTaskFailure", request.target());
        assertEquals(TOKEN, request.body().get("taskToken").asText());
        assertEquals("ApprovalRejected", request.body().get("error").asText());
        assertEquals("{\"decision\":\"rejected\"}", request.body().get("cause").asText());
    }

    @ParameterizedTest(name = "{0}: the task no longer waits, and the token is not in the exception")
    @ValueSource(strings = {"TaskTimedOut", "InvalidToken", "TaskDoesNotExist"})
    void closedTaskErrorsBecomeTaskClosed(String errorCode) {
        stepFunctions.error(errorCode, "Task Timed Out: '" + TOKEN + "'").error(errorCode, "Invalid Token: '" + TOKEN + "'");

        TaskClosedException approve = assertThrows(TaskClosedException.class, () -> Decision.APPROVE.send(answers, TOKEN, ANSWER));
        TaskClosedException reject = assertThrows(TaskClosedException.class, () -> Decision.REJECT.send(answers, TOKEN, ANSWER));

        assertEquals(errorCode, approve.errorCode());
        assertEquals(errorCode, reject.errorCode());
        assertFalse(approve.getMessage().contains(TOKEN), approve.getMessage());
        assertEquals(null, approve.getCause(), "the service's exception, whose message quotes the token, is not kept");
    }

    @Test
    void otherErrorsAreNotTakenForAnAnsweredTask() {
        stepFunctions.error("AccessDeniedException", "not authorized to perform: states:SendTaskSuccess");

        SfnException denied = assertThrows(SfnException.class, () -> Decision.APPROVE.send(answers, TOKEN, ANSWER));

        assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
    }
}
