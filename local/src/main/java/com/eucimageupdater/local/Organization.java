package com.eucimageupdater.local;

import com.eucimageupdater.model.MemberAccess;
import com.eucimageupdater.plan.OrganizationSettings;
import com.eucimageupdater.plan.WorkRegions;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** cdk.json's organization settings, read as the deployed stack would pass them to the state machine and the functions. */
record Organization(OrganizationSettings settings, String memberRoleName, String memberExternalId) {

    static Organization of(JsonNode context) {
        JsonNode targets = context.path("targets");
        List<String> workRegions = WorkRegions.of(texts(targets.findValues("regions")), context.get("images"),
                texts(List.of(context.path("additionalRegions"))));
        return new Organization(new OrganizationSettings(targets.isMissingNode() ? "[]" : targets.toString(),
                context.path("maxConcurrencyOverall").asInt(OrganizationSettings.DEFAULT_MAX_CONCURRENCY_OVERALL),
                context.path("expectedBuildMinutes").asInt(OrganizationSettings.DEFAULTS.expectedBuildMinutes()), workRegions),
                context.path("memberRoleName").asText(null), context.path("memberExternalId").asText(null));
    }

    /** The strings in these lists. */
    private static List<String> texts(List<JsonNode> lists) {
        return lists.stream().flatMap(JsonNode::valueStream).map(JsonNode::asText).toList();
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
