package com.eucimageupdater.local;

import com.eucimageupdater.images.MemberAccess;
import com.eucimageupdater.plan.OrganizationSettings;
import com.fasterxml.jackson.databind.JsonNode;

/** cdk.json's organization settings, read as the deployed stack would pass them to the state machine and the functions. */
record Organization(OrganizationSettings settings, String memberRoleName, String memberExternalId) {

    static Organization of(JsonNode context) {
        JsonNode targets = context.path("targets");
        return new Organization(new OrganizationSettings(targets.isMissingNode() ? "[]" : targets.toString(),
                context.path("maxConcurrencyOverall").asInt(OrganizationSettings.DEFAULT_MAX_CONCURRENCY_OVERALL),
                context.path("expectedBuildMinutes").asInt(OrganizationSettings.DEFAULTS.expectedBuildMinutes())),
                context.path("memberRoleName").asText(null), context.path("memberExternalId").asText(null));
    }

    /** The run's own external id, when given, over cdk.json's. */
    Organization withExternalId(String externalId) {
        return externalId == null ? this : new Organization(settings, memberRoleName, externalId);
    }

    /** How the functions reach accounts other than {@code ownAccount}. */
    MemberAccess access(String ownAccount) {
        return new MemberAccess(ownAccount, memberRoleName, memberExternalId);
    }
}
