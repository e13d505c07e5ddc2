package com.eucimageupdater.workflow;

/**
 * The environment variables that the functions read and the stack sets. Compile-time constants: a function reading
 * one carries no class of this package (the shipped jars leave it out).
 */
public final class FunctionEnvironment {
    /**
     * The namespace of the run's embedded-format metrics, set for every step: per stack, so that two deployments keep
     * theirs apart.
     */
    public static final String METRICS_NAMESPACE = "METRICS_NAMESPACE";
    /** The metrics' namespace when none is set, and the start of the stack's. */
    public static final String DEFAULT_METRICS_NAMESPACE = "EucImageUpdater";
    /** The deployment's account, reached with the function's own credentials; any other through the member role. */
    public static final String DEPLOYMENT_ACCOUNT = "DEPLOYMENT_ACCOUNT";
    /** The member role's name in the other accounts. */
    public static final String MEMBER_ROLE_NAME = "MEMBER_ROLE_NAME";
    /** The external id the member role's trust policy asks for; unset when the trust relies on the organization id. */
    public static final String MEMBER_EXTERNAL_ID = "MEMBER_EXTERNAL_ID";
    /** The topic the run's mails go to. */
    public static final String TOPIC_ARN = "TOPIC_ARN";
    /** The approval endpoint's Function URL, for the function that mails the links. */
    public static final String APPROVAL_ENDPOINT_URL = "APPROVAL_ENDPOINT_URL";
    /** The state machine whose executions the approval links may answer. */
    public static final String STATE_MACHINE_ARN = "STATE_MACHINE_ARN";
    /** The KMS HMAC key that signs (kms:GenerateMac) and checks (kms:VerifyMac) the approval links. */
    public static final String APPROVAL_KEY_ARN = "APPROVAL_KEY_ARN";

    private FunctionEnvironment() {}
}
