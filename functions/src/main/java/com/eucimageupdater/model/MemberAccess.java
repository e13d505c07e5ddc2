package com.eucimageupdater.model;

import com.eucimageupdater.workflow.FunctionEnvironment;
import java.util.function.Function;

/**
 * How the functions reach accounts other than their own: the member role's name there and the external id its
 * trust policy asks for (none when the trust relies on the organization id instead).
 *
 * @param ownAccount the deployment's account, reached with the function's own credentials
 */
public record MemberAccess(String ownAccount, String roleName, String externalId) {
    public static final String DEFAULT_ROLE_NAME = "EucImageUpdaterMember";

    public MemberAccess {
        roleName = roleName == null || roleName.isBlank() ? DEFAULT_ROLE_NAME : roleName;
        externalId = externalId == null || externalId.isBlank() ? null : externalId;
    }

    /** From the function's environment, as the CDK stack sets it. */
    public static MemberAccess fromEnvironment(Function<String, String> environment) {
        return new MemberAccess(environment.apply(FunctionEnvironment.DEPLOYMENT_ACCOUNT),
                environment.apply(FunctionEnvironment.MEMBER_ROLE_NAME), environment.apply(FunctionEnvironment.MEMBER_EXTERNAL_ID));
    }

    /** Whether the location is another account than the deployment's: reached through the member role. */
    public boolean isMember(Location location) {
        return ownAccount != null && !ownAccount.equals(location.account());
    }
}
