package com.eucimageupdater.plan;

import com.eucimageupdater.lambda.JsonValues;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.model.StagingGate;
import com.eucimageupdater.model.StreamingCheck;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * An item's fields for the gate after staging: its own {@code validationTimeoutMinutes}, its {@code streamingCheck} and its
 * {@code canaryWorkspaces}.
 */
final class GateFields {
    static final String TIMEOUT = "validationTimeoutMinutes";
    static final String STREAMING_CHECK = "streamingCheck";
    static final String CANARIES = "canaryWorkspaces";
    /** Each canary is a user's desktop rebuilt by the gate: a few prove the image, more would only disturb more users. */
    static final int MAX_CANARIES = 5;
    private static final KnownKeys STREAMING_KEYS = KnownKeys.fields(List.of("stack", "user", "fleet"));

    /** The model's WorkspaceId. */
    private static final Pattern WORKSPACE_ID = Pattern.compile("^ws-[0-9a-z]{8,63}$");

    private GateFields() {}

    /** The item's own gate settings, or null when it sets none (the deployment's timeout, no streaming check). */
    static StagingGate parse(Map<String, Object> item, Service service, List<String> stagingTargets, Problems problems) {
        int timeout = timeout(item.get(TIMEOUT), problems.at(TIMEOUT));
        StreamingCheck streaming = streamingCheck(item.get(STREAMING_CHECK), service, stagingTargets, problems.at(STREAMING_CHECK));
        List<String> canaries = canaries(item.get(CANARIES), service, stagingTargets, problems.at(CANARIES));
        return timeout == 0 && streaming == null && canaries.isEmpty() ? null : StagingGate.requested(timeout, streaming, canaries);
    }

    private static int timeout(Object node, Problems timeout) {
        if (node == null) {
            return 0;
        }
        int max = RolloutDefaults.MAX_VALIDATION_TIMEOUT_MINUTES;
        OptionalInt minutes = JsonValues.wholeNumber(node);
        if (minutes.isEmpty() || minutes.getAsInt() < 1 || minutes.getAsInt() > max) {
            timeout.add("must be a whole number of minutes from 1 to " + max + " (how long the staged fleets and bundles have to pass"
                    + " before approval; leave it out for the deployment's), got " + JsonValues.shown(node));
            return 0;
        }
        return minutes.getAsInt();
    }

    /**
     * {@code {"stack": "...", "user": "..."}}, and optionally {@code "fleet"}: one of the item's staging fleets, the first
     * by default. AppStream only: a WorkSpace is not streamed through a URL.
     */
    private static StreamingCheck streamingCheck(Object given, Service service, List<String> stagingFleets, Problems check) {
        Map<String, Object> node = JsonValues.object(given);
        if (given == null) {
            return null;
        }
        if (service != Service.APPSTREAM) {
            check.add("is for APPSTREAM images (a CreateStreamingURL on a staging fleet); WORKSPACES images have none");
            return null;
        }
        if (node == null) {
            check.add("must be an object such as {\"stack\": \"Base-Test-Stack\", \"user\": \"gate-check\"}");
            return null;
        }
        STREAMING_KEYS.refuseUnknown(node.keySet(), check);
        String stack = text(node, "stack", check);
        String user = text(node, "user", check);
        check.at("stack").check(stack, StreamingCheck::stackProblem);
        check.at("user").check(user, StreamingCheck::userProblem);
        String fleet = node.get("fleet") != null ? JsonValues.text(node.get("fleet")) : null;
        if (stagingFleets.isEmpty()) {
            check.add("needs stagingFleets: the streaming URL is asked for on a staging fleet");
        } else if (fleet != null && !stagingFleets.contains(fleet)) {
            check.at("fleet").add("\"" + fleet + "\" is not one of stagingFleets " + stagingFleets);
        }
        return check.isEmpty() ? new StreamingCheck(stack, fleet != null ? fleet : stagingFleets.get(0), user) : null;
    }

    /**
     * {@code ["ws-..."]}: WorkSpaces of the item's staging bundles (which the resolve step checks in AWS), each rebuilt
     * once by the gate. WORKSPACES only, and only with stagingBundles: the canary is rebuilt from the staged bundle.
     */
    private static List<String> canaries(Object node, Service service, List<String> stagingBundles, Problems canaries) {
        if (node == null) {
            return List.of();
        }
        if (service != Service.WORKSPACES) {
            canaries.add("is for WORKSPACES images (WorkSpaces rebuilt from a staging bundle); APPSTREAM images have none");
            return List.of();
        }
        if (stagingBundles.isEmpty()) {
            canaries.add("needs stagingBundles: each canary is rebuilt from a staging bundle once it points at the new image");
            return List.of();
        }
        List<String> ids = ImageRequests.distinct(node, "a list of WorkSpace ids such as [\"ws-abc123def\"]",
                GateFields::workspaceIdProblem, canaries);
        if (ids.size() > MAX_CANARIES) {
            canaries.add("lists " + ids.size() + " WorkSpaces; at most " + MAX_CANARIES
                    + " (each is a user's WorkSpace the gate rebuilds)");
        }
        return ids;
    }

    private static String workspaceIdProblem(String id) {
        return WORKSPACE_ID.matcher(id).matches() ? null : "\"" + id + "\" is not a WorkSpace id: \"ws-\" and 8-63 lowercase letters or"
                + " digits";
    }

    private static String text(Map<String, Object> node, String field, Problems check) {
        if (!(node.get(field) instanceof String value) || value.isBlank()) {
            check.at(field).add("is required and must be a string");
            return null;
        }
        return value;
    }
}
