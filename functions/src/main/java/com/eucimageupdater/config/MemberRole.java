package com.eucimageupdater.config;

import com.eucimageupdater.model.MemberAccess;
import java.util.Optional;

/**
 * How the image steps reach a member account: the role they assume there, with the external id they present;
 * with an organization, the role must belong to it.
 */
public record MemberRole(String roleName, Optional<String> externalId, Optional<String> organizationId) {

    /** This role, presenting {@code externalId} instead of the configured one. */
    public MemberRole withExternalId(String externalId) {
        return new MemberRole(roleName, Optional.of(externalId), organizationId);
    }

    /** How the functions of the deployment in {@code ownAccount} reach the others: through this role. */
    public MemberAccess access(String ownAccount) {
        return new MemberAccess(ownAccount, roleName, externalId.orElse(null));
    }
}
