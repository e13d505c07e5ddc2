package com.eucimageupdater.approve;

import com.eucimageupdater.lambda.JsonValues;
import com.eucimageupdater.lambda.JsonView;
import com.eucimageupdater.model.Approval;
import com.eucimageupdater.report.Outcome;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one mail that asks for the production roll-out, enough to decide on: what each update brings (the service's
 * own words), the new images, what was staged and what each staged fleet or bundle used before, what each production
 * fleet or bundle uses now and will get, which images approving deletes, the deadline, and how to answer. With approval
 * auto, the time production rolls out unless rejected, and only how to reject.
 */
public final class ApprovalMail {
    /** SNS subjects: at most 100 printable ASCII characters. */
    private static final int SUBJECT_MAX = 100;
    /** SNS's 262,144 bytes, less room for the answer's part, which the mail always keeps. */
    static final int MESSAGE_MAX_BYTES = 250_000;
    private static final String INDENT = "    ";
    private static final List<String> NEW_IMAGE_OUTCOMES = Stream.of(Outcome.UPDATED, Outcome.ADOPTED, Outcome.STAGED).map(Outcome::name)
            .toList();

    private ApprovalMail() {}

    public record Mail(String subject, String message) {}

    /** @param now when the mail is written: the task started moments before, and its timeout runs from then */
    public static Mail write(ApprovalMailRequest request, AnswerInstructions instructions, Instant now) {
        ApprovalRequest approve = new ApprovalRequest(request.executionId(), request.token(), Decision.APPROVE);
        ApprovalRequest reject = new ApprovalRequest(request.executionId(), request.token(), Decision.REJECT);
        String execution = approve.executionName();
        ZoneId zone = request.timeZone() == null || request.timeZone().isBlank() ? ZoneOffset.UTC : ZoneId.of(request.timeZone());
        Duration timeout = Duration.ofSeconds(request.approvalTimeoutSeconds());
        String deadline = AnsweredBy.time(now.plus(timeout), zone) + " (" + timeout.toHours() + " h after this mail)";
        boolean auto = request.approval() == Approval.AUTO;
        // With auto approval, no approve link is signed: the soak's end is the approval, and only a reject can stop it.
        String header = "euc-image-updater run " + execution + " on " + request.runDate() + ": the new images below are AVAILABLE (each"
                + " lists what was staged on it, if anything); " + (auto
                ? "production rolls out automatically at " + deadline + " unless you reject it before then.\n\n"
                : "production waits for your approval.\nAnswer before " + deadline + ": without an answer nothing goes to production.\n\n");
        StringBuilder content = new StringBuilder("New images:\n");
        newImages(JsonView.of(request.builds()), content);
        content.append(auto ? "\nProduction, unless rejected:\n" : "\nProduction, once approved:\n");
        production(JsonView.of(request.production()), JsonView.of(request.previews()), content);
        String answer = "\nHow to answer:\n" + instructions.forMail(auto ? List.of(reject) : List.of(approve, reject))
                + "\nTo undo the roll-out later, start the state machine with {\"rollback\": \"" + execution + "\"}.\n";
        String subject = "euc-image-updater: " + (auto ? "production rolls out unless rejected, run " : "approve the roll-out of run ")
                + execution;
        return new Mail(subject.length() <= SUBJECT_MAX ? subject : subject.substring(0, SUBJECT_MAX),
                header + withinLimit(content, (header + answer).getBytes(StandardCharsets.UTF_8).length) + answer);
    }

