package com.eucimageupdater.workflow;

import static com.eucimageupdater.workflow.FunctionEnvironment.APPROVAL_KEY_ARN;
import static com.eucimageupdater.workflow.FunctionEnvironment.STATE_MACHINE_ARN;

import java.time.Duration;
import java.util.List;

/**
 * One of the updater's Lambda functions, as the stack deploys it and the local runner and benchmark load it.
 *
 * @param handlerClass the handler's fully qualified class name: named, not referenced, so that the stack loads no handler
 * @param grants the AWS calls it may make, on what
 * @param environment the names of the {@link FunctionEnvironment} variables it reads
 */
public record FunctionSpec(String handlerClass, FunctionJar jar, int memoryMb, Duration timeout, List<Grant> grants,
        List<String> environment) {
    private static final String BASE_PACKAGE = "com.eucimageupdater.";

    /**
     * The approval links' endpoint behind a Function URL: not a step of the state machine, it answers the approval
     * step's task when an approver follows a link.
     */
    public static final FunctionSpec APPROVAL_ENDPOINT = new FunctionSpec(inBasePackage("approve.ApprovalEndpointHandler"),
            FunctionJar.APPROVAL_ENDPOINT, 512,
            // A cold start plus one kms:VerifyMac and one Step Functions call, each bounded at 8 s.
            Duration.ofSeconds(30),
            List.of(
                    // The Service Authorization Reference lists no resource type for states:SendTaskSuccess and
                    // states:SendTaskFailure (which would mean Resource "*"), yet Step Functions authorizes them against the
                    // state machine of the token's execution ("not authorized to perform: states:SendTaskFailure on resource:
                    // arn:...:stateMachine:..."), which is also what CDK's StateMachine.grantTaskResponse grants on. So the
                    // grant names this state machine only; the signature checked in code holds even if IAM did not.
                    Grant.on(Scope.STATE_MACHINE, "states:SendTaskSuccess", "states:SendTaskFailure"),
                    Grant.on(Scope.APPROVAL_LINK_KEY, "kms:VerifyMac")),
            List.of(STATE_MACHINE_ARN, APPROVAL_KEY_ARN));

    public FunctionSpec {
        grants = List.copyOf(grants);
        environment = List.copyOf(environment);
    }

    static String inBasePackage(String className) {
        return BASE_PACKAGE + className;
    }

    /** The Lambda handler setting: the handler class and its method. */
    public String handler() {
        return handlerClass + "::handleRequest";
    }
}
