package com.eucimageupdater.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.config.InvalidConfigurationException;
import com.eucimageupdater.config.MemberRole;
import com.eucimageupdater.config.MemberTrust;
import com.eucimageupdater.config.UpdaterConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/**
 * The member accounts' stack: the role the image steps assume, trusting only the updater's function roles, allowed
 * exactly the image steps' calls on the account's own images, fleets and bundles, deployable without bootstrap.
 */
class MemberStackTest {
    /** The calls of every image step (the contract), which a member role must allow and nothing more. */
    private static final Set<String> IMAGE_STEP_ACTIONS = Set.of(
            "appstream:DescribeImages", "appstream:CreateUpdatedImage", "appstream:TagResource", "appstream:ListTagsForResource",
            "appstream:DescribeFleets", "appstream:UpdateFleet", "appstream:DescribeImageBuilders", "appstream:DescribeImagePermissions",
            "appstream:UpdateImagePermissions", "appstream:DeleteImage", "appstream:CopyImage", "appstream:CreateStreamingURL",
            "workspaces:DescribeWorkspaceImages", "workspaces:CreateUpdatedWorkspaceImage", "workspaces:CreateTags",
            "workspaces:DescribeTags", "workspaces:DescribeWorkspaceBundles", "workspaces:DescribeWorkspaces",
            "workspaces:UpdateWorkspaceBundle", "workspaces:DescribeWorkspaceImagePermissions",
            "workspaces:UpdateWorkspaceImagePermission", "workspaces:DeleteWorkspaceImage", "workspaces:CopyWorkspaceImage",
            "workspaces:RebuildWorkspaces", "workspaces:DescribeWorkspacesConnectionStatus", "workspaces:DescribeWorkspaceSnapshots");
    /** The Service Authorization Reference lists no resource type for these (DescribeImages also reads public images). */
    private static final Set<String> ANY_RESOURCE_ACTIONS = Set.of(
            "appstream:DescribeImages", "appstream:ListTagsForResource", "appstream:DescribeFleets", "appstream:DescribeImageBuilders",
            "workspaces:DescribeWorkspaceImages", "workspaces:CreateTags", "workspaces:DescribeTags",
            "workspaces:DescribeWorkspaceBundles", "workspaces:DescribeWorkspaces", "workspaces:DescribeWorkspacesConnectionStatus",
            "workspaces:DescribeWorkspaceSnapshots");

    /** Both an external id and an organization, in the app as the tests build it (with cdk-nag). */
    private static Template both;
    private static Template externalIdOnly;
    private static Template organizationOnly;

    @BeforeAll
    static void synthesize() {
        both = Template.fromStack(TestStack.get().memberStack);
        externalIdOnly = Template.fromStack(memberStack(Map.of(UpdaterConfig.UPDATER_ACCOUNT, TestStack.UPDATER_ACCOUNT,
                UpdaterConfig.MEMBER_EXTERNAL_ID, TestStack.EXTERNAL_ID, UpdaterConfig.TARGETS, TestStack.TARGETS)));
        organizationOnly = Template.fromStack(memberStack(Map.of(UpdaterConfig.UPDATER_ACCOUNT, TestStack.UPDATER_ACCOUNT,
                UpdaterConfig.ORGANIZATION_ID, TestStack.ORGANIZATION_ID, UpdaterConfig.MEMBER_ROLE_NAME, "Patcher",
                UpdaterConfig.ADDITIONAL_REGIONS, List.of("eu-north-1"))));
    }

    private static Stack memberStack(Map<String, Object> context) {
        return EucImageUpdaterApp.buildMember(new App(), UpdaterConfig.fromContext(context)).orElseThrow();
    }

