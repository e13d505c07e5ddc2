package com.eucimageupdater.workflow;

import static com.eucimageupdater.workflow.FunctionEnvironment.APPROVAL_ENDPOINT_URL;
import static com.eucimageupdater.workflow.FunctionEnvironment.APPROVAL_KEY_ARN;
import static com.eucimageupdater.workflow.FunctionEnvironment.DEPLOYMENT_ACCOUNT;
import static com.eucimageupdater.workflow.FunctionEnvironment.MEMBER_EXTERNAL_ID;
import static com.eucimageupdater.workflow.FunctionEnvironment.MEMBER_ROLE_NAME;
import static com.eucimageupdater.workflow.FunctionEnvironment.METRICS_NAMESPACE;
import static com.eucimageupdater.workflow.FunctionEnvironment.STATE_MACHINE_ARN;
import static com.eucimageupdater.workflow.FunctionEnvironment.TOPIC_ARN;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The workflow's steps, the one definition that the stack (functions, IAM policies, the member accounts' role), the
 * local runner and the benchmark read: each step is one Lambda function ({@link FunctionSpec}), named in the state
 * machine definition as {@code ${<step>FunctionArn}}.
 */
public enum WorkflowStep {
    PLAN("Plan", runStep("plan.PlanHandler")),
    RESOLVE("Resolve", imageStep("rollout.ResolveHandler", 120,
            // A scheduled run reads each source's count of failed scheduled months (disableAfterFailures) from its tags.
            Grant.onAny("appstream:DescribeFleets", "appstream:DescribeImages", "appstream:ListTagsForResource",
                    "workspaces:DescribeWorkspaceBundles", "workspaces:DescribeWorkspaces", "workspaces:DescribeTags"))),
    CHECK("Check", imageStep("build.CheckHandler", 60,
            // dryRun=true answers whether an update exists without creating anything.
            Grant.on(Scope.APPSTREAM_IMAGES, "appstream:CreateUpdatedImage"),
            // The source's tags name its lineage, which retention counts in.
            Grant.onAny("appstream:DescribeImages", "appstream:ListTagsForResource", "workspaces:DescribeWorkspaceImages",
                    "workspaces:DescribeTags"))),
    START("Start", imageStep("build.StartHandler", 90,
            // The source and the new image are both images the account owns.
            Grant.on(Scope.APPSTREAM_IMAGES, "appstream:CreateUpdatedImage", "appstream:TagResource"),
            Grant.on(Scope.WORKSPACES_IMAGES, "workspaces:CreateUpdatedWorkspaceImage"),
            // The Service Authorization Reference lists no resource type for workspaces:CreateTags or
            // workspaces:DescribeTags (only aws:RequestTag and aws:TagKeys for CreateTags), so an image ARN
            // in Resource would not match and the calls would be denied: they stay on "*".
            Grant.onAny("appstream:DescribeImages", "appstream:ListTagsForResource", "workspaces:DescribeWorkspaceImages",
                    "workspaces:DescribeTags", "workspaces:CreateTags"))),
    POLL("Poll", imageStep("build.PollHandler", 30,
            // An image that became AVAILABLE is tagged with its build minutes, the next build's first-poll estimate.
            Grant.on(Scope.APPSTREAM_IMAGES, "appstream:TagResource"),
            Grant.onAny("appstream:DescribeImages", "workspaces:DescribeWorkspaceImages", "workspaces:CreateTags"))),
    DISTRIBUTE("Distribute", imageStep("distribute.DistributeHandler", 120,
            // Copies go to other Regions of the same account (tags are not copied: they are written again), and
            // shares name other accounts on the account's own image; its permissions are read first, so that the
            // mail says "shared" only for a share this run made.
            Grant.on(Scope.APPSTREAM_IMAGES, "appstream:CopyImage", "appstream:UpdateImagePermissions", "appstream:TagResource",
                    "appstream:DescribeImagePermissions"),
            Grant.on(Scope.WORKSPACES_IMAGES, "workspaces:CopyWorkspaceImage", "workspaces:UpdateWorkspaceImagePermission",
                    "workspaces:DescribeWorkspaceImagePermissions"),
            // The new image's tags are read to go with each copy.
            Grant.onAny("appstream:DescribeImages", "appstream:ListTagsForResource", "workspaces:DescribeWorkspaceImages",
                    "workspaces:DescribeTags", "workspaces:CreateTags"))),
    /**
     * The gate after staging: reads the staged fleets and bundles until they serve the new image, or the bound; rebuilds an
     * item's canary WorkSpaces once.
     */
    VALIDATE("Validate", imageStep("validate.ValidateHandler", 60,
            // An item's streaming check: CreateStreamingURL authorizes on the fleet and the stack.
            new Grant(List.of(Scope.APPSTREAM_FLEETS, Scope.APPSTREAM_STACKS), List.of("appstream:CreateStreamingURL")),
            Grant.on(Scope.WORKSPACES_WORKSPACES, "workspaces:RebuildWorkspaces"),
            // The canary's state and its user's connection, and the tag on the new image naming the canaries rebuilt: only "*".
            Grant.onAny("appstream:DescribeFleets", "workspaces:DescribeWorkspaceBundles", "workspaces:DescribeWorkspaces",
                    "workspaces:DescribeWorkspacesConnectionStatus", "workspaces:CreateTags"))),
    SUMMARIZE_BUILDS("SummarizeBuilds", imageStep("build.SummarizeBuildsHandler", 60,
            // Each lineage's count of failed scheduled months is a tag on its source image, which the account owns.
            Grant.on(Scope.APPSTREAM_IMAGES, "appstream:TagResource"),
            Grant.onAny("appstream:DescribeImages", "appstream:ListTagsForResource", "workspaces:DescribeTags", "workspaces:CreateTags"))),
    MOVE_TARGETS("MoveTargets", imageStep("rollout.MoveTargetsHandler", 120,
            // UpdateFleet authorizes on the fleet (and, when named, the image); UpdateWorkspaceBundle on both.
            new Grant(List.of(Scope.APPSTREAM_FLEETS, Scope.APPSTREAM_IMAGES), List.of("appstream:UpdateFleet")),
            Grant.on(Scope.APPSTREAM_IMAGES, "appstream:TagResource"),
            new Grant(List.of(Scope.WORKSPACES_BUNDLES, Scope.WORKSPACES_IMAGES), List.of("workspaces:UpdateWorkspaceBundle")),
            Grant.onAny("appstream:DescribeFleets", "appstream:DescribeImages", "appstream:ListTagsForResource",
                    "workspaces:DescribeWorkspaceBundles", "workspaces:DescribeWorkspaces", "workspaces:DescribeTags",
                    "workspaces:CreateTags"))),
    /**
     * One call of a bundle's rebuild in waves (the state machine loops on it, waiting as it says): reads the bundle's WorkSpaces,
     * their users' connections and rebuild snapshots, tags each WorkSpace with the image, then rebuilds it.
     */
    REBUILD("Rebuild", imageStep("rebuild.RebuildHandler", 300,
            Grant.on(Scope.WORKSPACES_WORKSPACES, "workspaces:RebuildWorkspaces"),
            // Reads, and the tag naming the image on each WorkSpace rebuilt: CreateTags lists no resource type, so "*".
            Grant.onAny("workspaces:DescribeWorkspaceBundles", "workspaces:DescribeWorkspaces",
                    "workspaces:DescribeWorkspacesConnectionStatus", "workspaces:DescribeWorkspaceSnapshots", "workspaces:DescribeTags",
                    "workspaces:CreateTags"))),
    RETIRE("Retire", imageStep("retire.RetireHandler", 120,
            Grant.on(Scope.APPSTREAM_IMAGES, "appstream:DeleteImage", "appstream:DescribeImagePermissions"),
            Grant.on(Scope.WORKSPACES_IMAGES, "workspaces:DeleteWorkspaceImage", "workspaces:DescribeWorkspaceImagePermissions"),
            // The approval mail's preview reads each production fleet or bundle as it is now (a bundle's WorkSpaces too).
            Grant.onAny("appstream:DescribeFleets", "appstream:DescribeImageBuilders", "appstream:DescribeImages",
                    "appstream:ListTagsForResource", "workspaces:DescribeWorkspaceBundles", "workspaces:DescribeWorkspaceImages",
                    "workspaces:DescribeTags", "workspaces:DescribeWorkspaces"))),
    PLAN_ROLLOUT("PlanRollout", runStep("rollout.PlanRolloutHandler")),
    /** Mails the approval request with links signed by the endpoint's key; the execution waits on its task token. */
    REQUEST_APPROVAL("RequestApproval", new FunctionSpec(FunctionSpec.inBasePackage("approve.RequestApprovalHandler"),
            FunctionJar.APPROVAL_MAIL, 512, Duration.ofSeconds(60),
            List.of(
                    // It mails only when the topic has a confirmed subscriber, read with ListSubscriptionsByTopic.
                    Grant.on(Scope.NOTIFICATION_TOPIC, "sns:Publish", "sns:ListSubscriptionsByTopic"),
                    Grant.on(Scope.NOTIFICATION_KEY, "kms:GenerateDataKey", "kms:Decrypt"),
                    Grant.on(Scope.APPROVAL_LINK_KEY, "kms:GenerateMac"),
                    // Approval Requested, once SNS took the mail.
                    Grant.on(Scope.DEFAULT_EVENT_BUS, "events:PutEvents")),
            List.of(METRICS_NAMESPACE, TOPIC_ARN, APPROVAL_ENDPOINT_URL, STATE_MACHINE_ARN, APPROVAL_KEY_ARN))),
    FIND_ROLLOUT("FindRollout", imageStep("rollback.FindRolloutHandler", 120,
            Grant.onAny("appstream:DescribeImages", "appstream:ListTagsForResource", "appstream:DescribeFleets",
                    "workspaces:DescribeWorkspaceImages", "workspaces:DescribeTags", "workspaces:DescribeWorkspaceBundles",
                    "workspaces:DescribeWorkspaces"))),
    /** Where the fleets and bundles of one account and Region stand, for the drift report and the monthly mail; reads only. */
    SURVEY("Survey", imageStep("drift.SurveyHandler", 240,
            // The run's own check, made dry: CreateUpdatedImage with dryRun=true creates nothing.
            Grant.on(Scope.APPSTREAM_IMAGES, "appstream:CreateUpdatedImage"),
            Grant.onAny("appstream:DescribeFleets", "appstream:DescribeImageBuilders", "appstream:DescribeImages",
                    "appstream:ListTagsForResource", "workspaces:DescribeWorkspaceBundles", "workspaces:DescribeWorkspaceImages",
                    "workspaces:DescribeWorkspaces", "workspaces:DescribeTags"))),
    /**
     * Tells other systems what the run did, at the points of the workflow that matter: the builds' events, the production
     * roll-outs' and the rollbacks' events and the lineages' parameters, in the deployment's own account and Region.
     */
    PUBLISH("Publish", new FunctionSpec(FunctionSpec.inBasePackage("publish.PublishHandler"), FunctionJar.PUBLISH, 512,
            // PutEvents 10 events a call, then one PutParameter per roll-out (Parameter Store takes 40 a second by default).
            Duration.ofSeconds(120),
            List.of(Grant.on(Scope.DEFAULT_EVENT_BUS, "events:PutEvents"), Grant.on(Scope.LINEAGE_PARAMETERS, "ssm:PutParameter")),
            List.of(METRICS_NAMESPACE))),
    REPORT("Report", runStep("report.ReportHandler"));

