package com.eucimageupdater.infra;

import com.eucimageupdater.plan.RunPlanner;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.nio.file.Files;
import java.nio.file.Path;
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
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
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

/**
 * The image updater: five Lambda functions driven by a Step Functions state machine (the ASL file), started
 * monthly by EventBridge Scheduler, reporting through an encrypted SNS topic, with an alarm on failed runs.
 */
public class EucImageUpdaterStack extends Stack {
    private static final String HANDLER_PACKAGE = "com.eucimageupdater.handlers.";
    /** Tiered compilation stopped at C1 starts a JVM faster, which is what short Lambda calls need. */
    static final String FAST_START_JVM_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
    static final RetentionDays LOG_RETENTION = RetentionDays.THREE_MONTHS;
    /** Acknowledgeable id of the warning that the schedule is off because no images are configured. */
    public static final String NO_IMAGES_WARNING = "euc-image-updater:no-images";
    private static final String TRACING_WILDCARD =
            "X-Ray trace upload (xray:PutTraceSegments, xray:PutTelemetryRecords) supports no resource-level permission";
    private static final String IMAGES_WILDCARD = "; images are named at run time, so any image this account owns may be"
            + " updated (image/*, workspaceimage/*), and the describe and tag actions on \"*\" either list no resource"
            + " type in the Service Authorization Reference (workspaces:CreateTags, workspaces:DescribeTags) or, for"
            + " appstream:DescribeImages, also read AWS-owned public images";
    /** The image ARN patterns as cdk-nag prints them in its findings. */
    private static final String NAG_APPSTREAM_IMAGES = "arn:<AWS::Partition>:appstream:<AWS::Region>:<AWS::AccountId>:image/*";
    private static final String NAG_WORKSPACES_IMAGES =
            "arn:<AWS::Partition>:workspaces:<AWS::Region>:<AWS::AccountId>:workspaceimage/*";

    private final UpdaterConfig config;
    private final Sources sources;
    private final ApprovalEndpoint approvalEndpoint;

    /**
     * What the stack packages from the project: the shaded functions jar and the state machine definition.
     * Paths are resolved against the working directory (the project root for {@code cdk synth}).
     */
    public record Sources(Path functionJar, Path stateMachineDefinition) {
        public static final String FUNCTION_JAR = "functions/target/functions-lambda.jar";
        public static final String STATE_MACHINE_DEFINITION = "statemachine/image-updater.asl.json";

        public Sources {
            if (!Files.isRegularFile(functionJar)) {
                throw new IllegalStateException(functionJar.toAbsolutePath().normalize()
                        + " is missing: build the functions first with `mvn -B -pl functions -am package -DskipTests`");
            }
            if (!Files.isRegularFile(stateMachineDefinition)) {
                throw new IllegalStateException(stateMachineDefinition.toAbsolutePath().normalize()
                        + " is missing: the state machine definition ships with the project");
            }
        }

        public static Sources inProject(Path projectRoot) {
            return new Sources(projectRoot.resolve(FUNCTION_JAR), projectRoot.resolve(STATE_MACHINE_DEFINITION));
        }
    }

    /** The functions the state machine calls, one per workflow step. */
    private record WorkflowFunctions(Function plan, Function check, Function start, Function poll, Function report) {
        List<Function> all() {
            return List.of(plan, check, start, poll, report);
        }
    }