    private static Object partitionArn(String rest) {
        return Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), rest)));
    }

    private static Map<String, Object> trustStatement(Template template) {
        Map<String, Object> role = properties(onlyResource(template, "AWS::IAM::Role"));
        List<Object> statements = asList(((Map<?, ?>) role.get("AssumeRolePolicyDocument")).get("Statement"));
        assertEquals(1, statements.size(), () -> "trust statements: " + statements);
        @SuppressWarnings("unchecked")
        Map<String, Object> statement = (Map<String, Object>) statements.get(0);
        return statement;
    }

    private static Map<String, Object> trustedPrincipals(Map<String, Object> stringEquals) {
        return Map.of(
                "Effect", "Allow",
                "Action", "sts:AssumeRole",
                "Principal", Map.of("AWS", partitionArn(":iam::" + TestStack.UPDATER_ACCOUNT + ":root")),
                "Condition", Map.of(
                        "ArnLike", Map.of("aws:PrincipalArn", partitionArn(":iam::" + TestStack.UPDATER_ACCOUNT
                                + ":role/euc-image-updater/*")),
                        "StringEquals", stringEquals));
    }

    @Test
    @DisplayName("with an external id the role trusts the updater's function roles presenting it")
    void trustWithExternalId() {
        assertEquals(trustedPrincipals(Map.of("sts:ExternalId", TestStack.EXTERNAL_ID)), trustStatement(externalIdOnly));
    }

    @Test
    @DisplayName("with an organization the role trusts the updater's function roles belonging to it")
    void trustWithOrganization() {
        assertEquals(trustedPrincipals(Map.of("aws:PrincipalOrgID", TestStack.ORGANIZATION_ID)), trustStatement(organizationOnly));
    }

    @Test
    @DisplayName("with both, the updater's function roles must present the external id and belong to the organization")
    void trustWithBoth() {
        assertEquals(trustedPrincipals(Map.of("sts:ExternalId", TestStack.EXTERNAL_ID, "aws:PrincipalOrgID", TestStack.ORGANIZATION_ID)),
                trustStatement(both));
    }

    @Test
    @DisplayName("with updaterAccount but no external id or organization, synth is refused with an error naming both keys")
    void refusedWithoutExternalIdOrOrganization() {
        Map<String, Object> context = Map.of(UpdaterConfig.UPDATER_ACCOUNT, TestStack.UPDATER_ACCOUNT,
                UpdaterConfig.TARGETS, TestStack.TARGETS);
        List<String> problems = assertThrows(InvalidConfigurationException.class,
                () -> UpdaterConfig.fromContext(context)).problems();

        assertEquals(1, problems.size(), () -> "problems: " + problems);
        assertTrue(problems.get(0).startsWith("memberExternalId or organizationId: the member stack"), problems.get(0));
        assertThrows(InvalidConfigurationException.class, () -> new MemberTrust(TestStack.UPDATER_ACCOUNT,
                new MemberRole(UpdaterConfig.DEFAULT_MEMBER_ROLE_NAME, Optional.empty(), Optional.empty()),
                List.of("eu-west-1")));
    }

    @Test
    @DisplayName("with updaterAccount but no Region in targets, configured images or additionalRegions, synth is refused naming the keys")
    void refusedWithoutRegions() {
        Map<String, Object> context = Map.of(UpdaterConfig.UPDATER_ACCOUNT, TestStack.UPDATER_ACCOUNT,
                UpdaterConfig.MEMBER_EXTERNAL_ID, TestStack.EXTERNAL_ID);
        List<String> problems = assertThrows(InvalidConfigurationException.class,
                () -> UpdaterConfig.fromContext(context)).problems();

        assertEquals(1, problems.size(), () -> "problems: " + problems);
        assertTrue(problems.get(0).startsWith("targets or additionalRegions: the member stack"), problems.get(0));
    }

    @Test
    @DisplayName("without updaterAccount (the shipped cdk.json) the app holds the main stack only, which deploys on its own")
    void noMemberStackWithoutUpdaterAccount() {
        TestStack shipped = TestStack.shipped();

        assertNull(shipped.memberStack);
        assertEquals(List.of(EucImageUpdaterApp.STACK_NAME), shipped.stack.getNode().getRoot().getNode().getChildren().stream()
                .filter(Stack::isStack).map(child -> child.getNode().getId()).toList());
    }

    @Test
    @DisplayName("the role has the configured name, and its ARN is the stack's output")
    void namedRoleAndOutput() {
        organizationOnly.hasResourceProperties("AWS::IAM::Role", Map.of("RoleName", "Patcher"));
        both.hasResourceProperties("AWS::IAM::Role", Map.of("RoleName", UpdaterConfig.DEFAULT_MEMBER_ROLE_NAME));
        both.hasOutput(EucImageUpdaterMemberStack.ROLE_ARN_OUTPUT,
                Map.of("Value", Map.of("Fn::GetAtt", List.of(onlyResourceId(both, "AWS::IAM::Role"), "Arn"))));
    }

    @Test
    @DisplayName("the role may make every call of the image steps, and nothing else")
    void everyImageStepActionAndNothingElse() {
        List<String> actions = statements(both).stream().flatMap(statement -> asList(statement.get("Action")).stream())
                .map(String.class::cast).toList();

        assertEquals(new TreeSet<>(IMAGE_STEP_ACTIONS), new TreeSet<>(actions));
        assertEquals(actions.size(), Set.copyOf(actions).size(), () -> "each action once: " + actions);
        assertTrue(statements(both).stream().allMatch(statement -> "Allow".equals(statement.get("Effect"))));
        assertEquals(1, both.findResources("AWS::IAM::Policy").size(), "one policy, the role's");
    }

    @Test
    @DisplayName("each action is granted on this account's images, fleets or bundles in the updater's Regions, or on \"*\" only"
            + " without a resource type")
    void resourcesScoped() {
        Set<Object> ownResources = Set.copyOf(inWorkRegions(List.of(":appstream:", ":image/*", ":appstream:", ":fleet/*",
                ":appstream:", ":stack/*", ":workspaces:", ":workspaceimage/*", ":workspaces:", ":workspacebundle/*", ":workspaces:",
                ":workspace/*")));
        Set<String> onAnyResource = new TreeSet<>();
        List<Object> otherResources = new ArrayList<>();
        statements(both).forEach(statement -> asList(statement.get("Resource")).forEach(resource -> {
            if ("*".equals(resource)) {
                asList(statement.get("Action")).forEach(action -> onAnyResource.add((String) action));
            } else if (!ownResources.contains(resource)) {
                otherResources.add(resource);
            }
        }));

        assertEquals(new TreeSet<>(ANY_RESOURCE_ACTIONS), onAnyResource);
        assertEquals(List.of(), otherResources);
        assertEquals(Set.copyOf(inWorkRegions(List.of(":appstream:", ":fleet/*", ":appstream:", ":image/*"))),
                Set.copyOf(resourcesOf("appstream:UpdateFleet")));
        assertEquals(Set.copyOf(inWorkRegions(List.of(":appstream:", ":fleet/*", ":appstream:", ":stack/*"))),
                Set.copyOf(resourcesOf("appstream:CreateStreamingURL")));
        assertEquals(Set.copyOf(inWorkRegions(List.of(":workspaces:", ":workspace/*"))),
                Set.copyOf(resourcesOf("workspaces:RebuildWorkspaces")));
        assertEquals(Set.copyOf(inWorkRegions(List.of(":workspaces:", ":workspacebundle/*", ":workspaces:", ":workspaceimage/*"))),
                Set.copyOf(resourcesOf("workspaces:UpdateWorkspaceBundle")));
        assertEquals(Set.copyOf(inWorkRegions(List.of(":appstream:", ":image/*"))), Set.copyOf(resourcesOf("appstream:CopyImage")));
        assertEquals(Set.copyOf(inWorkRegions(List.of(":workspaces:", ":workspaceimage/*"))),
                Set.copyOf(resourcesOf("workspaces:CopyWorkspaceImage")));
    }

    @Test
    @DisplayName("the role's Regions are the configured ones only: the member stack's own Region is not the updater's")
    void regionsAreTheConfiguredOnes() {
        String policy = organizationOnly.findResources("AWS::IAM::Policy").toString();

        assertTrue(policy.contains(":appstream:eu-north-1:"), policy);
        assertFalse(policy.contains("AWS::Region"), policy);
    }

    /** Each (service, resource) pair's ARN pattern in this account, in each of the updater's Regions. */
    private static List<Object> inWorkRegions(List<String> serviceAndResourcePairs) {
        List<Object> arns = new ArrayList<>();
        for (int i = 0; i < serviceAndResourcePairs.size(); i += 2) {
            for (String region : TestStack.WORK_REGIONS) {
                arns.add(accountArn(serviceAndResourcePairs.get(i) + region + ":", serviceAndResourcePairs.get(i + 1)));
            }
        }
        return arns;
    }

    private static List<Object> resourcesOf(String action) {
        return statements(both).stream()
                .filter(statement -> asList(statement.get("Action")).contains(action))
                .flatMap(statement -> asList(statement.get("Resource")).stream())
                .toList();
    }

    private static Object accountArn(String serviceAndRegion, String resource) {
        return Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), serviceAndRegion,
                Map.of("Ref", "AWS::AccountId"), resource)));
    }

    @Test
    @DisplayName("the template needs no CDK bootstrap, so a StackSet can deploy it: no parameters, rules, assets or metadata resource")
    void noBootstrap() {
        Map<String, Object> template = both.toJSON();

        assertFalse(template.containsKey("Parameters"), () -> "parameters: " + template.get("Parameters"));
        assertFalse(template.containsKey("Rules"), () -> "rules: " + template.get("Rules"));
        assertEquals(Set.of("AWS::IAM::Role", "AWS::IAM::Policy"), resourceTypes(both));
        assertEquals(Set.of("AWS::IAM::Role", "AWS::IAM::Policy"), resourceTypes(organizationOnly));
    }

    @Test
    @DisplayName("cdk deploy uses the caller's credentials, no bootstrap role, and uploads no asset")
    void deployableWithoutBootstrap() {
        Stack stack = memberStack(Map.of(UpdaterConfig.UPDATER_ACCOUNT, TestStack.UPDATER_ACCOUNT,
                UpdaterConfig.MEMBER_EXTERNAL_ID, TestStack.EXTERNAL_ID, UpdaterConfig.TARGETS, TestStack.TARGETS));
        CloudAssembly assembly = ((App) stack.getNode().getRoot()).synth();
        CloudFormationStackArtifact artifact = assembly.getStackByName(EucImageUpdaterApp.MEMBER_STACK_NAME);

        assertNull(artifact.getAssumeRoleArn());
        assertNull(artifact.getCloudFormationExecutionRoleArn());
        assertEquals(List.of(), artifact.getAssets());
        assertEquals(List.of(), artifact.getDependencies());
    }

    @SuppressWarnings("unchecked")
    private static Set<String> resourceTypes(Template template) {
        return ((Map<String, Map<String, Object>>) template.toJSON().get("Resources")).values().stream()
                .map(resource -> (String) resource.get("Type"))
                .collect(Collectors.toSet());
    }

    @Test
    @DisplayName("the member stack has no unsuppressed AwsSolutions error or warning")
    void cdkNagClean() {
        Annotations annotations = Annotations.fromStack(TestStack.get().memberStack);

        assertEquals(List.of(), describe(annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))));
        assertEquals(List.of(), describe(annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"))));
    }

    private static List<String> describe(List<SynthesisMessage> messages) {
        return messages.stream().map(message -> message.getId() + ": " + message.getEntry().getData()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Template template) {
        Map<String, Object> policy = properties(onlyResource(template, "AWS::IAM::Policy"));
        assertEquals(List.of(Map.of("Ref", onlyResourceId(template, "AWS::IAM::Role"))), policy.get("Roles"));
        return asList(((Map<String, Object>) policy.get("PolicyDocument")).get("Statement")).stream()
                .map(statement -> (Map<String, Object>) statement)
                .toList();
    }

    private static String onlyResourceId(Template template, String type) {
        Map<String, Map<String, Object>> resources = template.findResources(type);
        assertEquals(1, resources.size(), () -> type + ": " + resources.keySet());
        return resources.keySet().iterator().next();
    }

    private static Map<String, Object> onlyResource(Template template, String type) {
        return template.findResources(type).get(onlyResourceId(template, type));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? (List<Object>) list : List.of(value);
    }
}
