package com.eucimageupdater.model;

import java.util.function.Function;

/**
 * How the functions reach accounts other than their own: the member role's name there and the external id its
 * trust policy asks for (none when the trust relies on the organization id instead).
 *
 * @param ownAccount the deployment's account, reached with the function's own credentials
 */
public record MemberAccess(String ownAccount, String roleName, String externalId) {
    public static final String OWN_ACCOUNT_ENV = "DEPLOYMENT_ACCOUNT";
    public static final String ROLE_NAME_ENV = "MEMBER_ROLE_NAME";
    public static final String EXTERNAL_ID_ENV = "MEMBER_EXTERNAL_ID";
    public static final String DEFAULT_ROLE_NAME = "EucImageUpdaterMember";

    public MemberAccess {
        roleName = roleName == null || roleName.isBlank() ? DEFAULT_ROLE_NAME : roleName;
        externalId = externalId == null || externalId.isBlank() ? null : externalId;
    }

    /** From the function's environment, as the CDK stack sets it. */
    public static MemberAccess fromEnvironment(Function<String, String> environment) {
        return new MemberAccess(environment.apply(OWN_ACCOUNT_ENV), environment.apply(ROLE_NAME_ENV), environment.apply(EXTERNAL_ID_ENV));
    }

    /** Whether the location is another account than the deployment's: reached through the member role. */
    public boolean isMember(Location location) {
        return ownAccount != null && !ownAccount.equals(location.account());
    }
}
