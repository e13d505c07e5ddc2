package com.eucimageupdater.local;

import com.eucimageupdater.model.Approval;
import com.eucimageupdater.model.ImageRequest;
import com.eucimageupdater.plan.PlanRequest;
import com.eucimageupdater.plan.RunPlan;
import com.eucimageupdater.plan.RunPlanner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a run can ask for an approval, known before it starts: its input is planned by the real plan step (which calls
 * no AWS API) with the parameters the definition's first state gives it, as the execution will plan it.
 */
final class ApprovalPreview {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ITEMS_NAMED = 3;
    private static final String EXECUTION_NAME = "local-preview";

    private ApprovalPreview() {}

    /**
     * Why the run can ask for an approval, or empty when it cannot: a promotion unless approval is "none", or a run with
     * production targets that is not a dry run, with approval required or auto; never a rollback, nor an input the plan refuses.
     *
     * @param definition the definition as rendered for the run (its placeholders filled in)
     */
    static Optional<String> reason(String definition, JsonNode input, String region, String account) throws IOException {
        JsonNode planInput = firstStepInput(JSON.readTree(definition), input, region, account);
        String approval = planInput.path("approval").asText();
        if (input.isObject() && !input.hasNonNull("rollback") && input.hasNonNull("promote")) {
            String promoteApproval = input.hasNonNull("approval") ? input.get("approval").asText() : approval;
            return Approval.of(promoteApproval).equals(Optional.of(Approval.NONE)) ? Optional.empty()
                    : Optional.of("it promotes run " + input.get("promote") + " and approval is \"" + promoteApproval + "\"");
        }
        RunPlan plan = new RunPlanner().plan(JSON.treeToValue(planInput, PlanRequest.class));
        if (!plan.problems().isEmpty() || plan.skipped() || plan.rollback() != null || plan.run().dryRun()
                || !plan.run().approval().asksFirst()) {
            return Optional.empty();
        }
        List<String> withProduction = plan.images().stream()
                .filter(item -> item.fromTarget() != null || !item.productionTargets().isEmpty())
                .map(ApprovalPreview::describe).toList();
        if (withProduction.isEmpty()) {
            return Optional.empty();
        }
        List<String> named = new ArrayList<>(withProduction.subList(0, Math.min(ITEMS_NAMED, withProduction.size())));
        if (withProduction.size() > ITEMS_NAMED) {
            named.add("and " + (withProduction.size() - ITEMS_NAMED) + " more");
        }
        return Optional.of(String.join("; ", named) + "; approval is \"" + plan.run().approval() + "\" and it is no dry run");
    }

    /** "APPSTREAM Base-Win2022 has production targets prod-a, prod-b", the fleet or bundle named as the source first. */
    private static String describe(ImageRequest item) {
        List<String> production = new ArrayList<>();
        if (item.fromTarget() != null) {
            production.add(item.fromTarget());
        }
        production.addAll(item.productionTargets());
        String source = item.image() != null ? item.image() : "the image of " + item.fromTarget();
        return item.service() + " " + source + " has production targets " + String.join(", ", production);
    }

    /**
     * The first state's Parameters with their paths resolved: the execution's context ({@code $$.Execution.Input},
     * {@code Name}, {@code Id}, {@code StartTime}); the plan step is the first state and takes no other.
     */
    private static ObjectNode firstStepInput(JsonNode definition, JsonNode input, String region, String account) {
        JsonNode parameters = definition.path("States").path(definition.path("StartAt").asText()).path("Parameters");
        Map<String, JsonNode> paths = Map.of("$$.Execution.Input", input,
                "$$.Execution.Name", JSON.getNodeFactory().textNode(EXECUTION_NAME),
                "$$.Execution.Id", JSON.getNodeFactory().textNode(
                        "arn:aws:states:" + region + ":" + account + ":execution:euc-image-updater:" + EXECUTION_NAME),
                "$$.Execution.StartTime", JSON.getNodeFactory().textNode(Instant.now().toString()));
        ObjectNode resolved = JSON.createObjectNode();
        parameters.fields().forEachRemaining(parameter -> {
            if (!parameter.getKey().endsWith(".$")) {
                resolved.set(parameter.getKey(), parameter.getValue());
                return;
            }
            JsonNode value = paths.get(parameter.getValue().asText());
            if (value == null) {
                throw new IllegalStateException("the first state's parameter " + parameter.getKey() + " takes "
                        + parameter.getValue() + ", which a run's preview cannot resolve");
            }
            resolved.set(parameter.getKey().substring(0, parameter.getKey().length() - 2), value);
        });
        return resolved;
    }
}