    /** The state machine definition, from the project root: it names each step's function by its placeholder. */
    public static final String DEFINITION = "statemachine/image-updater.asl.json";

    private final String stepName;
    private final FunctionSpec function;

    WorkflowStep(String stepName, FunctionSpec function) {
        this.stepName = stepName;
        this.function = function;
    }

    /**
     * A step that works on images in their accounts, its own or any other through the member role there, which it may
     * assume in any account: items name their account at run time, and the member role's trust policy is the guard.
     */
    private static FunctionSpec imageStep(String handlerClass, int timeoutSeconds, Grant... grants) {
        List<Grant> all = new ArrayList<>(Arrays.asList(grants));
        all.add(Grant.on(Scope.MEMBER_ROLES, "sts:AssumeRole"));
        return new FunctionSpec(FunctionSpec.inBasePackage(handlerClass), FunctionJar.IMAGE_STEPS, 512,
                Duration.ofSeconds(timeoutSeconds), all,
                List.of(METRICS_NAMESPACE, DEPLOYMENT_ACCOUNT, MEMBER_ROLE_NAME, MEMBER_EXTERNAL_ID));
    }

    /** A step over the run's own data: no AWS call. */
    private static FunctionSpec runStep(String handlerClass) {
        return new FunctionSpec(FunctionSpec.inBasePackage(handlerClass), FunctionJar.RUN_STEPS, 256, Duration.ofSeconds(30), List.of(),
                List.of(METRICS_NAMESPACE));
    }

    /** The step's name: its function's name part and its definition placeholder's prefix. */
    public String stepName() {
        return stepName;
    }

    /** The name of the definition's placeholder for the step's function ARN, without {@code ${}}. */
    public String placeholder() {
        return stepName + "FunctionArn";
    }

    public FunctionSpec function() {
        return function;
    }

    /**
     * What the member accounts' role allows: every step's grants in the patched account, merged into one grant per set
     * of scopes, since any image step may act through it.
     */
    public static List<Grant> memberAccountGrants() {
        return Grant.union(Arrays.stream(values()).flatMap(step -> step.function.grants().stream()).filter(Grant::inPatchedAccount)
                .toList());
    }
}
