package com.eucimageupdater.aws;

import com.eucimageupdater.approve.TaskAnswers;
import com.eucimageupdater.approve.TaskClosedException;
import java.time.Duration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** Task answers through the Step Functions API. */
public final class StepFunctionsTaskAnswers implements TaskAnswers {
    /** Someone is waiting in a browser: a slow call ends as an error page well within the function's timeout. */
    public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(8);
    private final SfnClient sfn;

    public StepFunctionsTaskAnswers(SfnClient sfn) {
        this.sfn = sfn;
    }

    /** A client from the standard environment (region, credentials, endpoint) over the url-connection HTTP client. */
    public static StepFunctionsTaskAnswers fromEnvironment() {
        return new StepFunctionsTaskAnswers(SfnClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(Duration.ofSeconds(3))
                        .apiCallTimeout(API_CALL_TIMEOUT)
                        .build())
                .build());
    }

    @Override
    public void sendTaskSuccess(String taskToken, String output) throws TaskClosedException {
        try {
            sfn.sendTaskSuccess(request -> request.taskToken(taskToken).output(output));
        } catch (TaskTimedOutException | InvalidTokenException | TaskDoesNotExistException closed) {
            throw closed(closed);
        }
    }

    @Override
    public void sendTaskFailure(String taskToken, String error, String cause) throws TaskClosedException {
        try {
            sfn.sendTaskFailure(request -> request.taskToken(taskToken).error(error).cause(cause));
        } catch (TaskTimedOutException | InvalidTokenException | TaskDoesNotExistException closed) {
            throw closed(closed);
        }
    }

    /** The error code only, without the service's message or the exception as cause: either may quote the token. */
    private static TaskClosedException closed(SfnException error) {
        return new TaskClosedException(error.awsErrorDetails() == null
                ? error.getClass().getSimpleName() : error.awsErrorDetails().errorCode());
    }
}
