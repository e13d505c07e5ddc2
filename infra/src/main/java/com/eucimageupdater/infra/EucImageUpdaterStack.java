package com.eucimageupdater.infra;

import com.eucimageupdater.approve.RequestApprovalHandler;
import com.eucimageupdater.model.MemberAccess;
import com.eucimageupdater.plan.RolloutDefaults;
import com.eucimageupdater.plan.RunPlanner;
import com.eucimageupdater.report.RunMetrics;
import com.eucimageupdater.workflow.WorkflowStep;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.TimeZone;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
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
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.scheduler.ContextAttribute;
import software.amazon.awscdk.services.scheduler.Schedule;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.scheduler.ScheduleTargetInput;
import software.amazon.awscdk.services.scheduler.targets.ScheduleTargetBaseProps;
import software.amazon.awscdk.services.scheduler.targets.StepFunctionsStartExecution;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The image updater: the workflow's Lambda functions driven by a Step Functions state machine (the ASL file), started
 * monthly by EventBridge Scheduler, reporting through an encrypted SNS topic, with an alarm on failed runs.
 */
public class EucImageUpdaterStack extends Stack {
    /** Tiered compilation stopped at C1 starts a JVM faster, which is what short Lambda calls need. */
    static final String FAST_START_JVM_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
    /** The alias the state machine invokes: the version published (and snapshotted by SnapStart) at the last deploy. */
    static final String LIVE_ALIAS = "live";
    static final RetentionDays LOG_RETENTION = RetentionDays.THREE_MONTHS;
    /** Acknowledgeable id of the warning that the schedule is off because no images are configured. */
    public static final String NO_IMAGES_WARNING = "euc-image-updater:no-images";
    /** Acknowledgeable id of the warning that approvals are required and nobody is configured to get the mail. */
    public static final String NO_APPROVERS_WARNING = "euc-image-updater:approval-without-recipients";
    /**
     * The IAM path of every workflow function's role: member accounts trust the roles under it
     * ({@code aws:PrincipalArn} {@code arn:<partition>:iam::<updater account>:role/euc-image-updater/*}).
     */
    public static final String FUNCTION_ROLE_PATH = "/euc-image-updater/";
    private static final String TRACING_WILDCARD =
            "X-Ray trace upload (xray:PutTraceSegments, xray:PutTelemetryRecords) supports no resource-level permission";
    private static final String DESCRIBE_WILDCARD = "; the describe and tag actions on \"*\" either list no resource"
            + " type in the Service Authorization Reference (workspaces:CreateTags, workspaces:DescribeTags) or, for"
            + " appstream:DescribeImages, also read AWS-owned public images";
    private static final String IMAGES_WILDCARD = "Images, fleets and bundles are named at run time, so any image this"
            + " account owns may be updated, copied, shared or retired (image/*, workspaceimage/*) and any of its fleets and"
            + " bundles moved to a new one (fleet/*, workspacebundle/*), in the Regions the deployment works in: its own, its"
            + " targets', its configured images' and additionalRegions";

    private final UpdaterConfig config;
    private final Sources sources;
    private final ApprovalEndpoint approvalEndpoint;

    /**
     * What the stack packages from the project: the shaded function jars (the image steps' with the AWS SDK, the
     * run-wide steps' with Jackson databind) and the state machine definition. Paths are resolved against the
     * working directory (the project root for {@code cdk synth}).
     */
    public record Sources(Path functionJar, Path runFunctionJar, Path approvalMailJar, Path approvalEndpointJar,
            Path stateMachineDefinition) {
        public static final String FUNCTION_JAR = "functions/target/functions-lambda.jar";
        public static final String RUN_FUNCTION_JAR = "functions/target/functions-run-lambda.jar";
        public static final String APPROVAL_MAIL_JAR = "functions/target/functions-approval-mail-lambda.jar";
        public static final String APPROVAL_ENDPOINT_JAR = "functions/target/functions-approval-endpoint-lambda.jar";
        public static final String STATE_MACHINE_DEFINITION = "statemachine/image-updater.asl.json";

        public Sources {
            for (Path jar : List.of(functionJar, runFunctionJar, approvalMailJar, approvalEndpointJar)) {
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalStateException(jar.toAbsolutePath().normalize()
                            + " is missing: build the functions first with `mvn -B -pl functions -am package -DskipTests`");
                }
            }
            if (!Files.isRegularFile(stateMachineDefinition)) {
                throw new IllegalStateException(stateMachineDefinition.toAbsolutePath().normalize()
                        + " is missing: the state machine definition ships with the project");
            }
        }

