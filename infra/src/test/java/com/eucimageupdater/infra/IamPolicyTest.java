package com.eucimageupdater.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.config.UpdaterConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Template;

/** Least privilege: each role holds the actions its code calls, on the narrowest resources IAM allows. */
class IamPolicyTest {
    /** Every function writes its own logs and traces; these come on top of the contract's service actions. */
    private static final Set<String> RUNTIME_ACTIONS = Set.of(
            "logs:CreateLogStream", "logs:PutLogEvents", "xray:PutTraceSegments", "xray:PutTelemetryRecords");

    private static Template template;

    @BeforeAll
    static void synthesize() {
        template = TestStack.get().template;
    }

    /** The AWS calls each handler makes, from the project contract; the image steps also assume the member role. */
    static Stream<Arguments> contractActions() {
        return Stream.of(
                Arguments.of("Plan", Set.of()),
                Arguments.of("Resolve", Set.of("appstream:DescribeFleets", "appstream:DescribeImages", "appstream:ListTagsForResource",
                        "workspaces:DescribeWorkspaceBundles", "workspaces:DescribeWorkspaces", "workspaces:DescribeTags", "sts:AssumeRole")),
                Arguments.of("Check", Set.of("appstream:DescribeImages", "appstream:CreateUpdatedImage", "appstream:ListTagsForResource",
                        "workspaces:DescribeWorkspaceImages", "workspaces:DescribeTags", "sts:AssumeRole")),
                Arguments.of("Start", Set.of(
                        "appstream:CreateUpdatedImage", "appstream:DescribeImages", "appstream:TagResource",
                        "appstream:ListTagsForResource", "workspaces:CreateUpdatedWorkspaceImage", "workspaces:CreateTags",
                        "workspaces:DescribeWorkspaceImages", "workspaces:DescribeTags", "sts:AssumeRole")),
                Arguments.of("Poll", Set.of("appstream:DescribeImages", "appstream:TagResource", "workspaces:DescribeWorkspaceImages",
                        "workspaces:CreateTags", "sts:AssumeRole")),
                Arguments.of("Distribute", Set.of("appstream:CopyImage", "appstream:UpdateImagePermissions", "appstream:TagResource",
                        "appstream:DescribeImagePermissions", "appstream:DescribeImages", "appstream:ListTagsForResource",
                        "workspaces:CopyWorkspaceImage", "workspaces:UpdateWorkspaceImagePermission",
                        "workspaces:DescribeWorkspaceImagePermissions", "workspaces:CreateTags", "workspaces:DescribeTags",
                        "workspaces:DescribeWorkspaceImages", "sts:AssumeRole")),
                Arguments.of("MoveTargets", Set.of("appstream:UpdateFleet", "appstream:TagResource", "appstream:DescribeFleets",
                        "appstream:DescribeImages", "appstream:ListTagsForResource", "workspaces:UpdateWorkspaceBundle",
                        "workspaces:DescribeWorkspaceBundles", "workspaces:DescribeWorkspaces", "workspaces:DescribeTags",
                        "workspaces:CreateTags", "sts:AssumeRole")),
                Arguments.of("Retire", Set.of("appstream:DeleteImage", "appstream:DescribeImagePermissions", "appstream:DescribeFleets",
                        "appstream:DescribeImageBuilders", "appstream:DescribeImages", "appstream:ListTagsForResource",
                        "workspaces:DeleteWorkspaceImage", "workspaces:DescribeWorkspaceImagePermissions",
                        "workspaces:DescribeWorkspaceBundles", "workspaces:DescribeWorkspaceImages", "workspaces:DescribeTags",
                        "workspaces:DescribeWorkspaces", "sts:AssumeRole")),
                Arguments.of("Validate", Set.of("appstream:DescribeFleets", "appstream:CreateStreamingURL",
                        "workspaces:DescribeWorkspaceBundles", "workspaces:RebuildWorkspaces", "workspaces:DescribeWorkspaces",
                        "workspaces:DescribeWorkspacesConnectionStatus", "workspaces:CreateTags", "sts:AssumeRole")),
                Arguments.of("Rebuild", Set.of("workspaces:RebuildWorkspaces", "workspaces:DescribeWorkspaceBundles",
                        "workspaces:DescribeWorkspaces", "workspaces:DescribeWorkspacesConnectionStatus",
                        "workspaces:DescribeWorkspaceSnapshots", "workspaces:DescribeTags", "workspaces:CreateTags", "sts:AssumeRole")),
                Arguments.of("SummarizeBuilds", Set.of("appstream:DescribeImages", "appstream:ListTagsForResource", "appstream:TagResource",
                        "workspaces:DescribeTags", "workspaces:CreateTags", "sts:AssumeRole")),
                Arguments.of("PlanRollout", Set.of()),
                Arguments.of("RequestApproval", Set.of("sns:Publish", "sns:ListSubscriptionsByTopic", "kms:GenerateDataKey", "kms:Decrypt",
                        "kms:GenerateMac", "events:PutEvents")),
                Arguments.of("FindRollout", Set.of("appstream:DescribeImages", "appstream:ListTagsForResource", "appstream:DescribeFleets",
                        "workspaces:DescribeWorkspaceImages", "workspaces:DescribeTags", "workspaces:DescribeWorkspaceBundles",
                        "workspaces:DescribeWorkspaces", "sts:AssumeRole")),
                // The drift survey reads, and makes the run's check dry (CreateUpdatedImage with dryRun, on image ARNs).
                Arguments.of("Survey", Set.of("appstream:CreateUpdatedImage", "appstream:DescribeFleets", "appstream:DescribeImageBuilders",
                        "appstream:DescribeImages", "appstream:ListTagsForResource", "workspaces:DescribeWorkspaceBundles",
                        "workspaces:DescribeWorkspaceImages", "workspaces:DescribeWorkspaces", "workspaces:DescribeTags", "sts:AssumeRole")),
                Arguments.of("Publish", Set.of("events:PutEvents", "ssm:PutParameter")),
                Arguments.of("Report", Set.of()));
    }