    /** Each new image: its source, name and id, where it is, what its update brings, and what was staged on it. */
    private static void newImages(JsonView builds, StringBuilder body) {
        for (JsonView build : builds) {
            for (JsonView result : build.path("results")) {
                // A promote's images were built and staged by the run it promotes.
                if (!NEW_IMAGE_OUTCOMES.contains(result.path("outcome").asText())) {
                    continue;
                }
                body.append("  ").append(result.path("service").asText()).append(' ').append(displayed(result.path("image").asText(),
                                result.path("sourceName").asText(null)))
                        .append(" -> ").append(displayed(result.path("newImage").asText(), result.path("newImageName").asText(null)))
                        .append(" (account ").append(build.path("account").asText()).append(", ").append(build.path("region").asText())
                        .append(")\n");
                if (result.has("update")) {
                    body.append(INDENT).append("update: ").append(result.path("update").asText()).append('\n');
                }
                // The staged lines, as the summary writes them ("staged: <target> (was <image>): <note>").
                result.path("details").asText("").lines().map(String::strip).filter(line -> !line.isEmpty())
                        .forEach(line -> body.append(INDENT).append(line).append('\n'));
            }
        }
    }

    /** Each roll-out: the fleets or bundles that move and the image each uses now, and what retention then deletes. */
    private static void production(JsonView production, JsonView previews, StringBuilder body) {
        for (int i = 0; i < production.size(); i++) {
            JsonView rollout = production.path(i);
            JsonView preview = previews.path(i);
            String kind = "WORKSPACES".equals(rollout.path("service").asText()) ? "bundle " : "fleet ";
            body.append("  ").append(displayed(rollout.path("newImage").asText(), rollout.path("newImageName").asText(null)))
                    .append(" (account ").append(rollout.path("account").asText()).append(", ").append(rollout.path("region").asText())
                    .append("):\n");
            if (preview.has("error")) {
                rollout.path("targets").forEach(target -> body.append(INDENT).append(kind).append(target.asText()).append('\n'));
                body.append(INDENT).append("what they use now and what retention deletes could not be read: ")
                        .append(reason(preview.path("error"))).append('\n');
                continue;
            }
            preview.path("current").forEach(target -> body.append(INDENT).append(kind).append(target.path("target").asText())
                    .append(", now on ").append(target.path("image").asText("no image")).append('\n'));
            int keep = rollout.path("keep").asInt(0);
            if (keep == 0) {
                body.append(INDENT).append("deletes nothing: retention is off (keep 0 keeps every image)\n");
            } else if (preview.path("decisions").isEmpty()) {
                body.append(INDENT).append("deletes nothing: retention keeps the newest ").append(keep)
                        .append(", and no older image of the lineage may go\n");
            }
            preview.path("decisions").forEach(image -> body.append(INDENT).append("deletes ").append(image.path("name").asText())
                    .append(" (").append(image.path("reason").asText()).append(")\n"));
        }
    }

    /** A caught error's message: a Lambda error document's, or Step Functions' own cause, or its name. */
    private static String reason(JsonView error) {
        String cause = error.path("Cause").asText("");
        try {
            JsonView document = JsonView.of(JsonValues.parse(cause));
            if (document != null && document.has("errorMessage")) {
                return document.path("errorMessage").asText();
            }
        } catch (JsonProcessingException plainText) {
            // Step Functions' own errors (States.Timeout, Lambda.*) carry plain text.
        }
        return cause.isBlank() ? error.path("Error").asText() : cause;
    }

    /** A WorkSpaces image's id with its name; an AppStream image's name is its identifier. */
    private static String displayed(String identifier, String name) {
        return name == null || name.isEmpty() || name.equals(identifier) ? identifier : name + " (" + identifier + ")";
    }

    /** The content, cut at a line when the whole mail would pass SNS's limit; the part that says how to answer stays whole. */
    private static String withinLimit(StringBuilder content, int rest) {
        String note = "... the mail is cut here, at SNS's 256 KB: the AwaitApproval step's input in the execution lists everything.\n";
        int room = MESSAGE_MAX_BYTES - rest;
        if (content.toString().getBytes(StandardCharsets.UTF_8).length <= room) {
            return content.toString();
        }
        StringBuilder kept = new StringBuilder();
        int bytes = note.length();
        for (String line : content.toString().split("(?<=\n)")) {
            bytes += line.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > room) {
                break;
            }
            kept.append(line);
        }
        return kept + note;
    }
}
