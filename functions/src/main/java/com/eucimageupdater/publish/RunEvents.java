package com.eucimageupdater.publish;

import com.eucimageupdater.lambda.JsonView;
import com.eucimageupdater.model.Service;
import com.eucimageupdater.report.MoveOutcome;
import com.eucimageupdater.report.Outcome;
import com.eucimageupdater.rollback.RollbackPlanner;
import com.eucimageupdater.rollout.ProductionRollout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which events and parameters each point of the workflow publishes, from what its steps recorded; calls nothing. */
public final class RunEvents {
    /** The validation gate's outcome for an image whose checks failed. */
    static final String VALIDATION_FAILED = "VALIDATION_FAILED";
    /** A report-only run's images that would update: Image Updated is what it would publish for them. */
    private static final List<String> NEW_IMAGE_OUTCOMES = List.of(Outcome.UPDATED.name(), Outcome.ADOPTED.name(),
            Outcome.WOULD_UPDATE.name());
    /** A report-only rollback's moves back: Rolled Back is what it would publish for them. */
    private static final List<String> MOVED_BACK_OUTCOMES = List.of(MoveOutcome.ROLLED_BACK.name(), MoveOutcome.WOULD_ROLL_BACK.name());

    /**
     * @param problems the parameters that cannot be written (a lineage that cannot be a name), each saying why
     */
    public record Planned(List<RunEvent> events, List<LineageParameter> parameters, List<String> problems) {}

    private RunEvents() {}

    /** Every event and parameter of the request: its builds', roll-outs' and moves back's. */
    public static Planned of(PublishRequest request) {
        String execution = request.run().executionName();
        List<RunEvent> events = new ArrayList<>(built(request.builds(), execution));
        List<LineageParameter> parameters = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < request.production().size() && i < request.results().size(); i++) {
            ProductionRollout rollout = request.production().get(i);
            JsonView result = JsonView.of(request.results().get(i));
            if (!MoveOutcome.ROLLED_OUT.name().equals(result.path("outcome").asText())) {
                continue;
            }
            events.add(new RunEvent(DetailType.PRODUCTION_ROLLED_OUT, RunEvent.Detail.of(rollout.account(), rollout.region(),
                    rollout.service(), rollout.source(), rollout.newImage(), rollout.newImageName(), execution)
                    .withTargets(moved(result))));
            parameter(rollout.account(), rollout.region(), rollout.service(), rollout.lineage(), rollout.newImage(),
                    "rolled out to production by run " + execution, parameters, problems);
        }
        for (int i = 0; i < request.moves().size() && i < request.results().size(); i++) {
            RollbackPlanner.MoveBack move = request.moves().get(i);
            if (!MOVED_BACK_OUTCOMES.contains(JsonView.of(request.results().get(i)).path("outcome").asText())) {
                continue;
            }
            events.add(new RunEvent(DetailType.ROLLED_BACK, RunEvent.Detail.of(move.account(), move.region(), move.service(), move.source(),
                    move.from(), null, execution).withTargets(move.targets()).movedBack(move.image(), request.rollback())));
            if (move.production()) {
                parameter(move.account(), move.region(), move.service(), move.lineage(), move.image(), "moved back by run " + execution
                        + ", the rollback of run " + request.rollback(), parameters, problems);
            }
        }
        return new Planned(events, parameters, problems);
    }

    /** Approval Requested for each image the approval mail asks to roll out ({@code production}: the roll-out plan's list). */
    public static List<RunEvent> approvalRequested(Object production, String execution) {
        List<RunEvent> events = new ArrayList<>();
        JsonView.of(production).forEach(rollout -> events.add(new RunEvent(DetailType.APPROVAL_REQUESTED, RunEvent.Detail.of(
                rollout.path("account").asText(), rollout.path("region").asText(), Service.valueOf(rollout.path("service").asText()),
                rollout.path("source").asText(), rollout.path("newImage").asText(), rollout.path("newImageName").asText(null), execution)
                .withTargets(texts(rollout.path("targets"))))));
        return events;
    }

    /** Image Updated for each new image of the builds, Validation Failed for each whose gate failed. */
    private static List<RunEvent> built(List<Object> builds, String execution) {
        List<RunEvent> events = new ArrayList<>();
        for (JsonView build : builds.stream().map(JsonView::of).toList()) {
            Map<String, String> reasons = new HashMap<>();
            build.path("results").forEach(result -> reasons.put(result.path("image").asText(), result.path("reason").asText(null)));
            for (JsonView result : build.path("results")) {
                String outcome = result.path("outcome").asText();
                if (!NEW_IMAGE_OUTCOMES.contains(outcome) && !VALIDATION_FAILED.equals(outcome)) {
                    continue;
                }
                // An image that would update has only the name it would get.
                String newImage = result.path("newImage").asText(result.path("newImageName").asText(null));
                RunEvent.Detail detail = RunEvent.Detail.of(build.path("account").asText(), build.path("region").asText(),
                        Service.valueOf(result.path("service").asText()), result.path("image").asText(), newImage,
                        result.path("newImageName").asText(null), execution);
                events.add(VALIDATION_FAILED.equals(outcome)
                        // A summary keeps a reason once: a later image that failed alike points to the first one's.
                        ? new RunEvent(DetailType.VALIDATION_FAILED, detail.withReason(result.has("reason")
                                ? result.path("reason").asText() : reasons.get(result.path("sameReasonAs").asText())))
                        : new RunEvent(DetailType.IMAGE_UPDATED, detail));
            }
        }
        return events;
    }

    private static void parameter(String account, String region, Service service, String lineage, String image, String why,
            List<LineageParameter> parameters, List<String> problems) {
        String problem = LineageParameter.nameProblem(lineage);
        if (problem != null) {
            problems.add("parameter for " + image + " (" + service + ", " + account + ", " + region + ") not written: " + problem);
        } else {
            parameters.add(LineageParameter.of(account, region, service, lineage, image, why));
        }
    }

    /** The fleets or bundles a move recorded, in its order. */
    private static List<String> moved(JsonView result) {
        List<String> targets = new ArrayList<>();
        result.path("moved").forEach(move -> targets.add(move.path("target").asText()));
        return targets;
    }

    private static List<String> texts(JsonView array) {
        List<String> texts = new ArrayList<>();
        array.forEach(text -> texts.add(text.asText()));
        return texts;
    }
}