        public static Sources inProject(Path projectRoot) {
            return new Sources(projectRoot.resolve(FUNCTION_JAR), projectRoot.resolve(RUN_FUNCTION_JAR),
                    projectRoot.resolve(APPROVAL_MAIL_JAR), projectRoot.resolve(APPROVAL_ENDPOINT_JAR),
                    projectRoot.resolve(STATE_MACHINE_DEFINITION));
        }
    }

    /**
     * The functions the state machine calls, one per workflow step, each through its {@link #LIVE_ALIAS} alias, by
     * step: the definition names each as {@code ${<step>FunctionArn}}.
     */
    record WorkflowFunctions(Map<String, Alias> byStep) {
        WorkflowFunctions {
            byStep = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byStep));
        }

        List<Alias> all() {
            return List.copyOf(byStep.values());
        }
    }

    public EucImageUpdaterStack(Construct scope, String id, StackProps props, UpdaterConfig config, Sources sources) {
        super(scope, id, props);
        this.config = config;
        this.sources = sources;
        this.approvalEndpoint = new ApprovalEndpoint(this, "ApprovalEndpoint", stateMachineName(),
                Code.fromAsset(sources.approvalEndpointJar().toString()), ApplicationLogLevel.valueOf(config.logLevel()),
                config.approvalEndpointConcurrency());

        Key key = createTopicKey();
        Topic topic = createTopic(key);
        WorkflowFunctions functions = createFunctions(topic, key);
        StateMachine stateMachine = createStateMachine(functions, topic, key);
        Queue scheduleDeadLetters = createSchedule(stateMachine);
        createAlarms(stateMachine, scheduleDeadLetters, topic, key);
        new OperationsDashboard(this, "Dashboard", stateMachine, functions, metricsNamespace());
        if (config.configuredImageCount() == 0) {
            Annotations.of(this).addWarningV2(NO_IMAGES_WARNING, "No images are configured, so the monthly schedule is"
                    + " deployed disabled (a scheduled run would only fail with InvalidInput): it is switched on by the"
                    + " first deploy with images listed under \"images\" in cdk.json. Runs started by hand that name"
                    + " their images work either way.");
        }
        if (config.rollout().approval().equals(RolloutDefaults.REQUIRED) && config.notificationEmails().isEmpty()) {
            Annotations.of(this).addWarningV2(NO_APPROVERS_WARNING, "\"" + UpdaterConfig.APPROVAL + "\" is \""
                    + RolloutDefaults.REQUIRED + "\" but \"" + UpdaterConfig.NOTIFICATION_EMAILS + "\" lists no address, so no"
                    + " approval mail reaches anyone unless the topic is subscribed to another way, and production waits for an"
                    + " answer that does not come. List the approvers under \"" + UpdaterConfig.NOTIFICATION_EMAILS + "\" in"
                    + " cdk.json (each confirms the subscription mail), or set \"" + UpdaterConfig.APPROVAL + "\": \""
                    + RolloutDefaults.NONE + "\" to roll out right after staging.");
        }
        createOutputs(stateMachine, topic);
    }

    private Key createTopicKey() {
        return Key.Builder.create(this, "TopicKey")
                .description("Encrypts the euc-image-updater notification topic")
                .enableKeyRotation(true)
                .build();
    }

    private Topic createTopic(Key key) {
        Topic topic = Topic.Builder.create(this, "NotificationTopic")
                .displayName("EUC image updater")
                .masterKey(key)
                .enforceSsl(true)
                .build();
        config.notificationEmails().forEach(email -> topic.addSubscription(new EmailSubscription(email)));
        return topic;
    }

    private WorkflowFunctions createFunctions(Topic topic, Key topicKey) {
        Code code = Code.fromAsset(sources.functionJar().toString());
        Code runCode = Code.fromAsset(sources.runFunctionJar().toString());
        Map<String, Alias> steps = new LinkedHashMap<>();
        steps.put("Plan", createFunction("Plan", runCode, 256, Duration.seconds(30), List.of(), Map.of(), TRACING_WILDCARD));
        steps.put("Resolve", createImageStepFunction("Resolve", code, Duration.seconds(120)));
        steps.put("Check", createImageStepFunction("Check", code, Duration.seconds(60)));
        steps.put("Start", createImageStepFunction("Start", code, Duration.seconds(90)));
        steps.put("Poll", createImageStepFunction("Poll", code, Duration.seconds(30)));
        steps.put("Distribute", createImageStepFunction("Distribute", code, Duration.seconds(120)));
        steps.put("SummarizeBuilds", createFunction("SummarizeBuilds", runCode, 256, Duration.seconds(30), List.of(), Map.of(),
                TRACING_WILDCARD));
        steps.put("MoveTargets", createImageStepFunction("MoveTargets", code, Duration.seconds(120)));
        steps.put("Retire", createImageStepFunction("Retire", code, Duration.seconds(120)));
        steps.put("PlanRollout", createFunction("PlanRollout", runCode, 256, Duration.seconds(30), List.of(), Map.of(), TRACING_WILDCARD));
        steps.put("RequestApproval", createApprovalRequestFunction(topic, topicKey));
        steps.put("FindRollout", createImageStepFunction("FindRollout", code, Duration.seconds(120)));
        steps.put("Report", createFunction("Report", runCode, 256, Duration.seconds(30), List.of(), Map.of(), TRACING_WILDCARD));
        return new WorkflowFunctions(steps);
    }

    /**
     * An image step: its calls ({@link ImageStepPermissions}) on this account's resources in the Regions it works in,
     * and in a member account through the member role, which it may assume in any account: items name their account
     * at run time, and the member role's trust policy is the guard (the updater's roles, by path, with the external id
     * or within the organization).
     */
    private Alias createImageStepFunction(String step, Code code, Duration timeout) {
        List<ImageStepPermissions.Grant> grants = ImageStepPermissions.BY_STEP.get(step);
        ImageStepPermissions.Regions regions = new ImageStepPermissions.Regions(true, config.workRegions());
        UpdaterConfig.MemberRole member = config.memberRole();
        List<PolicyStatement> permissions = new ArrayList<>(ImageStepPermissions.statements(this, grants, regions));
        permissions.add(assumeMemberRole(member));
        // The functions reach their own account with their own role, any other through the member role there.
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(MemberAccess.OWN_ACCOUNT_ENV, Aws.ACCOUNT_ID);
        environment.put(MemberAccess.ROLE_NAME_ENV, member.roleName());
        member.externalId().ifPresent(externalId -> environment.put(MemberAccess.EXTERNAL_ID_ENV, externalId));
        Alias alias = createFunction(step, code, 512, timeout, permissions, environment, TRACING_WILDCARD + DESCRIBE_WILDCARD);
        IRole role = alias.getVersion().getLambda().getRole();
        List<String> scopedFindings = ImageStepPermissions.nagFindings(grants, regions).stream()
                .filter(finding -> !finding.equals(ImageStepPermissions.ANY_RESOURCE_FINDING))
                .toList();
        if (!scopedFindings.isEmpty()) {
            suppressWildcardResources(role, IMAGES_WILDCARD, scopedFindings);
        }
        suppressWildcardResources(role, "sts:AssumeRole on " + member.roleName() + " in any account: items may name any account"
                + " at run time; the member role's trust policy is the guard (only this account's roles under " + FUNCTION_ROLE_PATH
                + ", with the external id or within the organization)" + member.organizationId()
                        .map(id -> ", and aws:ResourceOrgID admits only roles of " + id).orElse(""),
                List.of("Resource::arn:<AWS::Partition>:iam::*:role/" + member.roleName()));
        return alias;
    }

    private PolicyStatement assumeMemberRole(UpdaterConfig.MemberRole member) {
        PolicyStatement.Builder statement = PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(List.of("sts:AssumeRole"))
                .resources(List.of(formatArn(ArnComponents.builder()
                        .service("iam").region("").account("*").resource("role").resourceName(member.roleName()).build())));
        member.organizationId().ifPresent(organization ->
                statement.conditions(Map.of("StringEquals", Map.of("aws:ResourceOrgID", organization))));
        return statement.build();
    }

    /** Mails the approval request with links signed by the endpoint's key; the execution waits on its task token. */
    private Alias createApprovalRequestFunction(Topic topic, Key topicKey) {
        Map<String, String> environment = new LinkedHashMap<>(approvalEndpoint.linkEnvironment());
        environment.put(RequestApprovalHandler.TOPIC_ARN_ENV, topic.getTopicArn());
        Alias alias = createFunction("RequestApproval", Code.fromAsset(sources.approvalMailJar().toString()), 512, Duration.seconds(60),
                // It mails only when the topic has a confirmed subscriber, read with ListSubscriptionsByTopic.
                List.of(allow(topic.getTopicArn(), "sns:Publish"), allow(topic.getTopicArn(), "sns:ListSubscriptionsByTopic")), environment,
                TRACING_WILDCARD);
        topicKey.grant(alias, "kms:GenerateDataKey", "kms:Decrypt");
        approvalEndpoint.grantLinkSigning(alias);
        return alias;
    }

    /**
     * A step's function, invoked through an alias on the version published at this deploy: SnapStart restores
     * published versions from a snapshot taken after the handler's priming (see the handlers' {@code Priming}).
     * Logs are JSON, one structured event per step, at the configured application log level.
     */
    private Alias createFunction(String step, Code code, int memoryMb, Duration timeout, List<PolicyStatement> permissions,
            Map<String, String> environment, String wildcardResourceReason) {
        Map<String, String> variables = new LinkedHashMap<>(environment);
        variables.put("JAVA_TOOL_OPTIONS", FAST_START_JVM_OPTIONS);
        variables.put(RunMetrics.NAMESPACE_VARIABLE, metricsNamespace());
        LogGroup logGroup = LogGroup.Builder.create(this, step + "FunctionLogs").retention(LOG_RETENTION).build();
        Role role = Role.Builder.create(this, step + "FunctionRole")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .path(FUNCTION_ROLE_PATH)
                .description("Runs the " + step + " step of the euc-image-updater")
                .build();
        permissions.forEach(role::addToPolicy);
        logGroup.grantWrite(role);
        Function function = Function.Builder.create(this, step + "Function")
                .description(step + " step of the euc-image-updater state machine")
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .code(code)
                .handler(WorkflowStep.named(step).handler())
                .memorySize(memoryMb)
                .timeout(timeout)
                .role(role)
                .logGroup(logGroup)
                .tracing(Tracing.ACTIVE)
                .environment(variables)
                .loggingFormat(LoggingFormat.JSON)
                .applicationLogLevelV2(ApplicationLogLevel.valueOf(config.logLevel()))
                .systemLogLevelV2(SystemLogLevel.INFO)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .build();
        // Every function is invoked through its live alias on the version published at each deploy.
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "each function publishes a version for its live alias, which the state machine invokes");
        NagSuppressions.addResourceSuppressions(function, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-L1")
                .reason("Java 21 is the LTS runtime this project supports and tests (bytecode level 17); newer runtimes are adopted deliberately, not by a linter")
                .build()));
        suppressWildcardResources(role, wildcardResourceReason, List.of(ImageStepPermissions.ANY_RESOURCE_FINDING));
        return Alias.Builder.create(this, step + "FunctionAlias")
                .aliasName(LIVE_ALIAS)
                .version(function.getCurrentVersion())
                .build();
    }

    /** Per stack, so that two deployments in one account keep their run metrics apart. */
    String metricsNamespace() {
        return RunMetrics.DEFAULT_NAMESPACE + "/" + getStackName();
    }

    private StateMachine createStateMachine(WorkflowFunctions functions, Topic topic, Key key) {
        // The /aws/vendedlogs/ prefix keeps Step Functions log delivery within the CloudWatch resource policy limit;
        // the stack's UUID keeps the name free when the stack is re-created after a delete retained the old logs.
        LogGroup logGroup = LogGroup.Builder.create(this, "StateMachineLogs")
                .logGroupName(Fn.join("", List.of("/aws/vendedlogs/states/", getStackName(), "-",
                        Fn.select(2, Fn.split("/", Aws.STACK_ID)))))
                .retention(LOG_RETENTION)
                .build();
        StateMachine stateMachine = StateMachine.Builder.create(this, "StateMachine")
                .stateMachineName(stateMachineName())
                .stateMachineType(StateMachineType.STANDARD)
                .definitionBody(DefinitionBody.fromFile(sources.stateMachineDefinition().toString()))
                .definitionSubstitutions(definitionSubstitutions(functions, topic))
                // Errors only, without execution data: the approval step's input holds its task token, which answers
                // the approval, and log readers need not be trusted with that. Inputs and outputs stay in the execution's
                // own history in Step Functions (states:GetExecutionHistory), for as long as Step Functions keeps it.
                .logs(LogOptions.builder().destination(logGroup).level(LogLevel.ERROR).includeExecutionData(false).build())
                .tracingEnabled(true)
                .build();
        // A definition read from a file carries no task metadata, so CDK grants nothing for its tasks.
        stateMachine.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("lambda:InvokeFunction"))
                .resources(functions.all().stream().map(Alias::getFunctionArn).toList())
                .build());
        stateMachine.addToRolePolicy(allow(topic.getTopicArn(), "sns:Publish"));
        // Distributed Map states run their items as child executions of this same state machine.
        stateMachine.addToRolePolicy(allow(approvalEndpoint.getStateMachineArn(), "states:StartExecution"));
        stateMachine.addToRolePolicy(allow(childExecutionArns(), "states:DescribeExecution", "states:StopExecution"));
        key.grant(stateMachine, "kms:GenerateDataKey", "kms:Decrypt");
        NagSuppressions.addResourceSuppressions(stateMachine, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-SF1")
                .reason("Logged at ERROR, without execution data: every failure reaches CloudWatch Logs, while the approval task"
                        + " token in the approval step's input does not; each execution's full history stays in Step Functions")
                .build()));
        suppressWildcardResources(stateMachine, "CloudWatch Logs log delivery (logs:*LogDelivery*, logs:*ResourcePolic*,"
                + " logs:DescribeLogGroups) and X-Ray tracing actions support no resource-level permissions",
                List.of("Resource::*"));
        suppressWildcardResources(stateMachine, "A Distributed Map's child executions get names at run time: the pattern"
                + " covers only executions of this state machine",
                List.of("Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:" + stateMachineName() + "/*"));
        return stateMachine;
    }

    /** The wiring made here, then the settings exactly as the local runner substitutes them (sorted, for stable synths). */
    private Map<String, String> definitionSubstitutions(WorkflowFunctions functions, Topic topic) {
        Map<String, String> substitutions = new LinkedHashMap<>();
        functions.byStep().forEach((step, alias) -> substitutions.put(step + "FunctionArn", alias.getFunctionArn()));
        substitutions.put("TopicArn", topic.getTopicArn());
        // The service integrations' ARNs (SNS publish, the approval's callback) in the partition the stack is deployed to.
        substitutions.put("Partition", Aws.PARTITION);
        substitutions.putAll(config.substitutions());
        return substitutions;
    }

    /** The schedule, and the queue where it leaves the starts it could not make. */
    private Queue createSchedule(StateMachine stateMachine) {
        Queue deadLetters = Queue.Builder.create(this, "ScheduleDeadLetterQueue")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
        NagSuppressions.addResourceSuppressions(deadLetters, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-SQS3")
                .reason("This queue is itself the dead-letter queue of the schedule; it needs no dead-letter queue of its own")
                .build()));
        Schedule.Builder.create(this, "MonthlySchedule")
                .description("Starts the euc-image-updater with the images configured in cdk.json, "
                        + config.daysAfterPatchTuesday() + " day(s) after Patch Tuesday")
                .schedule(ScheduleExpression.expression(config.scheduleExpression(), TimeZone.of(config.scheduleTimeZone())))
                // Without configured images a scheduled run could only fail with InvalidInput, every month.
                .enabled(config.scheduleEnabled() && config.configuredImageCount() > 0)
                .target(new StepFunctionsStartExecution(stateMachine, ScheduleTargetBaseProps.builder()
                        // No "images" in the input: the run takes the configured list. The scheduled time (not the
                        // execution's start, which a retry may delay past midnight) decides whether today is the run day.
                        .input(ScheduleTargetInput.fromObject(Map.of(RunPlanner.SCHEDULED_TIME, ContextAttribute.getScheduledTime())))
                        .retryAttempts(3)
                        .maxEventAge(Duration.hours(6))
                        .deadLetterQueue(deadLetters)
                        .build()))
                .build();
        return deadLetters;
    }

    /**
     * Alarms on the topic: a run failed or timed out, or the schedule could not start one (EventBridge Scheduler gave
     * up after its retries and left the start in its dead-letter queue, so no run and no mail would say so).
     */
    private void createAlarms(StateMachine stateMachine, Queue scheduleDeadLetters, Topic topic, Key key) {
        MathExpression failedOrTimedOut = MathExpression.Builder.create()
                .expression("FILL(failed, 0) + FILL(timedOut, 0)")
                // Sorted, so that every synth writes the metrics in the same order.
                .usingMetrics(new TreeMap<>(Map.of("failed", stateMachine.metricFailed(), "timedOut", stateMachine.metricTimedOut())))
                .label("Failed or timed-out executions")
                .period(Duration.minutes(5))
                .build();
        List<String> alarmArns = List.of(
                createAlarm("FailedExecutionsAlarm", "FailedExecutions", "A euc-image-updater execution failed or timed out:"
                        + " see the execution in the Step Functions console", failedOrTimedOut, topic),
                createAlarm("ScheduleDeadLettersAlarm", "ScheduleDeadLetters", "The monthly schedule could not start the"
                        + " euc-image-updater (EventBridge Scheduler gave up after its retries); if that was the run day's start,"
                        + " this month's run did not happen. The message in the schedule's dead-letter queue says why (its"
                        + " ERROR_CODE and ERROR_MESSAGE attributes): fix that, start the run by hand, and delete the message, so"
                        + " that the next failed start raises the alarm again",
                        scheduleDeadLetters.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                                .statistic("Maximum").period(Duration.minutes(5)).build()), topic));
        // CloudWatch publishes as a service, so the topic and its key must let it in: for these alarms of this
        // account only, so that no other account's alarm can use CloudWatch as a confused deputy.
        Map<String, Object> theseAlarmsOnly = Map.of(
                "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID),
                "ArnLike", Map.of("aws:SourceArn", alarmArns));
        topic.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("sns:Publish"))
                .resources(List.of(topic.getTopicArn()))
                .conditions(theseAlarmsOnly)
                .build());
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("kms:GenerateDataKey", "kms:Decrypt"))
                .resources(List.of("*"))
                .conditions(theseAlarmsOnly)
                .build());
    }

    /**
     * An alarm that notifies the topic when the metric reaches 1 in a five-minute period, returning its ARN. Named, so
     * that its ARN is known without a reference to it: the key's policy names the alarm, and a reference would close
     * the loop key -> alarm -> topic -> key.
     */
    private String createAlarm(String id, String nameSuffix, String description, IMetric metric, Topic topic) {
        String alarmName = getStackName() + "-" + nameSuffix;
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmName(alarmName)
                .alarmDescription(description)
                .metric(metric)
                .threshold(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(new SnsAction(topic));
        return formatArn(ArnComponents.builder()
                .service("cloudwatch")
                .resource("alarm")
                .resourceName(alarmName)
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                .build());
    }

    private void createOutputs(StateMachine stateMachine, Topic topic) {
        CfnOutput.Builder.create(this, "StateMachineArn")
                .description("Start a run by hand: aws stepfunctions start-execution --state-machine-arn <this>")
                .value(stateMachine.getStateMachineArn())
                .build();
        CfnOutput.Builder.create(this, "TopicArn")
                .description("Run summaries and failure alarms are published here")
                .value(topic.getTopicArn())
                .build();
        CfnOutput.Builder.create(this, "StateMachineConsoleUrl")
                .description("The state machine in the Step Functions console")
                .value(Fn.join("", List.of("https://", Aws.REGION, ".console.aws.amazon.com/states/home?region=", Aws.REGION,
                        "#/statemachines/view/", stateMachine.getStateMachineArn())))
                .build();
    }

    /**
     * Fixed, so that the approval endpoint, built before the state machine, knows its ARN without a reference
     * (see {@link ApprovalEndpoint}).
     */
    private String stateMachineName() {
        String name = getStackName() + "-Workflow";
        if (name.length() > 80) {
            throw new IllegalArgumentException("stack name: at most 71 characters, because the state machine is named"
                    + " <stack name>-Workflow and state machine names are at most 80 characters; got " + getStackName());
        }
        return name;
    }

    /** From the fixed name, as the state machine's ARN: a reference from its own role's policy would be circular. */
    private String childExecutionArns() {
        return formatArn(ArnComponents.builder().service("states").resource("execution").resourceName(stateMachineName() + "/*")
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build());
    }

    private static PolicyStatement allow(String resource, String... actions) {
        return allow(List.of(resource), actions);
    }

    private static PolicyStatement allow(List<String> resources, String... actions) {
        return PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(List.of(actions))
                .resources(resources)
                .build();
    }

    private static void suppressWildcardResources(IConstruct construct, String reason, List<String> findings) {
        NagPackSuppression suppression = NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason(reason)
                .appliesTo(findings)
                .build();
        NagSuppressions.addResourceSuppressions(construct, List.of(suppression), true);
    }
}