    @ParameterizedTest(name = "{0} function role: exactly {1}")
    @MethodSource("contractActions")
    void functionRoleHoldsOnlyContractActions(String step, Set<String> serviceActions) {
        Set<String> expected = new TreeSet<>(serviceActions);
        expected.addAll(RUNTIME_ACTIONS);

        assertEquals(expected, new TreeSet<>(actionsOf(statementsOfRole(functionRole(step)))));
    }

    /**
     * The image-creating and tagging actions whose Service Authorization Reference entry has an image resource
     * type. workspaces:CreateTags and workspaces:DescribeTags have none (see {@link #wildcardResourceActions}).
     */
    static Stream<Arguments> imageScopedActions() {
        return Stream.of(
                Arguments.of("appstream:CreateUpdatedImage", ":image/*"),
                Arguments.of("appstream:TagResource", ":image/*"),
                Arguments.of("appstream:DeleteImage", ":image/*"),
                Arguments.of("appstream:DescribeImagePermissions", ":image/*"),
                Arguments.of("workspaces:CreateUpdatedWorkspaceImage", ":workspaceimage/*"),
                Arguments.of("workspaces:DeleteWorkspaceImage", ":workspaceimage/*"),
                Arguments.of("workspaces:DescribeWorkspaceImagePermissions", ":workspaceimage/*"),
                Arguments.of("appstream:CopyImage", ":image/*"),
                Arguments.of("appstream:UpdateImagePermissions", ":image/*"),
                Arguments.of("workspaces:CopyWorkspaceImage", ":workspaceimage/*"),
                Arguments.of("workspaces:UpdateWorkspaceImagePermission", ":workspaceimage/*"));
    }

