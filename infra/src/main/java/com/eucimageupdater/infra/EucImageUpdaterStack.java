package com.eucimageupdater.infra;

import com.eucimageupdater.config.UpdaterConfig;
import com.eucimageupdater.workflow.FunctionEnvironment;
import com.eucimageupdater.workflow.FunctionSpec;
import java.util.List;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.ApplicationLogLevel;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

/**
 * The image updater: the workflow's Lambda functions driven by a Step Functions state machine (the ASL file), started
 * monthly by EventBridge Scheduler, reporting through an encrypted SNS topic, with alarms on failed runs and starts,
 * and an endpoint that the approval mail's links go to.
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

    private final UpdaterConfig config;

    public EucImageUpdaterStack(Construct scope, String id, StackProps props, UpdaterConfig config, Sources sources) {
        super(scope, id, props);
        this.config = config;
        ApprovalEndpoint approvalEndpoint = new ApprovalEndpoint(this, "ApprovalEndpoint", stateMachineName(),
                Code.fromAsset(sources.jar(FunctionSpec.APPROVAL_ENDPOINT.jar()).toString()),
                ApplicationLogLevel.valueOf(config.logLevel()), config.approvalEndpointConcurrency());
        Key topicKey = Key.Builder.create(this, "TopicKey")
                .description("Encrypts the euc-image-updater notification topic")
                .enableKeyRotation(true)
                .build();
        Topic topic = Topic.Builder.create(this, "NotificationTopic")
                .displayName("EUC image updater")
                .masterKey(topicKey)
                .enforceSsl(true)
                .build();
        config.notificationEmails().forEach(email -> topic.addSubscription(new EmailSubscription(email)));

        WorkflowFunctions functions = new WorkflowFunctions(this, "Functions",
                new WorkflowFunctions.Props(config, sources, metricsNamespace(), topic, topicKey, approvalEndpoint));
        StateMachine stateMachine = new WorkflowStateMachine(this, "Workflow", new WorkflowStateMachine.Props(
                sources.stateMachineDefinition(), stateMachineName(), approvalEndpoint.getStateMachineArn(), functions, topic, topicKey,
                config.substitutions())).stateMachine();
        RunSchedule schedule = new RunSchedule(this, "Schedule", config, stateMachine);
        new RunAlarms(this, "Alarms", stateMachine, schedule.deadLetters(), topic, topicKey);
        new OperationsDashboard(this, "Dashboard", stateMachine, functions, metricsNamespace());

        warnAboutConfiguration();
        createOutputs(stateMachine, topic);
    }

    /** Per stack, so that two deployments in one account keep their run metrics apart. */
    String metricsNamespace() {
        return FunctionEnvironment.DEFAULT_METRICS_NAMESPACE + "/" + getStackName();
    }

    private void warnAboutConfiguration() {
        if (config.configuredImageCount() == 0) {
            Annotations.of(this).addWarningV2(NO_IMAGES_WARNING, "No images are configured, so the monthly schedule is"
                    + " deployed disabled (a scheduled run would only fail with InvalidInput): it is switched on by the"
                    + " first deploy with images listed under \"images\" in cdk.json. Runs started by hand that name"
                    + " their images work either way.");
        }
        config.approvalWithoutRecipients().ifPresent(why -> Annotations.of(this).addWarningV2(NO_APPROVERS_WARNING, why));
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
}
