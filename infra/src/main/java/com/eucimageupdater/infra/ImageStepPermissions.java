package com.eucimageupdater.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * The AWS calls of each image step (the functions in functions-lambda.jar), and on what IAM authorizes them: the one
 * list behind both the updater's function roles and the member accounts' role, which holds their union.
 *
 * <p>Resources are the account's own images, fleets and bundles in the Regions the deployment works in
 * ({@link Regions}): a run may touch several (cdk.json's {@code targets}, an item's {@code region} and
 * {@code copyToRegions}). Actions whose Service Authorization Reference entry lists no resource type stay on
 * {@code "*"} (an ARN in Resource would never match them), as does appstream:DescribeImages, which also describes
 * AWS-owned public images (ARNs without an account).
 */
final class ImageStepPermissions {
    /** cdk-nag's finding for a grant on every resource. */
    static final String ANY_RESOURCE_FINDING = "Resource::*";

    /**
     * The Regions that the grants name in their ARNs: the stack's own (a token until deploy) when {@code stacksOwn},
     * and the named ones.
     */
    record Regions(boolean stacksOwn, List<String> named) {
        Regions {
            named = List.copyOf(named);
        }

        /** As the ARNs hold them: the stack's own as its AWS::Region reference. */
        private Stream<String> forArns(Stack stack) {
            return Stream.concat(stacksOwn ? Stream.of(stack.getRegion()) : Stream.empty(), named.stream());
        }

        /** As cdk-nag prints them in its findings. */
        private Stream<String> forFindings() {
            return Stream.concat(stacksOwn ? Stream.of("<AWS::Region>") : Stream.empty(), named.stream());
        }
    }

    /** What a grant is scoped to; every ARN pattern is the stack's own account, in each of the {@link Regions}. */
    enum Scope {
        ANY(null, null),
        APPSTREAM_IMAGES("appstream", "image"),
        APPSTREAM_FLEETS("appstream", "fleet"),
        WORKSPACES_IMAGES("workspaces", "workspaceimage"),
        WORKSPACES_BUNDLES("workspaces", "workspacebundle");

        private final String service;
        private final String resourceType;

        Scope(String service, String resourceType) {
            this.service = service;
            this.resourceType = resourceType;
        }

        Stream<String> arns(Stack stack, Regions regions) {
            if (this == ANY) {
                return Stream.of("*");
            }
            return regions.forArns(stack).map(region -> stack.formatArn(ArnComponents.builder()
                    .service(service).region(region).resource(resourceType).resourceName("*").build()));
        }

        /** The patterns as cdk-nag prints them in AwsSolutions-IAM5 findings. */
        Stream<String> nagFindings(Regions regions) {
            return this == ANY ? Stream.of(ANY_RESOURCE_FINDING) : regions.forFindings().map(region ->
                    "Resource::arn:<AWS::Partition>:" + service + ":" + region + ":<AWS::AccountId>:" + resourceType + "/*");
        }
    }

    /** Some actions on every resource of the scopes (IAM requires all of them, as for a move: fleet and image). */
    record Grant(List<Scope> scopes, List<String> actions) {
        Grant {
            scopes = List.copyOf(scopes);
            actions = List.copyOf(actions);
        }

        static Grant on(Scope scope, String... actions) {
            return new Grant(List.of(scope), List.of(actions));
        }

        static Grant onAny(String... actions) {
            return on(Scope.ANY, actions);
        }

        PolicyStatement statement(Stack stack, Regions regions) {
            return PolicyStatement.Builder.create()
                    .effect(Effect.ALLOW)
                    .actions(actions)
                    .resources(scopes.stream().flatMap(scope -> scope.arns(stack, regions)).toList())
                    .build();
        }
    }

    /** By step, in the order the workflow meets them: the step's function is {@code <step>Handler}. */
    static final Map<String, List<Grant>> BY_STEP = byStep();

    private ImageStepPermissions() {}