    /**
     * Moves authorize on the fleet or bundle and on the image (UpdateWorkspaceBundle needs both); the gate's streaming check
     * on the fleet and the stack; its canaries' rebuild, and the rebuild step's, on the WorkSpace.
     */
    static Stream<Arguments> rolloutScopedActions() {
        return Stream.of(
                Arguments.of("appstream:UpdateFleet", List.of(":fleet/*", ":image/*")),
                Arguments.of("appstream:CreateStreamingURL", List.of(":fleet/*", ":stack/*")),
                Arguments.of("workspaces:UpdateWorkspaceBundle", List.of(":workspacebundle/*", ":workspaceimage/*")),
                Arguments.of("workspaces:RebuildWorkspaces", List.of(":workspace/*")));
    }

    @ParameterizedTest(name = "{0} is granted only on {1} ARNs of this account, in the Regions it works in")
    @MethodSource("rolloutScopedActions")
    void rolloutActionsScopedToFleetsBundlesAndImages(String action, List<String> resourceSuffixes) {
        List<Map<String, Object>> granting = allStatements().stream()
                .filter(statement -> asList(statement.get("Action")).contains(action))
                .toList();

        // One statement in each role that calls it (RebuildWorkspaces: the gate's canaries and the rebuild's waves).
        assertFalse(granting.isEmpty(), () -> action + " is granted");
        granting.forEach(statement -> assertEquals(resourceSuffixes.stream()
                .flatMap(suffix -> ownAccountInWorkRegions(action, suffix).stream()).collect(Collectors.toSet()),
                Set.copyOf(asList(statement.get("Resource"))), action));
    }

    @ParameterizedTest(name = "{0} is granted, and only on {1} ARNs of this account, in the Regions it works in")
    @MethodSource("imageScopedActions")
    void mutatingActionsScopedToImages(String action, String resourceSuffix) {
        List<Map<String, Object>> granting = allStatements().stream()
                .filter(statement -> asList(statement.get("Action")).contains(action))
                .toList();

        assertFalse(granting.isEmpty(), () -> action + " is granted by some statement");
        granting.forEach(statement -> assertEquals(Set.copyOf(ownAccountInWorkRegions(action, resourceSuffix)),
                Set.copyOf(asList(statement.get("Resource"))), action));
    }

    /**
     * The ARN patterns of the action's service in this account, in the deployment's own Region and each Region of
     * its targets, configured images and additionalRegions: a run may name several, and in this account only
     * other accounts' member roles act.
     */
    private static List<Object> ownAccountInWorkRegions(String action, String resourceSuffix) {
        String service = action.substring(0, action.indexOf(':'));
        Object partition = Map.of("Ref", "AWS::Partition");
        Object account = Map.of("Ref", "AWS::AccountId");
        List<Object> arns = new ArrayList<>();
        arns.add(Map.of("Fn::Join", List.of("", List.of("arn:", partition, ":" + service + ":", Map.of("Ref", "AWS::Region"), ":",
                account, resourceSuffix))));
        TestStack.WORK_REGIONS.forEach(region -> arns.add(Map.of("Fn::Join", List.of("", List.of("arn:", partition,
                ":" + service + ":" + region + ":", account, resourceSuffix)))));
        return arns;
    }

    @Test
    @DisplayName("no image, fleet or bundle ARN anywhere leaves its Region open")
    void noRegionWildcardInImageFleetOrBundleArns() {
        List<Object> openRegion = allStatements().stream()
                .flatMap(statement -> asList(statement.get("Resource")).stream())
                .filter(resource -> resource instanceof Map<?, ?> map && map.containsKey("Fn::Join") && joinedParts(resource).stream()
                        .anyMatch(part -> part instanceof String text && text.matches(":(appstream|workspaces):\\*:.*")))
                .toList();

        assertEquals(List.of(), openRegion);
    }

