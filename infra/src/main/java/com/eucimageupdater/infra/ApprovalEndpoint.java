package com.eucimageupdater.infra;

import com.eucimageupdater.approve.ApprovalLinks;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.kms.KeySpec;
import software.amazon.awscdk.services.kms.KeyUsage;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.ApplicationLogLevel;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.FunctionUrl;
import software.amazon.awscdk.services.lambda.FunctionUrlAuthType;
import software.amazon.awscdk.services.lambda.FunctionUrlOptions;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.SystemLogLevel;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The HTTPS endpoint that the approval mail's approve and reject links go to: a function behind a Lambda Function
 * URL with AuthType NONE (the links are clicked from a mail, without AWS credentials), and the KMS HMAC key that
 * signs and checks the links ({@link ApprovalLinks}). The protection is the signature, not the URL: the endpoint
 * answers only links that this deployment signed for an execution of its state machine.
 *
 * <p>Like the workflow's functions, the URL serves the {@value EucImageUpdaterStack#LIVE_ALIAS} alias on the version
 * published at each deploy, restored by SnapStart, and logs JSON at the configured level; the handler never logs the
 * task token at any level, and the SDK's own logs go nowhere (slf4j-nop). A reserved concurrency, when configured,
 * bounds what a flood of requests to the public URL can cost and keeps it from starving the workflow's functions.
 *
 * <p>The function that mails the links gets {@link #linkEnvironment()} and {@link #grantLinkSigning}.
 */
public final class ApprovalEndpoint extends Construct {
    static final String HANDLER = "com.eucimageupdater.approve.ApprovalEndpointHandler::handleRequest";

    private final String stateMachineArn;
    private final Key key;
    private final Function function;
    private final FunctionUrl url;

    /**
     * @param stateMachineName the name the stack gives its state machine. The endpoint takes a name, not the state
     *        machine: the state machine's definition refers to the function that mails the links, which needs this
     *        endpoint's URL, so a reference back to the state machine would close a dependency loop. An ARN formed
     *        from the fixed name grants on exactly that state machine, where a name-prefix pattern would match others.
     * @param code the functions' jar
     * @param logLevel the application log level, as for the workflow's functions
     * @param reservedConcurrency the function's reserved concurrency; empty: none, it shares the account's unreserved pool
     */
    public ApprovalEndpoint(Construct scope, String id, String stateMachineName, Code code, ApplicationLogLevel logLevel,
            OptionalInt reservedConcurrency) {
        super(scope, id);
        stateMachineArn = Stack.of(this).formatArn(ArnComponents.builder()
                .service("states")
                .resource("stateMachine")
                .resourceName(stateMachineName)
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                .build());
        key = createKey();
        function = createFunction(code, logLevel, reservedConcurrency);
        Alias alias = Alias.Builder.create(this, "Alias")
                .aliasName(EucImageUpdaterStack.LIVE_ALIAS)
                .version(function.getCurrentVersion())
                .build();
        // On the alias (the URL's Qualifier), so that requests reach the published, SnapStart-restored version.
        url = alias.addFunctionUrl(FunctionUrlOptions.builder().authType(FunctionUrlAuthType.NONE).build());
        CfnOutput output = CfnOutput.Builder.create(this, "Url")
                .description("The approval links' endpoint (the links carry their own signed task token)")
                .value(url.getUrl())
                .build();
        output.overrideLogicalId("ApprovalEndpointUrl");
    }

    private Key createKey() {
        return Key.Builder.create(this, "LinkKey")
                .description("Signs (GenerateMac) and checks (VerifyMac) the euc-image-updater approval links")
                .keySpec(KeySpec.HMAC_256)
                .keyUsage(KeyUsage.GENERATE_VERIFY_MAC)
                // Nothing is encrypted under it: once the stack is gone, its links need not verify.
                .removalPolicy(RemovalPolicy.DESTROY)
                .pendingWindow(Duration.days(7))
                .build();
    }

    private Function createFunction(Code code, ApplicationLogLevel logLevel, OptionalInt reservedConcurrency) {
        LogGroup logGroup = LogGroup.Builder.create(this, "Logs").retention(EucImageUpdaterStack.LOG_RETENTION).build();
        Role role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Answers the euc-image-updater's approval task from the approval links")
                .build();
        // The Service Authorization Reference lists no resource type for states:SendTaskSuccess and
        // states:SendTaskFailure (which would mean Resource "*"), yet Step Functions authorizes them against the
        // state machine of the token's execution ("not authorized to perform: states:SendTaskFailure on resource:
        // arn:...:stateMachine:..."), which is also what CDK's StateMachine.grantTaskResponse grants on. So the
        // grant names this state machine only; the signature checked in code holds even if IAM did not.
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("states:SendTaskSuccess", "states:SendTaskFailure"))
                .resources(List.of(stateMachineArn))
                .build());
        key.grant(role, "kms:VerifyMac");
        logGroup.grantWrite(role);
        Function.Builder endpoint = Function.Builder.create(this, "Function")
                .description("Approval links' endpoint of the euc-image-updater: GET shows, POST answers")
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .code(code)
                .handler(HANDLER)
                .memorySize(512)
                // A cold start plus one kms:VerifyMac and one Step Functions call, each bounded at 8 s.
                .timeout(Duration.seconds(30))
                .role(role)
                .logGroup(logGroup)
                // No active tracing: X-Ray's actions take only Resource "*", and this role is reachable from the internet.
                .environment(Map.of(
                        ApprovalLinks.STATE_MACHINE_ARN_ENV, stateMachineArn,
                        ApprovalLinks.KEY_ARN_ENV, key.getKeyArn(),
                        "JAVA_TOOL_OPTIONS", EucImageUpdaterStack.FAST_START_JVM_OPTIONS))
                .loggingFormat(LoggingFormat.JSON)
                .applicationLogLevelV2(logLevel)
                .systemLogLevelV2(SystemLogLevel.INFO)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
        reservedConcurrency.ifPresent(endpoint::reservedConcurrentExecutions);
        Function built = endpoint.build();
        Annotations.of(built).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "the function publishes a version for its live alias, which the Function URL serves");
        NagSuppressions.addResourceSuppressions(built, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-L1")
                .reason("Java 21 is the runtime that all of this project's functions share and are tested on; newer ones are adopted deliberately")
                .build()));
        return built;
    }

    /** The HTTPS URL that the links start with. */
    public String getUrl() {
        return url.getUrl();
    }

    /** The state machine whose callback tasks the endpoint may answer. */
    public String getStateMachineArn() {
        return stateMachineArn;
    }

    public Key getKey() {
        return key;
    }

    public Function getFunction() {
        return function;
    }

    /** What the function that mails the links needs in its environment to build them ({@link ApprovalLinks#fromEnvironment()}). */
    public Map<String, String> linkEnvironment() {
        return Map.of(
                ApprovalLinks.ENDPOINT_URL_ENV, url.getUrl(),
                ApprovalLinks.STATE_MACHINE_ARN_ENV, stateMachineArn,
                ApprovalLinks.KEY_ARN_ENV, key.getKeyArn());
    }

    /** Lets the function that mails the links sign them: kms:GenerateMac on this key only. */
    public void grantLinkSigning(IGrantable signer) {
        key.grant(signer, "kms:GenerateMac");
    }
}
