package com.eucimageupdater.infra;

import com.eucimageupdater.workflow.FunctionEnvironment;
import com.eucimageupdater.workflow.FunctionSpec;
import com.eucimageupdater.workflow.Scope;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
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
 * signs and checks the links. The protection is the signature, not the URL: the endpoint
 * answers only links that this deployment signed for an execution of its state machine.
 *
 * <p>Like the workflow's functions, the URL serves the {@value EucImageUpdaterStack#LIVE_ALIAS} alias on the version
 * published at each deploy, restored by SnapStart, and logs JSON at the configured level; the handler never logs the
 * task token at any level, and the SDK's own logs go nowhere (slf4j-nop). A reserved concurrency, when configured,
 * bounds what a flood of requests to the public URL can cost and keeps it from starving the workflow's functions.
 *
 * <p>The function is the contract's {@link FunctionSpec#APPROVAL_ENDPOINT}. The function that mails the links gets
 * {@link #linkEnvironment()}, and signs them with {@link #getKey()}.
 */
public final class ApprovalEndpoint extends Construct {
    private static final FunctionSpec FUNCTION = FunctionSpec.APPROVAL_ENDPOINT;

    private final String stateMachineArn;
    private final Key key;
    private final Function function;
    private final FunctionUrl url;

    /**
     * @param stateMachineName the name the stack gives its state machine. The endpoint takes a name, not the state
     *        machine: the state machine's definition refers to the function that mails the links, which needs this
     *        endpoint's URL, so a reference back to the state machine would close a dependency loop. An ARN formed
     *        from the fixed name grants on exactly that state machine, where a name-prefix pattern would match others.
     * @param code the function's jar
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
        Permissions permissions = new Permissions(Stack.of(this), Permissions.Regions.NONE)
                .bind(Scope.STATE_MACHINE, stateMachineArn)
                .bind(Scope.APPROVAL_LINK_KEY, key);
        FUNCTION.grants().forEach(grant -> permissions.grant(grant, role));
        logGroup.grantWrite(role);
        Map<String, String> values = Map.of(FunctionEnvironment.STATE_MACHINE_ARN, stateMachineArn,
                FunctionEnvironment.APPROVAL_KEY_ARN, key.getKeyArn());
        Map<String, String> environment = new LinkedHashMap<>();
        FUNCTION.environment().forEach(variable -> environment.put(variable,
                Objects.requireNonNull(values.get(variable), () -> "the approval endpoint sets no environment variable " + variable)));
        environment.put("JAVA_TOOL_OPTIONS", EucImageUpdaterStack.FAST_START_JVM_OPTIONS);
        Function.Builder endpoint = Function.Builder.create(this, "Function")
                .description("Approval links' endpoint of the euc-image-updater: GET shows, POST answers")
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .code(code)
                .handler(FUNCTION.handler())
                .memorySize(FUNCTION.memoryMb())
                .timeout(Duration.seconds(FUNCTION.timeout().toSeconds()))
                .role(role)
                .logGroup(logGroup)
                // No active tracing: X-Ray's actions take only Resource "*", and this role is reachable from the internet.
                .environment(environment)
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
                .reason("Java 21 is the runtime that all of this project's functions share and are tested on; newer ones are"
                        + " adopted deliberately")
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

    /** What the function that mails the links needs in its environment to build them. */
    public Map<String, String> linkEnvironment() {
        return Map.of(
                FunctionEnvironment.APPROVAL_ENDPOINT_URL, url.getUrl(),
                FunctionEnvironment.STATE_MACHINE_ARN, stateMachineArn,
                FunctionEnvironment.APPROVAL_KEY_ARN, key.getKeyArn());
    }
}