    /**
     * What the functions may do on every resource: actions whose Service Authorization Reference entry lists no
     * resource type, and appstream:DescribeImages, which also describes AWS-owned public images.
     */
    private static final Set<String> WILDCARD_RESOURCE_ACTIONS = Set.of(
            "xray:PutTraceSegments", "xray:PutTelemetryRecords",
            "appstream:DescribeImages", "appstream:ListTagsForResource", "appstream:DescribeFleets", "appstream:DescribeImageBuilders",
            "workspaces:DescribeWorkspaceImages", "workspaces:DescribeTags", "workspaces:CreateTags", "workspaces:DescribeWorkspaceBundles",
            "workspaces:DescribeWorkspaces", "workspaces:DescribeWorkspacesConnectionStatus", "workspaces:DescribeWorkspaceSnapshots");

    @Test
    @DisplayName("the functions hold on \"*\" only actions that IAM cannot scope to a resource, and each of them is used")
    void wildcardResourceActions() {
        Set<String> onAnyResource = new TreeSet<>();
        WORKFLOW_STEPS.stream()
                .flatMap(step -> statementsOfRole(functionRole(step)).stream())
                .filter(statement -> asList(statement.get("Resource")).contains("*"))
                .forEach(statement -> onAnyResource.addAll(actionsOf(List.of(statement))));

        assertEquals(new TreeSet<>(WILDCARD_RESOURCE_ACTIONS), onAnyResource);
    }

    @Test
    @DisplayName("no IAM statement anywhere grants a wildcard action")
    void noWildcardActions() {
        List<String> wildcards = actionsOf(allStatements()).stream().filter(action -> action.contains("*")).toList();

        assertEquals(List.of(), wildcards);
    }

    @Test
    @DisplayName("the state machine may invoke exactly the fourteen functions' live aliases and publish only to the topic")
    void stateMachineRoleScoped() {
        List<Map<String, Object>> statements = statementsOfRole(stateMachineRole());
        // Through the live aliases; the approval endpoint's alias is the links' to call, not the state machine's.
        Object endpointFunction = Map.of("Ref", TestStack.get().functionId("ApprovalEndpoint"));
        Set<Object> functionArns = template.findResources("AWS::Lambda::Alias").entrySet().stream()
                .filter(alias -> !endpointFunction.equals(properties(alias.getValue()).get("FunctionName")))
                .map(alias -> Map.of("Ref", alias.getKey()))
                .collect(Collectors.toSet());
        String topic = template.findResources("AWS::SNS::Topic").keySet().iterator().next();

        assertEquals(functionArns, Set.copyOf(asList(resourcesFor(statements, "lambda:InvokeFunction"))));
        assertEquals(List.of(Map.of("Ref", topic)), resourcesFor(statements, "sns:Publish"));
        assertFalse(actionsOf(statements).stream().anyMatch(action -> action.startsWith("appstream:")
                || action.startsWith("workspaces:")), "the state machine makes no AWS SDK calls of its own");
    }

    @Test
    @DisplayName("the state machine may encrypt with the topic's key and nothing else in KMS")
    void stateMachineUsesTopicKeyOnly() {
        List<Map<String, Object>> statements = statementsOfRole(stateMachineRole());
        Object keyArn = properties(template.findResources("AWS::SNS::Topic").values().iterator().next()).get("KmsMasterKeyId");

        assertEquals(List.of(keyArn), resourcesFor(statements, "kms:GenerateDataKey"));
        assertEquals(List.of(keyArn), resourcesFor(statements, "kms:Decrypt"));
    }