    private static Map<String, List<Grant>> byStep() {
        Map<String, List<Grant>> steps = new LinkedHashMap<>();
        steps.put("Resolve", List.of(
                Grant.onAny("appstream:DescribeFleets", "appstream:DescribeImages", "workspaces:DescribeWorkspaceBundles",
                        "workspaces:DescribeWorkspaces")));
        steps.put("Check", List.of(
                // dryRun=true answers whether an update exists without creating anything.
                Grant.on(Scope.APPSTREAM_IMAGES, "appstream:CreateUpdatedImage"),
                // The source's tags name its lineage, which retention counts in.
                Grant.onAny("appstream:DescribeImages", "appstream:ListTagsForResource", "workspaces:DescribeWorkspaceImages",
                        "workspaces:DescribeTags")));
        steps.put("Start", List.of(
                // The source and the new image are both images the account owns.
                Grant.on(Scope.APPSTREAM_IMAGES, "appstream:CreateUpdatedImage", "appstream:TagResource"),
                Grant.on(Scope.WORKSPACES_IMAGES, "workspaces:CreateUpdatedWorkspaceImage"),
                // The Service Authorization Reference lists no resource type for workspaces:CreateTags or
                // workspaces:DescribeTags (only aws:RequestTag and aws:TagKeys for CreateTags), so an image ARN
                // in Resource would not match and the calls would be denied: they stay on "*".
                Grant.onAny("appstream:DescribeImages", "appstream:ListTagsForResource", "workspaces:DescribeWorkspaceImages",
                        "workspaces:DescribeTags", "workspaces:CreateTags")));
        steps.put("Poll", List.of(
                // An image that became AVAILABLE is tagged with its build minutes, the next build's first-poll estimate.
                Grant.on(Scope.APPSTREAM_IMAGES, "appstream:TagResource"),
                Grant.onAny("appstream:DescribeImages", "workspaces:DescribeWorkspaceImages", "workspaces:CreateTags")));
        steps.put("Distribute", List.of(
                // Copies go to other Regions of the same account (tags are not copied: they are written again), and
                // shares name other accounts on the account's own image; its permissions are read first, so that the
                // mail says "shared" only for a share this run made.
                Grant.on(Scope.APPSTREAM_IMAGES, "appstream:CopyImage", "appstream:UpdateImagePermissions", "appstream:TagResource",
                        "appstream:DescribeImagePermissions"),
                Grant.on(Scope.WORKSPACES_IMAGES, "workspaces:CopyWorkspaceImage", "workspaces:UpdateWorkspaceImagePermission",
                        "workspaces:DescribeWorkspaceImagePermissions"),
                // The new image's tags are read to go with each copy.
                Grant.onAny("appstream:DescribeImages", "appstream:ListTagsForResource", "workspaces:DescribeWorkspaceImages",
                        "workspaces:DescribeTags", "workspaces:CreateTags")));
        steps.put("MoveTargets", List.of(
                // UpdateFleet authorizes on the fleet (and, when named, the image); UpdateWorkspaceBundle on both.
                new Grant(List.of(Scope.APPSTREAM_FLEETS, Scope.APPSTREAM_IMAGES), List.of("appstream:UpdateFleet")),
                Grant.on(Scope.APPSTREAM_IMAGES, "appstream:TagResource"),
                new Grant(List.of(Scope.WORKSPACES_BUNDLES, Scope.WORKSPACES_IMAGES), List.of("workspaces:UpdateWorkspaceBundle")),
                Grant.onAny("appstream:DescribeFleets", "appstream:DescribeImages", "appstream:ListTagsForResource",
                        "workspaces:DescribeWorkspaceBundles", "workspaces:DescribeWorkspaces", "workspaces:DescribeTags",
                        "workspaces:CreateTags")));
        steps.put("Retire", List.of(
                Grant.on(Scope.APPSTREAM_IMAGES, "appstream:DeleteImage", "appstream:DescribeImagePermissions"),
                Grant.on(Scope.WORKSPACES_IMAGES, "workspaces:DeleteWorkspaceImage", "workspaces:DescribeWorkspaceImagePermissions"),
                // The approval mail's preview reads each production fleet or bundle as it is now (a bundle's WorkSpaces too).
                Grant.onAny("appstream:DescribeFleets", "appstream:DescribeImageBuilders", "appstream:DescribeImages",
                        "appstream:ListTagsForResource", "workspaces:DescribeWorkspaceBundles", "workspaces:DescribeWorkspaceImages",
                        "workspaces:DescribeTags", "workspaces:DescribeWorkspaces")));
        steps.put("FindRollout", List.of(
                Grant.onAny("appstream:DescribeImages", "appstream:ListTagsForResource", "appstream:DescribeFleets",
                        "workspaces:DescribeWorkspaceImages", "workspaces:DescribeTags", "workspaces:DescribeWorkspaceBundles",
                        "workspaces:DescribeWorkspaces")));
        return java.util.Collections.unmodifiableMap(steps);
    }

    static List<PolicyStatement> statements(Stack stack, List<Grant> grants, Regions regions) {
        return grants.stream().map(grant -> grant.statement(stack, regions)).toList();
    }

    /**
     * Every step's grants in one list, one grant per set of scopes (in first-seen order), each action once: what a
     * role needs when any step may act through it.
     */
    static List<Grant> union() {
        Map<List<Scope>, Set<String>> actionsByScopes = new LinkedHashMap<>();
        BY_STEP.values().stream().flatMap(List::stream).forEach(grant ->
                actionsByScopes.computeIfAbsent(grant.scopes(), scopes -> new LinkedHashSet<>()).addAll(grant.actions()));
        List<Grant> union = new ArrayList<>();
        actionsByScopes.forEach((scopes, actions) -> union.add(new Grant(scopes, List.copyOf(actions))));
        return union;
    }

    /** The IAM5 findings that grants over these scopes raise: each scope's wildcard pattern in each Region. */
    static List<String> nagFindings(List<Grant> grants, Regions regions) {
        return grants.stream().flatMap(grant -> grant.scopes().stream()).distinct().flatMap(scope -> scope.nagFindings(regions))
                .toList();
    }
}