    public EucImageUpdaterStack(Construct scope, String id, StackProps props, UpdaterConfig config, Sources sources) {
        super(scope, id, props);
        this.config = config;
        this.sources = sources;
        this.approvalEndpoint = new ApprovalEndpoint(this, "ApprovalEndpoint", stateMachineName(),
                Code.fromAsset(sources.functionJar().toString()));

        Key key = createTopicKey();
        Topic topic = createTopic(key);
        WorkflowFunctions functions = createFunctions();
        StateMachine stateMachine = createStateMachine(functions, topic, key);
        createSchedule(stateMachine);
        createFailureAlarm(stateMachine, topic, key);
        if (config.configuredImageCount() == 0) {
            Annotations.of(this).addWarningV2(NO_IMAGES_WARNING, "No images are configured, so the monthly schedule is"
                    + " deployed disabled (a scheduled run would only fail with InvalidInput): it is switched on by the"
                    + " first deploy with images listed under \"images\" in cdk.json. Runs started by hand that name"
                    + " their images work either way.");
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

    private WorkflowFunctions createFunctions() {
        Code code = Code.fromAsset(sources.functionJar().toString());
        String appStreamImages = arn("appstream", "image");
        String workSpacesImages = arn("workspaces", "workspaceimage");
        return new WorkflowFunctions(
                createFunction("Plan", code, 256, Duration.seconds(30), List.of()),
                createFunction("Check", code, 512, Duration.seconds(60), List.of(
                        // dryRun=true answers whether an update exists without creating anything.
                        allow(appStreamImages, "appstream:CreateUpdatedImage"),
                        allowOnAnyResource("appstream:DescribeImages", "workspaces:DescribeWorkspaceImages"))),
                createFunction("Start", code, 512, Duration.seconds(90), List.of(
                        // The source and the new image are both images this account owns.
                        allow(appStreamImages, "appstream:CreateUpdatedImage", "appstream:TagResource"),
                        allow(workSpacesImages, "workspaces:CreateUpdatedWorkspaceImage"),
                        // The Service Authorization Reference lists no resource type for workspaces:CreateTags or
                        // workspaces:DescribeTags (only aws:RequestTag and aws:TagKeys for CreateTags), so an image ARN
                        // in Resource would not match and the calls would be denied: they stay on "*".
                        allowOnAnyResource("appstream:DescribeImages", "appstream:ListTagsForResource",
                                "workspaces:DescribeWorkspaceImages", "workspaces:DescribeTags", "workspaces:CreateTags"))),
                createFunction("Poll", code, 512, Duration.seconds(30), List.of(
                        allowOnAnyResource("appstream:DescribeImages", "workspaces:DescribeWorkspaceImages"))),
                createFunction("Report", code, 256, Duration.seconds(30), List.of()));
    }

    private Function createFunction(String step, Code code, int memoryMb, Duration timeout, List<PolicyStatement> permissions) {
        LogGroup logGroup = LogGroup.Builder.create(this, step + "FunctionLogs").retention(LOG_RETENTION).build();
        Role role = Role.Builder.create(this, step + "FunctionRole")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Runs the " + step + " step of the euc-image-updater")
                .build();
        permissions.forEach(role::addToPolicy);
        logGroup.grantWrite(role);
        Function function = Function.Builder.create(this, step + "Function")
                .description(step + " step of the euc-image-updater state machine")
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .code(code)
                .handler(HANDLER_PACKAGE + step + "Handler::handleRequest")
                .memorySize(memoryMb)
                .timeout(timeout)
                .role(role)
                .logGroup(logGroup)
                .tracing(Tracing.ACTIVE)
                .environment(Map.of("JAVA_TOOL_OPTIONS", FAST_START_JVM_OPTIONS))
                .build();
        NagSuppressions.addResourceSuppressions(function, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-L1")
                .reason("Java 21 is the LTS runtime this project supports and tests (bytecode level 17); newer runtimes are adopted deliberately, not by a linter")
                .build()));
        suppressWildcardResources(role, permissions.isEmpty() ? TRACING_WILDCARD : TRACING_WILDCARD + IMAGES_WILDCARD,
                List.of("Resource::*", "Resource::" + NAG_APPSTREAM_IMAGES, "Resource::" + NAG_WORKSPACES_IMAGES));
        return function;
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
                .logs(LogOptions.builder().destination(logGroup).level(LogLevel.ALL).includeExecutionData(true).build())
                .tracingEnabled(true)
                .build();
        // A definition read from a file carries no task metadata, so CDK grants nothing for its tasks.
        stateMachine.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("lambda:InvokeFunction"))
                .resources(functions.all().stream().map(Function::getFunctionArn).toList())
                .build());
        stateMachine.addToRolePolicy(allow(topic.getTopicArn(), "sns:Publish"));
        key.grant(stateMachine, "kms:GenerateDataKey", "kms:Decrypt");
        suppressWildcardResources(stateMachine, "CloudWatch Logs log delivery (logs:*LogDelivery*, logs:*ResourcePolic*,"
                + " logs:DescribeLogGroups) and X-Ray tracing actions support no resource-level permissions",
                List.of("Resource::*"));
        return stateMachine;
    }

    /** The wiring made here, then the settings exactly as the local runner substitutes them (sorted, for stable synths). */
    private Map<String, String> definitionSubstitutions(WorkflowFunctions functions, Topic topic) {
        Map<String, String> substitutions = new LinkedHashMap<>();
        substitutions.put("PlanFunctionArn", functions.plan().getFunctionArn());
        substitutions.put("CheckFunctionArn", functions.check().getFunctionArn());
        substitutions.put("StartFunctionArn", functions.start().getFunctionArn());
        substitutions.put("PollFunctionArn", functions.poll().getFunctionArn());
        substitutions.put("ReportFunctionArn", functions.report().getFunctionArn());
        substitutions.put("TopicArn", topic.getTopicArn());
        substitutions.putAll(new TreeMap<>(config.deploymentSettings().substitutions()));
        return substitutions;
    }

    private void createSchedule(StateMachine stateMachine) {
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
    }

    private void createFailureAlarm(StateMachine stateMachine, Topic topic, Key key) {
        MathExpression failedOrTimedOut = MathExpression.Builder.create()
                .expression("FILL(failed, 0) + FILL(timedOut, 0)")
                // Sorted, so that every synth writes the metrics in the same order.
                .usingMetrics(new TreeMap<>(Map.of("failed", stateMachine.metricFailed(), "timedOut", stateMachine.metricTimedOut())))
                .label("Failed or timed-out executions")
                .period(Duration.minutes(5))
                .build();
        // Named, so that its ARN is known without a reference to it: the key's policy names the alarm, and a
        // reference would close the loop key -> alarm -> topic -> key.
        String alarmName = getStackName() + "-FailedExecutions";
        String alarmArn = formatArn(ArnComponents.builder()
                .service("cloudwatch")
                .resource("alarm")
                .resourceName(alarmName)
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                .build());
        Alarm alarm = Alarm.Builder.create(this, "FailedExecutionsAlarm")
                .alarmName(alarmName)
                .alarmDescription("A euc-image-updater execution failed or timed out: see the execution in the Step Functions console")
                .metric(failedOrTimedOut)
                .threshold(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(new SnsAction(topic));
        // CloudWatch publishes as a service, so the topic and its key must let it in: for this alarm of this
        // account only, so that no other account's alarm can use CloudWatch as a confused deputy.
        Map<String, Object> thisAlarmOnly = Map.of(
                "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID),
                "ArnLike", Map.of("aws:SourceArn", alarmArn));
        topic.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("sns:Publish"))
                .resources(List.of(topic.getTopicArn()))
                .conditions(thisAlarmOnly)
                .build());
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("kms:GenerateDataKey", "kms:Decrypt"))
                .resources(List.of("*"))
                .conditions(thisAlarmOnly)
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

    /** An ARN pattern for every resource of the type in this stack's account and Region. */
    private String arn(String service, String resourceType) {
        return formatArn(ArnComponents.builder().service(service).resource(resourceType).resourceName("*").build());
    }

    private static PolicyStatement allow(String resource, String... actions) {
        return PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(List.of(actions))
                .resources(List.of(resource))
                .build();
    }

    /**
     * For actions whose Service Authorization Reference entry lists no resource type (an ARN in Resource would
     * never match them), and for appstream:DescribeImages, which also describes AWS-owned public images (ARNs
     * without an account).
     */
    private static PolicyStatement allowOnAnyResource(String... actions) {
        return allow("*", actions);
    }

    private static void suppressWildcardResources(Construct construct, String reason, List<String> findings) {
        NagPackSuppression suppression = NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason(reason)
                .appliesTo(findings)
                .build();
        NagSuppressions.addResourceSuppressions(construct, List.of(suppression), true);
    }
}
