package com.eucimageupdater.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** The AWS calls each handler makes, from the project contract. */
    static Stream<Arguments> contractActions() {
        return Stream.of(
                Arguments.of("Plan", Set.of()),
                Arguments.of("Resolve", Set.of("appstream:DescribeFleets", "appstream:DescribeImages",
                        "workspaces:DescribeWorkspaceBundles", "workspaces:DescribeWorkspaces")),
                Arguments.of("Check", Set.of("appstream:DescribeImages", "appstream:CreateUpdatedImage", "appstream:ListTagsForResource",
                        "workspaces:DescribeWorkspaceImages", "workspaces:DescribeTags")),
                Arguments.of("Start", Set.of(
                        "appstream:CreateUpdatedImage", "appstream:DescribeImages", "appstream:TagResource",
                        "appstream:ListTagsForResource", "workspaces:CreateUpdatedWorkspaceImage", "workspaces:CreateTags",
                        "workspaces:DescribeWorkspaceImages", "workspaces:DescribeTags")),
                Arguments.of("Poll", Set.of("appstream:DescribeImages", "workspaces:DescribeWorkspaceImages")),
                Arguments.of("MoveTargets", Set.of("appstream:UpdateFleet", "appstream:TagResource", "appstream:DescribeFleets",
                        "appstream:DescribeImages", "appstream:ListTagsForResource", "workspaces:UpdateWorkspaceBundle",
                        "workspaces:DescribeWorkspaceBundles", "workspaces:DescribeWorkspaces", "workspaces:DescribeTags",
                        "workspaces:CreateTags")),
                Arguments.of("Retire", Set.of("appstream:DeleteImage", "appstream:DescribeImagePermissions", "appstream:DescribeFleets",
                        "appstream:DescribeImageBuilders", "appstream:DescribeImages", "appstream:ListTagsForResource",
                        "workspaces:DeleteWorkspaceImage", "workspaces:DescribeWorkspaceImagePermissions",
                        "workspaces:DescribeWorkspaceBundles", "workspaces:DescribeWorkspaceImages", "workspaces:DescribeTags")),
                Arguments.of("PlanRollout", Set.of()),
                Arguments.of("RequestApproval", Set.of("sns:Publish", "kms:GenerateDataKey", "kms:Decrypt", "kms:GenerateMac")),
                Arguments.of("FindRollout", Set.of("appstream:DescribeImages", "appstream:ListTagsForResource", "appstream:DescribeFleets",
                        "workspaces:DescribeWorkspaceImages", "workspaces:DescribeTags", "workspaces:DescribeWorkspaceBundles",
                        "workspaces:DescribeWorkspaces")),
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
                Arguments.of("workspaces:DescribeWorkspaceImagePermissions", ":workspaceimage/*"));
    }

    /** Moves authorize on the fleet or bundle and on the image (UpdateWorkspaceBundle needs both). */
    static Stream<Arguments> rolloutScopedActions() {
        return Stream.of(
                Arguments.of("appstream:UpdateFleet", List.of(":fleet/*", ":image/*")),
                Arguments.of("workspaces:UpdateWorkspaceBundle", List.of(":workspacebundle/*", ":workspaceimage/*")));
    }

    @ParameterizedTest(name = "{0} is granted only on {1} ARNs of this account")
    @MethodSource("rolloutScopedActions")
    void rolloutActionsScopedToFleetsBundlesAndImages(String action, List<String> resourceSuffixes) {
        List<Map<String, Object>> granting = allStatements().stream()
                .filter(statement -> asList(statement.get("Action")).contains(action))
                .toList();

        assertEquals(1, granting.size(), () -> action + " is granted by one statement");
        List<?> resources = asList(granting.get(0).get("Resource"));
        assertEquals(resourceSuffixes, resources.stream().map(resource -> {
            List<?> arnParts = joinedParts(resource);
            assertTrue(arnParts.contains(Map.of("Ref", "AWS::AccountId")), () -> action + " in this account: " + arnParts);
            return arnParts.get(arnParts.size() - 1);
        }).toList());
    }

    @ParameterizedTest(name = "{0} is granted, and only on {1} ARNs of this account")
    @MethodSource("imageScopedActions")
    void mutatingActionsScopedToImages(String action, String resourceSuffix) {
        List<Map<String, Object>> granting = allStatements().stream()
                .filter(statement -> asList(statement.get("Action")).contains(action))
                .toList();

        assertFalse(granting.isEmpty(), () -> action + " is granted by some statement");
        granting.forEach(statement -> {
            List<?> arnParts = joinedParts(statement.get("Resource"));
            assertTrue(arnParts.contains(Map.of("Ref", "AWS::AccountId")), () -> action + " in this account: " + arnParts);
            assertEquals(resourceSuffix, arnParts.get(arnParts.size() - 1), () -> action + " on images: " + arnParts);
        });
    }

    /**
     * What the functions may do on every resource: actions whose Service Authorization Reference entry lists no
     * resource type, and appstream:DescribeImages, which also describes AWS-owned public images.
     */
    private static final Set<String> WILDCARD_RESOURCE_ACTIONS = Set.of(
            "xray:PutTraceSegments", "xray:PutTelemetryRecords",
            "appstream:DescribeImages", "appstream:ListTagsForResource", "appstream:DescribeFleets", "appstream:DescribeImageBuilders",
            "workspaces:DescribeWorkspaceImages", "workspaces:DescribeTags", "workspaces:CreateTags", "workspaces:DescribeWorkspaceBundles",
            "workspaces:DescribeWorkspaces");

    @Test
    @DisplayName("the functions hold on \"*\" only actions that IAM cannot scope to a resource, and each of them is used")
    void wildcardResourceActions() {
        Set<String> onAnyResource = new TreeSet<>();
        Stream.of("Plan", "Resolve", "Check", "Start", "Poll", "MoveTargets", "Retire", "PlanRollout", "RequestApproval", "FindRollout",
                        "Report")
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
    @DisplayName("the state machine may invoke exactly the eleven functions' live aliases and publish only to the topic")
    void stateMachineRoleScoped() {
        List<Map<String, Object>> statements = statementsOfRole(stateMachineRole());
        // Through the live aliases; the approval endpoint, which the links call, has none.
        Set<Object> functionArns = template.findResources("AWS::Lambda::Alias").keySet().stream()
                .map(id -> Map.of("Ref", id))
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
        Map<String, Map<String, Object>> functions = template.findResources("AWS::Lambda::Function", Map.of("Properties",
                Map.of("Handler", "com.eucimageupdater.handlers." + step + "Handler::handleRequest")));
        assertEquals(1, functions.size(), () -> step + " functions: " + functions.keySet());
        return getAttId(properties(functions.values().iterator().next()).get("Role"));
    }

    private static String stateMachineRole() {
        Map<String, Object> stateMachine = template.findResources("AWS::StepFunctions::StateMachine").values().iterator().next();
        return getAttId(properties(stateMachine).get("RoleArn"));
    }

    /** Statements of the role's attached AWS::IAM::Policy resources and inline policies. */
    private static List<Map<String, Object>> statementsOfRole(String roleId) {
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
