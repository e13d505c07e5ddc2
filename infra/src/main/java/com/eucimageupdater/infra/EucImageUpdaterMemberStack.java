package com.eucimageupdater.infra;

import com.eucimageupdater.config.MemberRole;
import com.eucimageupdater.config.MemberTrust;
import com.eucimageupdater.workflow.Grant;
import com.eucimageupdater.workflow.WorkflowStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.LegacyStackSynthesizer;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.AccountPrincipal;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;

/**
 * What a member account needs so that one deployment patches it: the role the image steps assume there, trusting
 * only the updater account's function roles and allowed exactly the image steps' calls on this account's images,
 * fleets and bundles in the Regions the updater works in ({@link MemberTrust#regions()}).
 *
 * <p>Deployable with {@code cdk deploy} into one account, or as a CloudFormation StackSet to organizational units:
 * the template uses no asset and no CDK bootstrap (no BootstrapVersion parameter or rule), and it names its role
 * (CAPABILITY_NAMED_IAM). IAM is global, so one stack per account, in any one Region.
 */
public class EucImageUpdaterMemberStack extends Stack {
    public static final String ROLE_ARN_OUTPUT = "MemberRoleArn";

    public EucImageUpdaterMemberStack(Construct scope, String id, MemberTrust trust) {
        super(scope, id, memberStackProps());
        MemberRole access = trust.access();
        Role role = Role.Builder.create(this, "Role")
                .roleName(access.roleName())
                .assumedBy(new AccountPrincipal(trust.updaterAccount()).withConditions(trustConditions(trust)))
                .description("Assumed by the euc-image-updater's functions in account " + trust.updaterAccount()
                        + " to update, distribute, roll out and retire this account's AppStream and WorkSpaces images")
                .build();
        List<Grant> grants = WorkflowStep.memberAccountGrants();
        Permissions permissions = new Permissions(this, new Permissions.Regions(false, trust.regions()));
        grants.forEach(grant -> role.addToPolicy(permissions.statement(grant)));
        Permissions.suppressWildcardResources(role, "Images, fleets and bundles are named at run time, so the updater may act on"
                + " any image, fleet or bundle this account owns, in the Regions it works in (" + String.join(", ", trust.regions())
                + "); the actions on \"*\" list no resource type in the Service Authorization Reference or, for"
                + " appstream:DescribeImages, also read AWS-owned public images", permissions.nagFindings(grants));
        CfnOutput.Builder.create(this, ROLE_ARN_OUTPUT)
                .description("The role the euc-image-updater assumes in this account")
                .value(role.getRoleArn())
                .build();
    }

    /**
     * Synthesized without bootstrap resources, so that a StackSet can deploy the template into any account and
     * {@code cdk deploy} into an account never bootstrapped: the legacy synthesizer adds no BootstrapVersion
     * parameter or rule and names no bootstrap deploy role (the CLI deploys with its own credentials), and the
     * stack has no assets (its small template goes to CloudFormation inline).
     */
    static StackProps memberStackProps() {
        return StackProps.builder()
                .description("euc-image-updater member account: the role the updater's functions assume here")
                .synthesizer(new LegacyStackSynthesizer())
                .analyticsReporting(false)
                .build();
    }

    /**
     * The updater account's function roles only (by their IAM path), presenting the external id and belonging to the
     * organization where these are configured; {@link MemberTrust} guarantees at least one of them.
     */
    private Map<String, Object> trustConditions(MemberTrust trust) {
        String functionRoles = formatArn(ArnComponents.builder()
                .service("iam").region("").account(trust.updaterAccount())
                .resource("role").resourceName(EucImageUpdaterStack.FUNCTION_ROLE_PATH.substring(1) + "*")
                .build());
        Map<String, String> equals = new LinkedHashMap<>();
        trust.access().externalId().ifPresent(externalId -> equals.put("sts:ExternalId", externalId));
        trust.access().organizationId().ifPresent(organization -> equals.put("aws:PrincipalOrgID", organization));
        return Map.of("ArnLike", Map.of("aws:PrincipalArn", functionRoles), "StringEquals", equals);
    }
}
