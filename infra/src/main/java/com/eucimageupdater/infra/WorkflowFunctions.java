package com.eucimageupdater.infra;

import com.eucimageupdater.config.MemberRole;
import com.eucimageupdater.config.UpdaterConfig;
import com.eucimageupdater.workflow.FunctionEnvironment;
import com.eucimageupdater.workflow.FunctionJar;
import com.eucimageupdater.workflow.FunctionSpec;
import com.eucimageupdater.workflow.Grant;
import com.eucimageupdater.workflow.Scope;
import com.eucimageupdater.workflow.WorkflowStep;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.ApplicationLogLevel;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.SystemLogLevel;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * The functions the state machine calls, one per {@link WorkflowStep} as the contract defines it: each with its own
 * role (under the path that member roles trust) holding the step's grants, its log group, and a
 * {@value EucImageUpdaterStack#LIVE_ALIAS} alias on the version published (and snapshotted by SnapStart) at each deploy.
 *
 * <p>The resources are the stack's own children, not this construct's: their logical ids, which deployed stacks
 * hold, stay those they had before this construct existed.
 */
final class WorkflowFunctions extends Construct {
    private static final String TRACING_WILDCARD =
            "X-Ray trace upload (xray:PutTraceSegments, xray:PutTelemetryRecords) supports no resource-level permission";
    private static final String DESCRIBE_WILDCARD = "; the describe and tag actions on \"*\" either list no resource"
            + " type in the Service Authorization Reference (workspaces:CreateTags, workspaces:DescribeTags) or, for"
            + " appstream:DescribeImages, also read AWS-owned public images";
    private static final String IMAGES_WILDCARD = "Images, fleets and bundles are named at run time, so any image this"
            + " account owns may be updated, copied, shared or retired (image/*, workspaceimage/*) and any of its fleets and"
            + " bundles moved to a new one (fleet/*, workspacebundle/*), in the Regions the deployment works in: its own, its"
            + " targets', its configured images' and additionalRegions";

    /** Every lineage's parameter, under the one path the publish step writes (the ARN's resource part, without its slash). */
    private static final String LINEAGE_PARAMETER_NAMES = Scope.LINEAGE_PARAMETER_PATH.substring(1) + "/*";

    /** What the functions are given: the deployment's settings and the resources their grants and environment name. */
    record Props(UpdaterConfig config, Sources sources, String metricsNamespace, ITopic topic, IKey topicKey,
            ApprovalEndpoint approvalEndpoint) {}

    private final Stack stack;
    private final Props props;
    private final Permissions permissions;
    private final Map<FunctionJar, Code> code = new EnumMap<>(FunctionJar.class);
    private final Map<WorkflowStep, Alias> byStep = new EnumMap<>(WorkflowStep.class);

    WorkflowFunctions(Stack stack, String id, Props props) {
        super(stack, id);
        this.stack = stack;
        this.props = props;
        MemberRole member = props.config().organization().memberRole();
        permissions = new Permissions(stack, new Permissions.Regions(true, props.config().workRegions()))
                .bind(Scope.MEMBER_ROLES, stack.formatArn(ArnComponents.builder()
                                .service("iam").region("").account("*").resource("role").resourceName(member.roleName()).build()),
                        member.organizationId().<Map<String, Object>>map(organization ->
                                Map.of("StringEquals", Map.of("aws:ResourceOrgID", organization))).orElse(Map.of()))
                .bind(Scope.NOTIFICATION_TOPIC, props.topic().getTopicArn())
                .bind(Scope.NOTIFICATION_KEY, props.topicKey())
                .bind(Scope.APPROVAL_LINK_KEY, props.approvalEndpoint().getKey())
                .bind(Scope.DEFAULT_EVENT_BUS, stack.formatArn(ArnComponents.builder()
                        .service("events").resource("event-bus").resourceName("default").build()))
                .bind(Scope.LINEAGE_PARAMETERS, stack.formatArn(ArnComponents.builder()
                        .service("ssm").resource("parameter").resourceName(LINEAGE_PARAMETER_NAMES).build()));
        for (WorkflowStep step : WorkflowStep.values()) {
            byStep.put(step, createFunction(step));
        }
    }

    /** Each step's function through its live alias, in the contract's order. */
    Map<WorkflowStep, Alias> byStep() {
        return Collections.unmodifiableMap(byStep);
    }

    List<Alias> all() {
        return List.copyOf(byStep.values());
    }

    /**
     * A step's function, invoked through an alias on the version published at this deploy: SnapStart restores
     * published versions from a snapshot taken after the handler's priming ({@code JsonHandler.beforeCheckpoint}).
     * Logs are JSON, one structured event per step, at the configured application log level.
     */
    private Alias createFunction(WorkflowStep step) {
        FunctionSpec spec = step.function();
        String name = step.stepName();
        LogGroup logGroup = LogGroup.Builder.create(stack, name + "FunctionLogs").retention(EucImageUpdaterStack.LOG_RETENTION).build();
        Role role = Role.Builder.create(stack, name + "FunctionRole")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .path(EucImageUpdaterStack.FUNCTION_ROLE_PATH)
                .description("Runs the " + name + " step of the euc-image-updater")
                .build();
        spec.grants().stream().filter(grant -> !permissions.onKey(grant)).forEach(grant -> permissions.grant(grant, role));
        logGroup.grantWrite(role);
        Function function = Function.Builder.create(stack, name + "Function")
                .description(name + " step of the euc-image-updater state machine")
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .code(code.computeIfAbsent(spec.jar(), jar -> Code.fromAsset(props.sources().jar(jar).toString())))
                .handler(spec.handler())
                .memorySize(spec.memoryMb())
                .timeout(Duration.seconds(spec.timeout().toSeconds()))
                .role(role)
                .logGroup(logGroup)
                .tracing(Tracing.ACTIVE)
                .environment(environment(spec))
                .loggingFormat(LoggingFormat.JSON)
                .applicationLogLevelV2(ApplicationLogLevel.valueOf(props.config().logLevel()))
                .systemLogLevelV2(SystemLogLevel.INFO)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .build();
        // Every function is invoked through its live alias on the version published at each deploy.
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "each function publishes a version for its live alias, which the state machine invokes");
        NagSuppressions.addResourceSuppressions(function, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-L1")
                .reason("Java 21 is the LTS runtime this project supports and tests (bytecode level 17); newer runtimes are adopted"
                        + " deliberately, not by a linter")
                .build()));
        suppressWildcards(spec, role);
        // Last in the role's policy, where the keys' statements have always been.
        spec.grants().stream().filter(permissions::onKey).forEach(grant -> permissions.grant(grant, role));
        return Alias.Builder.create(stack, name + "FunctionAlias")
                .aliasName(EucImageUpdaterStack.LIVE_ALIAS)
                .version(function.getCurrentVersion())
                .build();
    }

    /** The contract's variables with this deployment's values; an external id only where one is configured. */
    private Map<String, String> environment(FunctionSpec spec) {
        Map<String, String> variables = new LinkedHashMap<>();
        spec.environment().forEach(variable -> value(variable).ifPresent(value -> variables.put(variable, value)));
        variables.put("JAVA_TOOL_OPTIONS", EucImageUpdaterStack.FAST_START_JVM_OPTIONS);
        return variables;
    }

    private Optional<String> value(String variable) {
        MemberRole member = props.config().organization().memberRole();
        return switch (variable) {
            case FunctionEnvironment.METRICS_NAMESPACE -> Optional.of(props.metricsNamespace());
            // The functions reach their own account with their own role, any other through the member role there.
            case FunctionEnvironment.DEPLOYMENT_ACCOUNT -> Optional.of(Aws.ACCOUNT_ID);
            case FunctionEnvironment.MEMBER_ROLE_NAME -> Optional.of(member.roleName());
            case FunctionEnvironment.MEMBER_EXTERNAL_ID -> member.externalId();
            case FunctionEnvironment.TOPIC_ARN -> Optional.of(props.topic().getTopicArn());
            case FunctionEnvironment.APPROVAL_ENDPOINT_URL, FunctionEnvironment.STATE_MACHINE_ARN, FunctionEnvironment.APPROVAL_KEY_ARN ->
                    Optional.of(props.approvalEndpoint().linkEnvironment().get(variable));
            default -> throw new IllegalStateException("the stack sets no environment variable " + variable);
        };
    }

    /**
     * Why the role's grants on wildcard patterns are there: X-Ray and the describe calls on {@code "*"}, the account's
     * images, fleets and bundles, and the member role in any account, whose trust policy is the guard (the updater's
     * roles, by path, with the external id or within the organization).
     */
    private void suppressWildcards(FunctionSpec spec, Role role) {
        boolean describesAny = spec.grants().stream().anyMatch(grant -> grant.scopes().contains(Scope.ANY));
        Permissions.suppressWildcardResources(role, TRACING_WILDCARD + (describesAny ? DESCRIBE_WILDCARD : ""),
                List.of(Permissions.ANY_RESOURCE_FINDING));
        List<String> scopedFindings = permissions.nagFindings(spec.grants()).stream()
                .filter(finding -> !finding.equals(Permissions.ANY_RESOURCE_FINDING))
                .toList();
        if (!scopedFindings.isEmpty()) {
            Permissions.suppressWildcardResources(role, IMAGES_WILDCARD, scopedFindings);
        }
        if (spec.grants().stream().anyMatch(grant -> grant.scopes().contains(Scope.LINEAGE_PARAMETERS))) {
            Permissions.suppressWildcardResources(role, "ssm:PutParameter on the lineages' parameters: one per lineage, named at run"
                    + " time under the one path " + Scope.LINEAGE_PARAMETER_PATH + " in this account and Region, and nothing else",
                    List.of("Resource::arn:<AWS::Partition>:ssm:<AWS::Region>:<AWS::AccountId>:parameter/" + LINEAGE_PARAMETER_NAMES));
        }
        if (spec.grants().stream().anyMatch(grant -> grant.scopes().contains(Scope.MEMBER_ROLES))) {
            MemberRole member = props.config().organization().memberRole();
            Permissions.suppressWildcardResources(role, "sts:AssumeRole on " + member.roleName() + " in any account: items may name"
                    + " any account at run time; the member role's trust policy is the guard (only this account's roles under "
                    + EucImageUpdaterStack.FUNCTION_ROLE_PATH + ", with the external id or within the organization)"
                    + member.organizationId().map(id -> ", and aws:ResourceOrgID admits only roles of " + id).orElse(""),
                    List.of("Resource::arn:<AWS::Partition>:iam::*:role/" + member.roleName()));
        }
    }
}
