package com.eucimageupdater.local;

import com.eucimageupdater.approve.AnswerInstructions;
import com.eucimageupdater.approve.AnsweredBy;
import com.eucimageupdater.approve.ApprovalAnswer;
import com.eucimageupdater.approve.ApprovalRequest;
import com.eucimageupdater.approve.Decision;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * How a local run answers the approval the state machine waits for ({@code --approve}), as the endpoint or the CLI
 * would: SendTaskSuccess with the approval, SendTaskFailure with {@code ApprovalRejected}, or no answer, which ends
 * the task with {@code States.Timeout} once its approval timeout passes. The answer says it came from this command
 * line, and so does the approval mail, which has no links: nothing could open them.
 */
enum LocalApproval implements AnswerInstructions {
    YES, NO, TIMEOUT;

    private static final ObjectMapper JSON = new ObjectMapper();

    static LocalApproval parse(String option, String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": must be one of yes, no, timeout, got " + value);
        }
    }

    /** The option that gives this answer, e.g. "./run-local --approve yes". */
    String command() {
        return "./run-local --approve " + name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String forMail(List<ApprovalRequest> answers) {
        return "This local run's approval is answered from the command line by " + command()
                + (this == TIMEOUT ? " (no answer: the wait ends with its timeout)" : "") + ", so this mail has no links.\n";
    }

    /** The callback task's output, or its error. */
    JsonNode answer() {
        AnsweredBy answeredBy = new AnsweredBy(null, null, command(), Instant.now().toString());
        return switch (this) {
            case YES -> JSON.valueToTree(ApprovalAnswer.of(Decision.APPROVE, answeredBy));
            case NO -> throw new TaskError(Decision.REJECTED_ERROR, json(ApprovalAnswer.of(Decision.REJECT, answeredBy)));
            case TIMEOUT -> throw new TaskError("States.Timeout", "no answer within the approval timeout (locally: " + command() + ")");
        };
    }

    private static String json(ApprovalAnswer answer) {
        try {
            return JSON.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an approval answer is always JSON", e);
        }
    }
}
