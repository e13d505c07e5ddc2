package com.eucimageupdater.infra;

import com.eucimageupdater.workflow.Grant;
import com.eucimageupdater.workflow.Scope;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.IKey;
import software.constructs.IConstruct;

/**
 * The contract's {@link Grant grants} as IAM: what each {@link Scope} is in this deployment. The images, fleets and
 * bundles are this account's own in the {@link Regions} it works in; the deployment's own resources (the topic, the
 * keys, the state machine, the member role) are bound by whoever builds them. A grant on a KMS key goes through
 * {@link IKey#grant}, which also writes the key's policy when the principal is elsewhere.
 */
final class Permissions {
    /** cdk-nag's finding for a grant on every resource. */
    static final String ANY_RESOURCE_FINDING = "Resource::*";

    /**
     * The Regions that the grants name in their ARNs: the stack's own (a token until deploy) when {@code stacksOwn},
     * and the named ones.
     */
    record Regions(boolean stacksOwn, List<String> named) {
        /** For grants on no image, fleet or bundle. */
        static final Regions NONE = new Regions(false, List.of());

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

    /** A deployment resource that a scope names: by ARN, with the conditions every grant on it carries, or a KMS key. */
    private sealed interface Binding permits OnArn, OnKey {}

    private record OnArn(String arn, Map<String, Object> conditions) implements Binding {}

    private record OnKey(IKey key) implements Binding {}

    private final Stack stack;
    private final Regions regions;
    private final Map<Scope, Binding> bindings = new EnumMap<>(Scope.class);

    Permissions(Stack stack, Regions regions) {
        this.stack = stack;
        this.regions = regions;
    }

    Permissions bind(Scope scope, String arn) {
        return bind(scope, arn, Map.of());
    }

    Permissions bind(Scope scope, String arn, Map<String, Object> conditions) {
        bindings.put(scope, new OnArn(arn, conditions));
        return this;
    }

    Permissions bind(Scope scope, IKey key) {
        bindings.put(scope, new OnKey(key));
        return this;
    }

    /** Whether the grant is on a KMS key. */
    boolean onKey(Grant grant) {
        return grant.scopes().stream().anyMatch(scope -> bindings.get(scope) instanceof OnKey);
    }

    void grant(Grant grant, IGrantable grantee) {
        if (onKey(grant)) {
            ((OnKey) binding(grant)).key().grant(grantee, grant.actions().toArray(String[]::new));
        } else {
            grantee.getGrantPrincipal().addToPrincipalPolicy(statement(grant));
        }
    }

    PolicyStatement statement(Grant grant) {
        if (grant.inPatchedAccount()) {
            return allow(grant.actions(), grant.scopes().stream().flatMap(this::arns).toList(), Map.of());
        }
        OnArn resource = (OnArn) binding(grant);
        return allow(grant.actions(), List.of(resource.arn()), resource.conditions());
    }

    /** The one deployment resource that a grant outside the patched account is on. */
    private Binding binding(Grant grant) {
        Binding binding = grant.scopes().size() == 1 ? bindings.get(grant.scopes().get(0)) : null;
        if (binding == null) {
            throw new IllegalStateException("no resource of this deployment is bound to " + grant.scopes());
        }
        return binding;
    }

    private Stream<String> arns(Scope scope) {
        if (scope == Scope.ANY) {
            return Stream.of("*");
        }
        return regions.forArns(stack).map(region -> stack.formatArn(ArnComponents.builder()
                .service(scope.service()).region(region).resource(scope.resourceType()).resourceName("*").build()));
    }

    private static PolicyStatement allow(List<String> actions, List<String> resources, Map<String, Object> conditions) {
        PolicyStatement.Builder statement = PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(actions)
                .resources(resources);
        if (!conditions.isEmpty()) {
            statement.conditions(conditions);
        }
        return statement.build();
    }

    /**
     * The AwsSolutions-IAM5 findings that grants in the patched account raise, as cdk-nag prints them: each scope's
     * wildcard pattern in each Region, and {@value #ANY_RESOURCE_FINDING}.
     */
    List<String> nagFindings(List<Grant> grants) {
        return grants.stream().flatMap(grant -> grant.scopes().stream()).filter(Scope::inPatchedAccount).distinct()
                .flatMap(scope -> scope == Scope.ANY ? Stream.of(ANY_RESOURCE_FINDING) : regions.forFindings().map(region ->
                        "Resource::arn:<AWS::Partition>:" + scope.service() + ":" + region + ":<AWS::AccountId>:" + scope.resourceType()
                                + "/*"))
                .toList();
    }

    /** Acknowledges the AwsSolutions-IAM5 findings on the construct and its children (a role's default policy), saying why. */
    static void suppressWildcardResources(IConstruct construct, String reason, List<String> findings) {
        NagPackSuppression suppression = NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason(reason)
                .appliesTo(findings)
                .build();
        NagSuppressions.addResourceSuppressions(construct, List.of(suppression), true);
    }
}