    @Test
    @DisplayName("the approval request reads the subscriptions of and mails only the notification topic, through its key only")
    void approvalRequestScopedToTopicAndItsKey() {
        List<Map<String, Object>> statements = statementsOfRole(functionRole("RequestApproval"));
        Map.Entry<String, Map<String, Object>> topic = template.findResources("AWS::SNS::Topic").entrySet().iterator().next();
        Object keyArn = properties(topic.getValue()).get("KmsMasterKeyId");

        assertEquals(List.of(Map.of("Ref", topic.getKey())), resourcesFor(statements, "sns:ListSubscriptionsByTopic"));
        assertEquals(List.of(Map.of("Ref", topic.getKey())), resourcesFor(statements, "sns:Publish"));
        assertEquals(List.of(keyArn), resourcesFor(statements, "kms:GenerateDataKey"));
        assertEquals(List.of(keyArn), resourcesFor(statements, "kms:Decrypt"));
    }

    /** The ARN the stack writes for the deployment's own {@code service} resource {@code resource}. */
    private static Object ownArn(String service, String resource) {
        return Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":" + service + ":",
                Map.of("Ref", "AWS::Region"), ":", Map.of("Ref", "AWS::AccountId"), ":" + resource)));
    }

    @Test
    @DisplayName("events go only to the default bus of the deployment's account and Region, from the two functions that publish")
    void eventsOnlyOnTheDefaultBus() {
        List<Map<String, Object>> granting = allStatements().stream()
                .filter(statement -> asList(statement.get("Action")).contains("events:PutEvents")).toList();

        assertEquals(2, granting.size(), "RequestApproval (Approval Requested) and Publish");
        granting.forEach(statement -> {
            assertEquals(List.of("events:PutEvents"), asList(statement.get("Action")));
            assertEquals(List.of(ownArn("events", "event-bus/default")), asList(statement.get("Resource")));
        });
        assertEquals(List.of(ownArn("events", "event-bus/default")),
                resourcesFor(statementsOfRole(functionRole("Publish")), "events:PutEvents"));
    }

    @Test
    @DisplayName("parameters are written only under /euc-image-updater/, in the deployment's account and Region, by Publish alone")
    void parametersOnlyUnderTheUpdatersPath() {
        List<Map<String, Object>> granting = allStatements().stream()
                .filter(statement -> asList(statement.get("Action")).stream().anyMatch(action -> action.toString().startsWith("ssm:")))
                .toList();

        assertEquals(1, granting.size());
        assertEquals(List.of("ssm:PutParameter"), asList(granting.get(0).get("Action")));
        assertEquals(List.of(ownArn("ssm", "parameter/euc-image-updater/*")), asList(granting.get(0).get("Resource")));
        assertEquals(List.of(ownArn("ssm", "parameter/euc-image-updater/*")),
                resourcesFor(statementsOfRole(functionRole("Publish")), "ssm:PutParameter"));
    }

    @Test
    @DisplayName("the schedule's role may only start this state machine and write to its dead-letter queue")
    void schedulerRoleScoped() {
        Map<String, Object> schedule = template.findResources("AWS::Scheduler::Schedule").values().iterator().next();
        @SuppressWarnings("unchecked")
        Map<String, Object> target = (Map<String, Object>) properties(schedule).get("Target");
        String role = getAttId(target.get("RoleArn"));
        String stateMachine = template.findResources("AWS::StepFunctions::StateMachine").keySet().iterator().next();
        List<Map<String, Object>> statements = statementsOfRole(role);

        assertEquals(Set.of("states:StartExecution", "sqs:SendMessage"), Set.copyOf(actionsOf(statements)));
        assertEquals(List.of(Map.of("Ref", stateMachine)), resourcesFor(statements, "states:StartExecution"));
    }

    private static String functionRole(String step) {
        return functionRole(template, step);
    }

    private static String functionRole(Template template, String step) {
        Map<String, Map<String, Object>> functions = template.findResources("AWS::Lambda::Function", Map.of("Properties",
                Map.of("Handler", TestStack.handler(step))));
        assertEquals(1, functions.size(), () -> step + " functions: " + functions.keySet());
        return getAttId(properties(functions.values().iterator().next()).get("Role"));
    }

    static final List<String> IMAGE_STEPS = List.of("Resolve", "Check", "Start", "Poll", "Distribute", "Validate", "SummarizeBuilds",
            "MoveTargets", "Retire", "Rebuild", "FindRollout", "Survey");
    private static final List<String> WORKFLOW_STEPS = List.of("Plan", "Resolve", "Check", "Start", "Poll", "Distribute", "Validate",
            "SummarizeBuilds", "MoveTargets", "Retire", "Rebuild", "PlanRollout", "RequestApproval", "FindRollout", "Survey", "Publish",
            "Report");

    @Test
    @DisplayName("every workflow function's role sits under the path that member roles trust")
    void functionRolesUnderTrustedPath() {
        WORKFLOW_STEPS.forEach(step -> assertEquals(EucImageUpdaterStack.FUNCTION_ROLE_PATH,
                properties(template.findResources("AWS::IAM::Role").get(functionRole(step))).get("Path"), step));
    }

    @Test
    @DisplayName("the approval endpoint's role, reachable from the internet, is not under the path that member roles trust")
    void endpointRoleOutsideTrustedPath() {
        Map<String, Map<String, Object>> endpoint = template.findResources("AWS::Lambda::Function",
                Map.of("Properties", Map.of("Handler", TestStack.handler("ApprovalEndpoint"))));
        String role = getAttId(properties(endpoint.values().iterator().next()).get("Role"));

        assertFalse(properties(template.findResources("AWS::IAM::Role").get(role)).containsKey("Path"));
    }

    private static Object memberRoleArnPattern(String roleName) {
        return Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":iam::*:role/" + roleName)));
    }

    private static List<Map<String, Object>> assumeRoleStatements(Template template, String step) {
        return statementsOfRole(template, functionRole(template, step)).stream()
                .filter(statement -> asList(statement.get("Action")).contains("sts:AssumeRole"))
                .toList();
    }

    @Test
    @DisplayName("each image step may assume the member role in any account, only if the role belongs to the organization")
    void imageStepsAssumeMemberRoleInTheOrganization() {
        IMAGE_STEPS.forEach(step -> {
            List<Map<String, Object>> statements = assumeRoleStatements(template, step);

            assertEquals(1, statements.size(), () -> step + ": " + statements);
            assertEquals(List.of("sts:AssumeRole"), asList(statements.get(0).get("Action")), step);
            assertEquals(memberRoleArnPattern(UpdaterConfig.DEFAULT_MEMBER_ROLE_NAME), statements.get(0).get("Resource"), step);
            assertEquals(Map.of("StringEquals", Map.of("aws:ResourceOrgID", TestStack.ORGANIZATION_ID)),
                    statements.get(0).get("Condition"), step);
        });
    }

    @Test
    @DisplayName("without an organization the member role is assumed without a condition: its trust policy is the guard")
    void imageStepsAssumeMemberRoleWithoutOrganization() {
        Template shipped = TestStack.shipped().template;

        IMAGE_STEPS.forEach(step -> {
            List<Map<String, Object>> statements = assumeRoleStatements(shipped, step);

            assertEquals(1, statements.size(), () -> step + ": " + statements);
            assertEquals(memberRoleArnPattern(UpdaterConfig.DEFAULT_MEMBER_ROLE_NAME), statements.get(0).get("Resource"), step);
            assertFalse(statements.get(0).containsKey("Condition"), step);
        });
    }

    @Test
    @DisplayName("the state machine may start, describe and stop only its own (Distributed Map child) executions")
    void stateMachineRunsItsOwnChildExecutions() {
        List<Map<String, Object>> statements = statementsOfRole(stateMachineRole());
        String name = EucImageUpdaterApp.STACK_NAME + "-Workflow";
        Object stateMachineArn = Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":states:",
                Map.of("Ref", "AWS::Region"), ":", Map.of("Ref", "AWS::AccountId"), ":stateMachine:" + name)));
        Object childExecutions = Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":states:",
                Map.of("Ref", "AWS::Region"), ":", Map.of("Ref", "AWS::AccountId"), ":execution:" + name + "/*")));

        assertEquals(List.of(stateMachineArn), resourcesFor(statements, "states:StartExecution"));
        assertEquals(List.of(childExecutions), resourcesFor(statements, "states:DescribeExecution"));
        assertEquals(List.of(childExecutions), resourcesFor(statements, "states:StopExecution"));
        assertEquals(Set.of("states:StartExecution", "states:DescribeExecution", "states:StopExecution"),
                actionsOf(statements).stream().filter(action -> action.startsWith("states:")).collect(Collectors.toSet()));
    }

    private static String stateMachineRole() {
        Map<String, Object> stateMachine = template.findResources("AWS::StepFunctions::StateMachine").values().iterator().next();
        return getAttId(properties(stateMachine).get("RoleArn"));
    }

    private static List<Map<String, Object>> statementsOfRole(String roleId) {
        return statementsOfRole(template, roleId);
    }

    /** Statements of the role's attached AWS::IAM::Policy resources and inline policies. */
    private static List<Map<String, Object>> statementsOfRole(Template template, String roleId) {
        Object roleRef = Map.of("Ref", roleId);
        Stream<Map<String, Object>> attached = template.findResources("AWS::IAM::Policy").values().stream()
                .filter(policy -> asList(properties(policy).get("Roles")).contains(roleRef))
                .map(policy -> properties(policy).get("PolicyDocument"))
                .flatMap(IamPolicyTest::statementsOf);
        Stream<Map<String, Object>> inline = asList(properties(template.findResources("AWS::IAM::Role").get(roleId))
                .get("Policies")).stream()
                .map(policy -> ((Map<?, ?>) policy).get("PolicyDocument"))
                .flatMap(IamPolicyTest::statementsOf);
        return Stream.concat(attached, inline).toList();
    }

    private static List<Map<String, Object>> allStatements() {
        Stream<Object> policyDocuments = Stream.concat(
                template.findResources("AWS::IAM::Policy").values().stream().map(policy -> properties(policy).get("PolicyDocument")),
                template.findResources("AWS::IAM::Role").values().stream()
                        .flatMap(role -> asList(properties(role).get("Policies")).stream())
                        .map(policy -> ((Map<?, ?>) policy).get("PolicyDocument")));
        return policyDocuments.flatMap(IamPolicyTest::statementsOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static Stream<Map<String, Object>> statementsOf(Object policyDocument) {
        return asList(((Map<String, Object>) policyDocument).get("Statement")).stream().map(s -> (Map<String, Object>) s);
    }

    private static List<String> actionsOf(List<Map<String, Object>> statements) {
        return statements.stream().flatMap(statement -> asList(statement.get("Action")).stream()).map(String.class::cast).toList();
    }

    private static List<Object> resourcesFor(List<Map<String, Object>> statements, String action) {
        return statements.stream()
                .filter(statement -> asList(statement.get("Action")).contains(action))
                .flatMap(statement -> asList(statement.get("Resource")).stream())
                .toList();
    }

    /** IAM allows a single value where a list is expected; treat both as a list. */
    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? (List<Object>) list : List.of(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    /** The parts of an {"Fn::Join": ["", [parts]]}, the form of an ARN built from pseudo parameters. */
    private static List<?> joinedParts(Object joined) {
        assertTrue(joined instanceof Map<?, ?> map && map.containsKey("Fn::Join"), () -> "an ARN pattern, not " + joined);
        return (List<?>) ((List<?>) ((Map<?, ?>) joined).get("Fn::Join")).get(1);
    }

    private static String getAttId(Object getAtt) {
        return (String) ((List<?>) ((Map<?, ?>) getAtt).get("Fn::GetAtt")).get(0);
    }
}
