package com.eucimageupdater.workflow;

/**
 * The shaded jars the functions ship in, each holding only what its functions need (the shade filters in
 * functions/pom.xml), by path from the project root, where {@code mvn -B -pl functions -am package} leaves them.
 */
public enum FunctionJar {
    /** The steps that call AppStream and WorkSpaces: the SDK's clients for those and STS. */
    IMAGE_STEPS("functions/target/functions-lambda.jar"),
    /** The run-wide steps, which call no AWS service. */
    RUN_STEPS("functions/target/functions-run-lambda.jar"),
    /** The approval step: SNS for the mail, KMS to sign its links, EventBridge for its Approval Requested events. */
    APPROVAL_MAIL("functions/target/functions-approval-mail-lambda.jar"),
    /** Telling other systems what the run did: EventBridge for its events, SSM for the lineages' parameters. */
    PUBLISH("functions/target/functions-publish-lambda.jar"),
    /** The approval links' endpoint: KMS to check a link, Step Functions to answer the task. */
    APPROVAL_ENDPOINT("functions/target/functions-approval-endpoint-lambda.jar");

    private final String path;

    FunctionJar(String path) {
        this.path = path;
    }

    /** From the project root. */
    public String path() {
        return path;
    }
}
